package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code legcds batch --detail compact}: the full record with keys left out. Every key the compact record has, the
 * full record has at the same place with the same value (objects and arrays of objects compared key by key), and bad
 * lines give the same record at both levels.
 */
class BatchDetailTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void compactIsTheFullRecordWithExplanationsLeftOut() throws IOException {
        Path input = examples();

        Run full = legcds("batch", input, "--quiet");
        Run compact = legcds("batch", input, "--quiet", "--detail", "compact");

        assertEquals(2, full.exitCode(), full::toString);
        assertEquals(2, compact.exitCode(), compact::toString);
        List<String> fullLines = full.lines();
        List<String> compactLines = compact.lines();
        assertEquals(fullLines.size(), compactLines.size());
        int assessed = 0;
        for (int i = 0; i < fullLines.size(); i++) {
            JsonNode whole = JSON.readTree(fullLines.get(i));
            JsonNode part = JSON.readTree(compactLines.get(i));
            if (whole.has("assessment")) {
                assessed++;
                assertTrue(compactLines.get(i).length() * 4 < fullLines.get(i).length(),
                        () -> "compact is not much smaller: " + part);
                assertEquals(Set.of("urgency", "redFlags", "notEvaluated", "claudication", "differential",
                        "recommendations", "questions", "knowledgeBase", "evaluationDate"),
                        names(part.get("assessment")));
                assertSubset(part, whole, "$");
            } else {
                assertEquals(whole, part, "a bad line gives the same record at every detail level");
            }
        }
        assertTrue(assessed >= 5, "assessed " + assessed);
    }

    @Test
    void anUnknownDetailLevelIsBadUsage() throws IOException {
        Run run = legcds("batch", examples(), "--detail", "terse");

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertEquals("legcds: --detail must be full or compact, but is 'terse'", run.errLines().get(0));
    }

    /** The example cases, one per line, then a bad line. */
    private Path examples() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples/cases"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                lines.add(JSON.readTree(file.toFile()).toString());
            }
        }
        lines.add("{\"patient\": {\"id\": \"bad\"}, \"findings\": [{\"code\": \"LEG_PAINN\"}]}");
        Path file = tmp.resolve("cases.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static void assertSubset(JsonNode part, JsonNode whole, String path) {
        if (part.isObject()) {
            assertTrue(whole.isObject(), path + " is not an object in the full record");
            for (Map.Entry<String, JsonNode> field : part.properties()) {
                assertTrue(whole.has(field.getKey()), path + "." + field.getKey() + " is not in the full record");
                assertSubset(field.getValue(), whole.get(field.getKey()), path + "." + field.getKey());
            }
        } else if (part.isArray() && part.size() > 0 && part.get(0).isObject()) {
            assertEquals(whole.size(), part.size(), path + ": not as many items as in the full record");
            for (int i = 0; i < part.size(); i++) {
                assertSubset(part.get(i), whole.get(i), path + "[" + i + "]");
            }
        } else {
            assertEquals(whole, part, path);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
