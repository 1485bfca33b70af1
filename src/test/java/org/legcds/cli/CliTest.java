package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code legcds} command line, driven through {@link Main#run} (no System.exit). Every test checks the exit code and
 * what the user reads.
 */
class CliTest {

    private static final Path RULES = Path.of("rules").toAbsolutePath();
    private static final Path CASES = Path.of("examples", "cases").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The standard header of a DRL file of the knowledge base (lines 1-3; a rule starts on line 5). */
    private static final String DRL_HEADER = """
            package org.legcds.rules;

            import org.legcds.facts.*;
            """;

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        return org.legcds.Clinic.writeFile(tmp, name, content);
    }

    /** A copy of the repository's rules directory, with every subdirectory. */
    private Path copyOfRules() throws IOException {
        Path copy = tmp.resolve("rules-copy");
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static void addRule(Path rules, String relativePath, String drl) throws IOException {
        Path file = rules.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, drl, StandardCharsets.UTF_8);
    }

    /** A rule in the standard file layout: header on lines 1-3, the rule from line 5, its condition on line 8. */
    private static String drlWithCondition(String ruleName, String metadata, String condition) {
        return DRL_HEADER + "\n"
                + "rule \"" + ruleName + "\"\n"          // line 5
                + "    " + metadata + "\n"              // line 6
                + "when\n"                              // line 7
                + "    " + condition + "\n"             // line 8
                + "then\n"                              // line 9
                + "end\n";                              // line 10
    }

    private static final int CONDITION_LINE = 8;

    private static int lineOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "' in:\n" + String.join("\n", lines));
    }

    /** Bad input: exit 2, nothing on stdout, exactly one line on stderr and no stack trace or exception class. */
    private static void assertOneLineBadInput(Run run) {
        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertEquals("", run.out(), () -> "nothing belongs on stdout for bad input\n" + run);
        assertEquals(1, run.errLines().size(), () -> "stderr must be exactly one line\n" + run);
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.errLines().stream().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by")),
                () -> "stack trace on stderr\n" + run);
        assertFalse(Pattern.compile("\\b[\\w.$]*Exception\\b").matcher(run.err()).find(),
                () -> "exception class name on stderr\n" + run);
    }

    @Nested
    class Assess {

        @Test
        void readableReportOfVascularClaudicationPutsUrgencyFirstAndSectionsInOrder() {
            // given the example case of vascular claudication
            Path caseFile = CASES.resolve("vascular-claudication.json");

            // when it is assessed
            Run run = legcds("assess", caseFile);

            // then the report says what it is, then gives urgency, red flags, claudication ... why, in that order
            assertEquals(Main.OK, run.exitCode(), run::toString);
            assertEquals("", run.err(), run::toString);
            List<String> lines = run.out().lines().toList();
            String opening = String.join("\n", lines.subList(0, Math.min(3, lines.size())));
            assertTrue(opening.contains("clinicians") && opening.contains("not a diagnosis"),
                    () -> "the first lines must say it supports clinicians and is not a diagnosis:\n" + opening);
            List<String> order = List.of("URGENCY:", "RED FLAGS", "CLAUDICATION", "DIFFERENTIAL", "RECOMMENDATIONS",
                    "QUESTIONS", "WHY");
            List<Integer> positions = order.stream().map(header -> lineOf(lines, header)).toList();
            List<Integer> sorted = new ArrayList<>(positions);
            sorted.sort(null);
            assertEquals(sorted, positions, () -> "sections out of order " + order + " at lines " + positions
                    + ":\n" + run.out());
            assertEquals("CLAUDICATION: VASCULAR", lines.get(lineOf(lines, "CLAUDICATION")).strip(), run::toString);
        }

        @Test
        void jsonReportOfCaudaEquinaHasTheTwelveTopLevelKeysAndEmergencyUrgency() throws IOException {
            // given the example case of cauda equina syndrome
            Path caseFile = CASES.resolve("cauda-equina.json");

            // when it is assessed with --json
            Run run = legcds("assess", "--json", caseFile);

            // then stdout is one JSON object with exactly the documented keys, and the urgency is an emergency
            assertEquals(Main.OK, run.exitCode(), run::toString);
            assertEquals("", run.err(), run::toString);
            JsonNode report = JSON.readTree(run.out());
            assertTrue(report.isObject(), run::toString);
            Set<String> keys = new TreeSet<>();
            report.fieldNames().forEachRemaining(keys::add);
            assertEquals(new TreeSet<>(List.of("urgency", "redFlags", "notEvaluated", "claudication", "distribution",
                    "causeCategories", "differential", "recommendations", "questions", "trace", "knowledgeBase",
                    "evaluationDate")), keys);
            assertEquals(12, report.size());
            assertEquals("EMERGENCY", report.path("urgency").path("level").asText(), run::toString);
        }

        @Test
        void rulesThatDoNotCompileStopTheAssessmentWithExitThree() throws IOException {
            // given a copy of the rules with a syntax error, and a valid case
            Path rules = copyOfRules();
            addRule(rules, "broken/syntax.drl", drlWithCondition("Broken syntax",
                    "@id(TEST-BROKEN-01) @source(S000-C01)", "Finding(code == \"LEG_PAIN\" present)"));

            // when the case is assessed with those rules
            Run run = legcds("assess", "--rules", rules, CASES.resolve("cauda-equina.json"));

            // then no report is printed and the error names the file and line
            assertEquals(Main.RULES_DO_NOT_COMPILE, run.exitCode(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertTrue(Pattern.compile("broken/syntax\\.drl:" + CONDITION_LINE + "\\b").matcher(run.err()).find(),
                    run::toString);
            assertNoStackTrace(run);
        }
    }

    @Nested
    class BadCaseFile {

        private static final String PATIENT = "\"patient\": {\"id\": \"p-1\", \"age\": 60, \"sex\": \"male\"}";
        private static final String DATE = "\"evaluationDate\": \"2026-11-21\"";

        private Run assess(String json) throws IOException {
            return legcds("assess", write("case.json", json));
        }

        @Test
        void truncatedJsonIsReportedAsMalformed() throws IOException {
            // given a case file cut off in the middle of the findings
            Run run = assess("{" + PATIENT + ", " + DATE + ", \"findings\": [{\"code\": \"LEG_PA");

            // then
            assertOneLineBadInput(run);
            assertTrue(run.err().contains("malformed JSON"), run::toString);
            assertTrue(run.err().contains("case.json"), () -> "names the file\n" + run);
        }

        @Test
        void misspelledFindingCodeIsNamedByPathWithTheNearestCodeSuggested() throws IOException {
            // given a finding code with a typo
            Run run = assess("{" + PATIENT + ", " + DATE
                    + ", \"findings\": [{\"code\": \"BLADER_DYSFUNCTION\", \"status\": \"present\"}]}");

            // then
            assertOneLineBadInput(run);
            assertTrue(run.err().contains("findings[0].code"), run::toString);
            assertTrue(run.err().contains("BLADER_DYSFUNCTION"), () -> "repeats the bad value\n" + run);
            assertTrue(Pattern.compile("nearest: BLADDER_DYSFUNCTION\\b").matcher(run.err()).find(),
                    () -> "suggests BLADDER_DYSFUNCTION first\n" + run);
        }

        @Test
        void findingWithoutStatusIsNamedByPath() throws IOException {
            // given a finding that says nothing about whether it is present
            Run run = assess("{" + PATIENT + ", " + DATE + ", \"findings\": [{\"code\": \"LEG_PAIN\"}]}");

            // then
            assertOneLineBadInput(run);
            assertTrue(run.err().contains("findings[0].status"), run::toString);
            assertTrue(run.err().contains("present, absent, unknown or conflicting"), run::toString);
        }

        @Test
        void unknownTopLevelFieldIsRejectedRatherThanIgnored() throws IOException {
            // given a typo in the name of a top-level field
            Run run = assess("{" + PATIENT + ", \"evalutionDate\": \"2026-11-21\", \"findings\": []}");

            // then
            assertOneLineBadInput(run);
            assertTrue(run.err().contains("evalutionDate: an unknown field"), run::toString);
        }

        @Test
        void missingFileSaysNoSuchFile() {
            // given a path where there is no file
            Path missing = tmp.resolve("no-such-case.json");

            // when
            Run run = legcds("assess", missing);

            // then
            assertOneLineBadInput(run);
            assertTrue(run.err().contains("no such file"), run::toString);
            assertTrue(run.err().contains("no-such-case.json"), run::toString);
        }

        @Test
        void ankleBrachialIndexOutsideItsRangeIsRejectedNamingTheRange() throws IOException {
            // given an ABI of 7.5 (the valid range is 0 to 3)
            Run run = assess("{" + PATIENT + ", " + DATE + ", \"findings\": [{\"code\": \"ANKLE_BRACHIAL_INDEX\", "
                    + "\"status\": \"present\", \"laterality\": \"left\", \"value\": 7.5, \"unit\": \"1\"}]}");

            // then
            assertOneLineBadInput(run);
            assertTrue(run.err().contains("findings[0]"), run::toString);
            assertTrue(run.err().contains("ANKLE_BRACHIAL_INDEX"), run::toString);
            assertTrue(run.err().contains("7.5"), run::toString);
            assertTrue(Pattern.compile("\\b0(\\.0)? (and|to) 3(\\.0)?\\b").matcher(run.err()).find(),
                    () -> "names the range 0 to 3\n" + run);
        }

        @Test
        void pregnancyInAMalePatientIsRejected() throws IOException {
            // given a male patient recorded as pregnant
            Run run = assess("{\"patient\": {\"id\": \"p-1\", \"age\": 30, \"sex\": \"male\", \"pregnancy\": "
                    + "\"present\"}, " + DATE + ", \"findings\": []}");

            // then
            assertOneLineBadInput(run);
            String message = run.err().toLowerCase(java.util.Locale.ROOT);
            assertTrue(message.contains("patient") && message.contains("pregnancy") && message.contains("male"),
                    run::toString);
        }
    }

    @Nested
    class Check {

        @Test
        void theRepositoryRulesCompile() {
            // when the repository's own rules are checked
            Run run = legcds("check", RULES);

            // then
            assertEquals(Main.OK, run.exitCode(), run::toString);
            assertTrue(run.out().startsWith("OK"), run::toString);
            assertEquals("", run.err(), run::toString);
        }

        @Test
        void syntaxErrorIsReportedWithFileAndLine() throws IOException {
            // given a copy of the rules plus a file whose condition on line 8 lacks a comma
            Path rules = copyOfRules();
            addRule(rules, "broken/syntax.drl", drlWithCondition("Broken syntax",
                    "@id(TEST-BROKEN-01) @source(S000-C01)", "Finding(code == \"LEG_PAIN\" present)"));

            // when
            Run run = legcds("check", rules);

            // then
            assertEquals(Main.RULES_DO_NOT_COMPILE, run.exitCode(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertTrue(Pattern.compile("broken/syntax\\.drl:" + CONDITION_LINE + "\\b").matcher(run.err()).find(),
                    run::toString);
            assertNoStackTrace(run);
        }

        @Test
        void unknownFieldOfAFactIsReportedWithFileAndLine() throws IOException {
            // given a copy of the rules plus a rule that tests a field Finding does not have, on line 8
            Path rules = copyOfRules();
            addRule(rules, "broken/field.drl", drlWithCondition("Unknown field",
                    "@id(TEST-BROKEN-02) @source(S000-C01)", "Finding(colour == \"red\")"));

            // when
            Run run = legcds("check", rules);

            // then
            assertEquals(Main.RULES_DO_NOT_COMPILE, run.exitCode(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertTrue(Pattern.compile("broken/field\\.drl:" + CONDITION_LINE + "\\b").matcher(run.err()).find(),
                    run::toString);
            assertTrue(run.err().contains("colour"), run::toString);
            assertNoStackTrace(run);
        }

        @Test
        void ruleWithoutSourceIsRejectedByName() throws IOException {
            // given a copy of the rules plus a rule that cites no source
            Path rules = copyOfRules();
            addRule(rules, "broken/unsourced.drl", drlWithCondition(
                    "Test rule citing nothing", "@id(TEST-BROKEN-03)", "Finding(code == \"LEG_PAIN\", present)"));

            // when
            Run run = legcds("check", rules);

            // then
            assertEquals(Main.RULES_DO_NOT_COMPILE, run.exitCode(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertTrue(run.err().contains("Test rule citing nothing"), run::toString);
            assertTrue(run.err().contains("@source"), run::toString);
            assertNoStackTrace(run);
        }
    }

    @Nested
    class Vocabulary {

        @Test
        void listsTheFindingCodes() {
            // when
            Run run = legcds("vocabulary");

            // then
            assertEquals(Main.OK, run.exitCode(), run::toString);
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("LEG_PAIN ")), run::toString);
            assertEquals("", run.err(), run::toString);
        }

        @Test
        void asJsonIsOneListPerSectionOfEntriesWithIdAndLabel() throws IOException {
            // when
            Run run = legcds("vocabulary", "--json");

            // then every section of the vocabulary is a list of entries with id and label (findings with their kind)
            assertEquals(Main.OK, run.exitCode(), run::toString);
            JsonNode vocabulary = JSON.readTree(run.out());
            for (String section : List.of("findings", "modifiers", "conditions", "steps", "checks", "thresholds")) {
                JsonNode items = vocabulary.path(section);
                assertTrue(items.isArray() && !items.isEmpty(), () -> section + ": " + run);
                for (JsonNode item : items) {
                    for (String field : section.equals("findings") || section.equals("modifiers")
                            || section.equals("steps") ? List.of("id", "kind", "label") : List.of("id", "label")) {
                        assertTrue(item.path(field).isTextual() && !item.path(field).asText().isBlank(),
                                () -> section + ": entry without " + field + ": " + item);
                    }
                }
            }
            assertTrue(vocabulary.path("findings").findValuesAsText("id").contains("LEG_PAIN"), run::toString);
        }
    }

    @Nested
    class Usage {

        private void assertUsageError(Run run, String named) {
            assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertFalse(run.errLines().isEmpty(), run::toString);
            assertTrue(run.errLines().get(0).contains(named), () -> "the first line names " + named + "\n" + run);
            assertNoStackTrace(run);
        }

        @Test
        void unknownSubcommand() {
            assertUsageError(legcds("diagnose", "x.json"), "'diagnose'");
        }

        @Test
        void unknownOption() {
            assertUsageError(legcds("assess", "--yaml", CASES.resolve("cauda-equina.json")), "--yaml");
        }

        @Test
        void missingParameter() {
            assertUsageError(legcds("assess"), "<case.json>");
        }
    }
}
