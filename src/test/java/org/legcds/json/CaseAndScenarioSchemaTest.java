package org.legcds.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON Schemas an editor uses to complete and check case files and scenario files ({@code schema/}) accept every
 * example case and every scenario of the project, and refuse what the readers refuse for their shape (an unknown key,
 * a missing status, a bad date).
 */
class CaseAndScenarioSchemaTest {

    private static final Path SCHEMAS = Path.of("schema").toAbsolutePath();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://legcds.org/schema/",
                    SCHEMAS.toUri().toString())));
    private static final JsonSchema CASE = FACTORY.getSchema(SchemaLocation.of(
            "https://legcds.org/schema/case.schema.json"));
    private static final JsonSchema SCENARIO = FACTORY.getSchema(SchemaLocation.of(
            "https://legcds.org/schema/scenario.schema.json"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    @TestFactory
    Stream<DynamicTest> everyExampleCaseFitsTheCaseSchema() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(Path.of("examples", "cases"))) {
            cases = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Set<ValidationMessage> problems = CASE.validate(JSON.readTree(file.toFile()));
            assertTrue(problems.isEmpty(), file + ": " + problems);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioFitsTheScenarioSchema() throws IOException {
        List<Path> scenarios;
        Path root = Path.of("scenarios");
        try (Stream<Path> files = Files.walk(root)) {
            scenarios = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !hidden(root.relativize(p)))
                    .sorted().toList();
        }
        assertTrue(scenarios.size() > 100, "expected the project's scenarios, found " + scenarios.size());
        return scenarios.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            Set<ValidationMessage> problems = SCENARIO.validate(YAML.readTree(file.toFile()));
            assertTrue(problems.isEmpty(), file + ": " + problems);
        }));
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aCaseWithAMisspeltKeyOrNoStatusOrABadDateIsRefused() throws IOException {
        ObjectNode good = (ObjectNode) JSON.readTree(Path.of("examples", "cases", "cauda-equina.json").toFile());
        assertTrue(CASE.validate(good).isEmpty());

        ObjectNode misspelt = good.deepCopy();
        ((ObjectNode) misspelt.withArray("findings").get(0)).put("lateralty", "left");
        assertFalse(CASE.validate(misspelt).isEmpty(), "an unknown key is refused, as CaseJson refuses it");

        ObjectNode noStatus = good.deepCopy();
        ((ObjectNode) noStatus.withArray("findings").get(0)).remove("status");
        assertFalse(CASE.validate(noStatus).isEmpty(), "a finding without a status is refused: never taken as absent");

        ObjectNode badDate = good.deepCopy();
        badDate.put("evaluationDate", "21/11/2026");
        assertFalse(CASE.validate(badDate).isEmpty());
    }

    @Test
    void aScenarioWithoutExpectationsOrWithAnUnknownExpectationIsRefused() throws IOException {
        JsonNode good = YAML.readTree("""
                description: Calf pain on walking, relieved by standing still
                findings:
                  - {code: LEG_PAIN, status: present, laterality: bilateral, triggers: [walking]}
                expect:
                  claudication: VASCULAR
                  differential: {include: [PERIPHERAL_ARTERY_DISEASE=LIKELY]}
                """);
        assertEquals(Set.of(), SCENARIO.validate(good));
        ObjectNode noExpect = (ObjectNode) good.deepCopy();
        noExpect.remove("expect");
        assertFalse(SCENARIO.validate(noExpect).isEmpty());
        ObjectNode unknown = (ObjectNode) good.deepCopy();
        ((ObjectNode) unknown.get("expect")).put("urgencyy", "ROUTINE");
        assertFalse(SCENARIO.validate(unknown).isEmpty());
        ObjectNode empty = (ObjectNode) good.deepCopy();
        empty.set("expect", JSON.createObjectNode());
        assertFalse(SCENARIO.validate(empty).isEmpty(), "a scenario that expects nothing cannot fail");
    }
}
