package org.legcds;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.CauseCategories;
import org.legcds.assessment.ClaudicationAssessment;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.Clue;
import org.legcds.assessment.Direction;
import org.legcds.assessment.Evidence;
import org.legcds.assessment.Explanation;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.KnowledgeBaseInfo;
import org.legcds.assessment.Mechanism;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.ObservedPattern;
import org.legcds.assessment.Priority;
import org.legcds.assessment.Question;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.SymptomPattern;
import org.legcds.assessment.Tier;
import org.legcds.assessment.TraceEntry;
import org.legcds.assessment.Triage;
import org.legcds.facts.Course;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.facts.Severity;
import org.legcds.facts.Status;
import org.legcds.facts.Tempo;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CaseJson;
import org.legcds.scenario.Scenario;
import org.legcds.scenario.ScenarioReader;
import org.legcds.vocabulary.CauseCategory;
import org.legcds.vocabulary.Definition;
import org.legcds.vocabulary.ModifierDefinition;
import org.legcds.vocabulary.StepKind;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.Vocabulary;

/**
 * {@code schema/assessment.schema.json} documents the assessment JSON exactly: every example's output conforms to it,
 * it rejects output that is not in that shape, and its enums and objects cannot drift from the Java records. Its
 * vocabulary ids are open (the vocabulary is data of the knowledge base); every id the examples and the scenarios
 * produce is checked against the packaged vocabulary instead.
 */
class AssessmentJsonSchemaTest {

    private static final Path SCHEMA_FILE = Path.of("schema", "assessment.schema.json");
    private static final Path EXAMPLES = Path.of("examples", "cases");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The enums whose names the assessment JSON carries, each documented by a {@code $defs} entry of its name. */
    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(Urgency.class, ClaudicationType.class,
            Mechanism.class, Direction.class, SymptomPattern.class, CauseCategory.class, Tier.class,
            Priority.class, StepKind.class, Status.class, Laterality.class, Onset.class, Severity.class, Course.class,
            Tempo.class);

    /**
     * The {@code $defs} entries of vocabulary ids, and the ids of the packaged vocabulary each stands for. The schema
     * leaves them open (an id's shape only): the vocabulary is data of the knowledge base and grows without a release,
     * so the ids are checked against the vocabulary instead of a copied list.
     */
    private static final Map<String, Set<String>> VOCABULARY_IDS = vocabularyIds();

    /** The shape of every vocabulary id. */
    private static final String ID_PATTERN = "^[A-Z][A-Z0-9_]*$";

    /** The records of the assessment JSON and the {@code $defs} entry documenting each (null: the schema's root). */
    private static final Map<Class<? extends Record>, String> RECORDS = recordDefinitions();

    /** Finding's qualifiers, left out of the JSON when not recorded. */
    private static final Set<String> OPTIONAL_FINDING_QUALIFIERS = Set.of("laterality", "onset", "value", "unit",
            "triggers", "reliefs", "absentTriggers", "absentReliefs", "severity", "course", "tempo", "since", "duration",
            "site", "answer", "source");

    private static LegCds engine;
    private static JsonNode schemaDocument;
    private static JsonSchema schema;

    @BeforeAll
    static void loadEngineAndSchemaDocument() throws IOException {
        engine = LegCds.packaged();
        schemaDocument = JSON.readTree(Files.readString(SCHEMA_FILE));
    }

    /**
     * The schema as a validator, built on first use (not in {@code @BeforeAll}) so that a schema the validator cannot
     * load fails the tests that validate with it, while the meta-schema test still says what is wrong.
     */
    private static JsonSchema schema() {
        if (schema == null) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true) // 2020-12 treats `format` as an annotation unless asked to assert it
                    .pathType(PathType.JSON_POINTER)
                    .build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument, config);
        }
        return schema;
    }

    // --- conformance ----------------------------------------------------------------------------------------------

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        // given the draft 2020-12 meta-schema
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        // when the schema file is validated against it
        Set<ValidationMessage> messages = metaSchema.validate(schemaDocument);

        // then it is a well-formed schema
        assertTrue(messages.isEmpty(), () -> SCHEMA_FILE + " is not a valid draft 2020-12 schema:\n" + describe(messages));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAssessmentConformsToTheSchema() throws IOException {
        List<Path> examples = exampleCases();
        assertFalse(examples.isEmpty(), "no example cases in " + EXAMPLES);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
            // given an example case, assessed by the packaged knowledge base
            String json = assessmentJson(example);

            // when its JSON is validated against the schema
            Set<ValidationMessage> messages = schema().validate(json, InputFormat.JSON);

            // then nothing is reported
            assertTrue(messages.isEmpty(), () -> "the assessment of " + example + " does not conform to " + SCHEMA_FILE
                    + ":\n" + describe(messages));
        }));
    }

    // --- the schema can fail --------------------------------------------------------------------------------------

    @Test
    void theSchemaRejectsAnAssessmentWithoutARequiredTopLevelKey() {
        // given real output without its trace
        ObjectNode assessment = validAssessment();
        assessment.remove("trace");

        // when it is validated, then the missing key is reported
        assertRejected(assessment, "trace", "a missing top-level key");
    }

    @Test
    void theSchemaRejectsAnAssessmentWithAnUnknownTopLevelKey() {
        // given real output with a key the schema does not document
        ObjectNode assessment = validAssessment();
        assessment.put("diagnosis", "PERIPHERAL_ARTERY_DISEASE");

        // when it is validated, then the unknown key is reported
        assertRejected(assessment, "diagnosis", "an unknown top-level key");
    }

    @Test
    void theSchemaRejectsAnAssessmentWithAnInvalidEnumValue() {
        // given real output whose urgency is not an Urgency
        ObjectNode assessment = validAssessment();
        ((ObjectNode) assessment.get("urgency")).put("level", "SOON");

        // when it is validated, then the bad value is reported where it is
        assertRejected(assessment, "/urgency/level", "an urgency level that is not an Urgency");
    }

    static Stream<Arguments> malformedOutput() {
        return Stream.of(
                malformed("a hypothesis tier that is not a Tier", "/differential/0/tier",
                        a -> ((ObjectNode) a.at("/differential/0")).put("tier", "CERTAIN")),
                malformed("a finding code that is not written as an id", "/differential/0/findingsFor/0/code",
                        a -> ((ObjectNode) a.at("/differential/0/findingsFor/0")).put("code", "leg ache")),
                malformed("a finding with an unknown qualifier", "comment",
                        a -> ((ObjectNode) a.at("/differential/0/findingsFor/0")).put("comment", "since May")),
                malformed("a finding without a status", "status",
                        a -> ((ObjectNode) a.at("/differential/0/findingsFor/0")).remove("status")),
                malformed("a finding with an empty (unrecorded) trigger list", "/differential/0/findingsFor/0/triggers",
                        a -> ((ObjectNode) a.at("/differential/0/findingsFor/0")).putArray("triggers")),
                malformed("an onset on a finding that is not present", "/differential/0/findingsFor/0/status",
                        a -> ((ObjectNode) a.at("/differential/0/findingsFor/0")).put("status", "ABSENT")),
                malformed("a measured value without its unit", "/differential/0/findingsFor/0",
                        a -> ((ObjectNode) a.at("/differential/0/findingsFor/0")).put("value", 0.72)),
                malformed("a recommendation without its explanation", "because",
                        a -> ((ObjectNode) a.at("/recommendations/0")).remove("because")),
                malformed("an evaluation date that is not YYYY-MM-DD", "/evaluationDate",
                        a -> a.put("evaluationDate", "21/11/2026")),
                malformed("an evaluation date that does not exist", "/evaluationDate",
                        a -> a.put("evaluationDate", "2026-02-30")),
                malformed("a knowledge-base status outside draft, testing, production", "/knowledgeBase/status",
                        a -> ((ObjectNode) a.get("knowledgeBase")).put("status", "released")),
                malformed("a content hash that is not a SHA-256", "/knowledgeBase/contentHash",
                        a -> ((ObjectNode) a.get("knowledgeBase")).put("contentHash", "md5:0123456789abcdef")),
                malformed("a trace entry numbered 0", "/trace/0/order",
                        a -> ((ObjectNode) a.at("/trace/0")).set("order", IntNode.valueOf(0))),
                malformed("a rule that cites no source", "/trace/0/sources",
                        a -> ((ObjectNode) a.at("/trace/0")).putArray("sources")),
                malformed("a cited rule with an empty id", "/claudication/because/rules/0/id",
                        a -> ((ObjectNode) a.at("/claudication/because/rules/0")).put("id", "")),
                malformed("a routine urgency that names red flags", "/urgency/setBy",
                        a -> ((ArrayNode) a.at("/urgency/setBy")).add("CAUDA_EQUINA_SYNDROME")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedOutput")
    void theSchemaRejectsMalformedNestedOutput(String what, String reportedAt, Consumer<ObjectNode> breakIt) {
        // given real output, broken in one place
        ObjectNode assessment = validAssessment();
        breakIt.accept(assessment);

        // when it is validated, then the break is reported
        assertRejected(assessment, reportedAt, what);
    }

    // --- the schema cannot drift from the code --------------------------------------------------------------------

    static Stream<Arguments> enums() {
        return ENUMS.stream().map(type -> Arguments.of(type.getSimpleName(), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void everyEnumInTheSchemaListsExactlyTheJavaConstants(String name, Class<? extends Enum<?>> type) {
        // given the Java enum's constants, in declaration order
        List<String> constants = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();

        // when the schema's definition of it is read
        JsonNode definition = schemaDocument.at("/$defs/" + name + "/enum");

        // then it lists the same names in the same order
        assertTrue(definition.isArray(), () -> SCHEMA_FILE + " has no $defs/" + name + "/enum");
        assertEquals(constants, texts(definition), () -> SCHEMA_FILE + ": $defs/" + name + "/enum differs from "
                + type.getName() + "; update the schema");
    }

    @Test
    void everyEnumDefinitionInTheSchemaIsAJavaEnum() {
        // given the $defs that list enum values
        Set<String> enumDefinitions = new TreeSet<>();
        schemaDocument.get("$defs").properties().forEach(e -> {
            if (e.getValue().has("enum")) {
                enumDefinitions.add(e.getKey());
            }
        });

        // then each is one of the Java enums the sync test compares (none is stale)
        Set<String> javaEnums = ENUMS.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(javaEnums, enumDefinitions, "enum $defs in " + SCHEMA_FILE + " vs the Java enums checked here");
    }

    @Test
    void everyVocabularyDefinitionInTheSchemaIsOpenAndSaysWhereTheIdsComeFrom() {
        for (String name : VOCABULARY_IDS.keySet()) {
            JsonNode definition = schemaDocument.at("/$defs/" + name);
            assertAll("$defs/" + name,
                    () -> assertEquals("string", definition.path("type").asText(), name + ": type"),
                    () -> assertEquals(ID_PATTERN, definition.path("pattern").asText(), name + ": pattern"),
                    () -> assertFalse(definition.has("enum"), name + " must not copy the vocabulary's ids"),
                    () -> assertTrue(definition.path("description").asText().contains("legcds vocabulary --json"),
                            name + " must say where its ids are published"));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyIdInTheExamplesAndScenariosIsAnIdOfThePackagedVocabularyOfTheRightKind()
            throws IOException {
        // given the assessments of every example case and every scenario
        Map<String, String> assessments = new LinkedHashMap<>();
        for (Path example : exampleCases()) {
            assessments.put(example.toString(), assessmentJson(example));
        }
        for (Scenario scenario : ScenarioReader.of(Path.of("scenarios")).readAll()) {
            assessments.put("scenario " + scenario.id(), AssessmentJson.write(engine.assess(scenario.patientCase())));
        }
        assertTrue(assessments.size() > 100, "expected the examples and the scenarios, found " + assessments.size());
        return assessments.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            // when every value the schema types as a vocabulary id is looked up in the vocabulary
            List<String> unknown = unknownIds(JSON.readTree(e.getValue()));

            // then each is an id of the vocabulary of its kind (a finding where a finding is meant, ...)
            assertEquals(List.of(), unknown, e.getKey());
        }));
    }

    @Test
    void theVocabularyCheckCanFail() {
        // given real output with a finding id the vocabulary does not have, and a check id where a finding is meant
        ObjectNode assessment = validAssessment();
        assertEquals(List.of(), unknownIds(assessment));
        ((ObjectNode) assessment.at("/differential/0/findingsFor/0")).put("code", "LEG_ACHE");
        ((ArrayNode) assessment.at("/differential/0/wouldDecide")).add("CAUDA_EQUINA_SYNDROME");

        // then both are reported where they are (the schema alone accepts them: its ids are open)
        assertTrue(schema().validate(assessment).isEmpty());
        assertEquals(List.of("/differential/0/findingsFor/0/code: LEG_ACHE is not a Code of the vocabulary",
                "/differential/0/wouldDecide/" + (assessment.at("/differential/0/wouldDecide").size() - 1)
                        + ": CAUDA_EQUINA_SYNDROME is not a Code of the vocabulary"), unknownIds(assessment));
    }

    /** The name the library's JSON writer gives a record component (a mix-in may rename it). */
    private static String jsonName(Class<?> type, String component) {
        var config = AssessmentJson.mapper().getSerializationConfig();
        return config.introspect(config.constructType(type)).findProperties().stream()
                .filter(p -> p.getInternalName().equals(component)).map(p -> p.getName()).findFirst()
                .orElse(component);
    }

    static Stream<Arguments> records() {
        return RECORDS.entrySet().stream().map(e -> Arguments.of(e.getKey().getSimpleName(), e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyObjectInTheSchemaHasExactlyTheRecordsComponents(String name, Class<? extends Record> type,
                                                               String definitionName) {
        // given the record's components, in declaration order (the order Jackson writes them), by their JSON names
        // (issue 16 renamed Assessment.urgency() and distribution() in Java; the JSON keeps schema 1's names)
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .map(component -> jsonName(type, component)).toList();
        List<String> mandatory = components.stream()
                .filter(c -> type != Finding.class || !OPTIONAL_FINDING_QUALIFIERS.contains(c)).toList();

        // when the schema object documenting it is read
        String where = definitionName == null ? "the root" : "$defs/" + definitionName;
        JsonNode definition = definitionName == null ? schemaDocument : schemaDocument.at("/$defs/" + definitionName);

        // then it is closed, lists every component in order, and requires all but Finding's qualifiers
        assertAll(where + " documents " + type.getName(),
                () -> assertEquals("object", definition.path("type").asText(), where + ": type"),
                () -> assertEquals("false", definition.path("additionalProperties").toString(),
                        where + ": additionalProperties must be false"),
                () -> assertEquals(components, fieldNames(definition.path("properties")), where + ": properties"),
                () -> assertEquals(mandatory, texts(definition.path("required")), where + ": required"));
    }

    @Test
    void everyPropertyInTheSchemaIsDescribed() {
        // given every property the schema defines
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schemaDocument, "", undescribed);

        // then each has a description for host developers
        assertTrue(undescribed.isEmpty(), () -> "properties without a description in " + SCHEMA_FILE + ": " + undescribed);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Map<Class<? extends Record>, String> recordDefinitions() {
        Map<Class<? extends Record>, String> records = new LinkedHashMap<>();
        records.put(Assessment.class, null);
        records.put(Triage.class, "Triage");
        records.put(RedFlag.class, "RedFlag");
        records.put(NotEvaluated.class, "NotEvaluated");
        records.put(ClaudicationAssessment.class, "ClaudicationAssessment");
        records.put(Clue.class, "Clue");
        records.put(ObservedPattern.class, "Pattern");
        records.put(CauseCategories.class, "CauseCategories");
        records.put(Hypothesis.class, "Hypothesis");
        records.put(Evidence.class, "Evidence");
        records.put(Recommendation.class, "Recommendation");
        records.put(Question.class, "Question");
        records.put(TraceEntry.class, "TraceEntry");
        records.put(KnowledgeBaseInfo.class, "KnowledgeBaseInfo");
        records.put(KnowledgeBaseInfo.Source.class, "KnowledgeBaseSource");
        records.put(Explanation.class, "Explanation");
        records.put(RuleRef.class, "RuleRef");
        records.put(Finding.class, "Finding");
        return records;
    }

    private static Map<String, Set<String>> vocabularyIds() {
        Vocabulary vocabulary = Vocabulary.packaged();
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        ids.put("RedFlagCheck", idsOf(vocabulary.checks()));
        ids.put("Condition", idsOf(vocabulary.conditions()));
        ids.put("Step", idsOf(vocabulary.steps()));
        ids.put("Code", idsOf(vocabulary.findings()));
        ids.put("Trigger", idsOf(vocabulary.modifiers(ModifierDefinition.Kind.TRIGGER)));
        ids.put("Relief", idsOf(vocabulary.modifiers(ModifierDefinition.Kind.RELIEF)));
        ids.put("Site", idsOf(vocabulary.modifiers(ModifierDefinition.Kind.SITE)));
        return ids;
    }

    private static Set<String> idsOf(java.util.Collection<? extends Definition> definitions) {
        return definitions.stream().map(Definition::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every value of the assessment that the schema types as a vocabulary id but the vocabulary lacks, with where. */
    private static List<String> unknownIds(JsonNode assessment) {
        List<String> unknown = new ArrayList<>();
        walk(assessment, schemaDocument, "", unknown);
        return unknown;
    }

    /** Follows the JSON and its schema together (properties, items, $ref); checks values typed as vocabulary ids. */
    private static void walk(JsonNode value, JsonNode schemaNode, String at, List<String> unknown) {
        String ref = schemaNode.path("$ref").asText("");
        if (ref.startsWith("#/$defs/")) {
            String name = ref.substring("#/$defs/".length());
            Set<String> ids = VOCABULARY_IDS.get(name);
            if (ids != null) {
                if (!ids.contains(value.asText())) {
                    unknown.add(at + ": " + value.asText() + " is not a " + name + " of the vocabulary");
                }
                return;
            }
            walk(value, schemaDocument.at("/$defs/" + name), at, unknown);
            return;
        }
        if (value.isObject() && schemaNode.has("properties")) {
            value.properties().forEach(e -> {
                JsonNode property = schemaNode.get("properties").get(e.getKey());
                if (property != null) {
                    walk(e.getValue(), property, at + "/" + e.getKey(), unknown);
                }
            });
        } else if (value.isArray() && schemaNode.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), schemaNode.get("items"), at + "/" + i, unknown);
            }
        }
    }

    private static Arguments malformed(String what, String reportedAt, Consumer<ObjectNode> breakIt) {
        return Arguments.of(what, reportedAt, breakIt);
    }

    /** Valid output to break: the vascular example has a red-flag-free urgency, a differential, findings and a trace. */
    private static ObjectNode validAssessment() {
        Path example = EXAMPLES.resolve("vascular-claudication.json");
        try {
            ObjectNode assessment = (ObjectNode) JSON.readTree(assessmentJson(example));
            Set<ValidationMessage> messages = schema().validate(assessment);
            assertTrue(messages.isEmpty(), () -> "the unbroken assessment of " + example + " must conform:\n"
                    + describe(messages));
            assertEquals("ROUTINE", assessment.at("/urgency/level").asText(), example + " must be routine");
            return assessment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts the schema rejects the document for the intended reason: a problem at {@code reportedAt} (a JSON pointer,
     * starting with "/") or about the property {@code reportedAt} (a missing or unknown key).
     */
    private static void assertRejected(JsonNode assessment, String reportedAt, String what) {
        Set<ValidationMessage> messages = schema().validate(assessment);
        assertFalse(messages.isEmpty(), () -> "the schema accepted " + what);
        assertTrue(messages.stream().anyMatch(m -> reportedAt.startsWith("/")
                        ? m.getInstanceLocation().toString().equals(reportedAt)
                        : reportedAt.equals(m.getProperty())),
                () -> "the schema rejected " + what + ", but not at " + reportedAt + ":\n" + describe(messages));
    }

    private static String assessmentJson(Path example) {
        try {
            return AssessmentJson.write(engine.assess(CaseJson.read(Files.readString(example))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + example, e);
        }
    }

    static List<Path> exampleCases() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String describe(Set<ValidationMessage> messages) {
        return messages.stream().map(m -> "  " + m.getMessage()).sorted()
                .collect(Collectors.joining("\n"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Conditional subschemas only constrain properties documented elsewhere, so they are not searched. */
    private static final Set<String> CONDITIONAL_KEYWORDS = Set.of("if", "then", "else", "dependentSchemas");

    private static void collectUndescribed(JsonNode node, String path, List<String> into) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    JsonNode description = property.getValue().get("description");
                    if (!(description instanceof TextNode text) || text.asText().isBlank()) {
                        into.add(path + "/properties/" + property.getKey());
                    }
                }
            }
            node.properties().forEach(e -> {
                if (!CONDITIONAL_KEYWORDS.contains(e.getKey())) {
                    collectUndescribed(e.getValue(), path + "/" + e.getKey(), into);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUndescribed(node.get(i), path + "/" + i, into);
            }
        }
    }
}
