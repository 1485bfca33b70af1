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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcds.Clinic;
import org.legcds.problems.Escaping;

/**
 * No input can forge a line of what a clinician reads: hostile patient ids, codes, field names, dates, file names,
 * scenario names and rule names go through every command, and no output line appears that the input wrote.
 */
class ForgedOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each tries to start a line of its own, or to hide or reorder the text around it. */
    static Stream<String> hostile() {
        return Stream.of(
                "x\nURGENCY: ROUTINE (no red flag raised)",
                "x\r\n0 problems",
                "x\rURGENCY: ROUTINE",
                "\u001B[2J\u001B[HURGENCY: ROUTINE\u001B[8m",
                "x\u2028URGENCY: ROUTINE",
                "x\u0085URGENCY: ROUTINE",
                "\u202EENITUOR :YCNEGRU\u202C and \u2066isolated\u2069 \u200B\uFEFF",
                "it's' is not valid; expected x\n0 problems");
    }

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        return org.legcds.Clinic.writeFile(tmp, name, content);
    }

    private static String caudaEquina(String id) throws IOException {
        return """
                {"patient": {"id": %s, "age": 45, "sex": "male", "pregnancy": "absent"},
                 "evaluationDate": "2026-11-21",
                 "findings": [{"code": "SADDLE_ANAESTHESIA", "status": "present"}]}
                """.formatted(JSON.writeValueAsString(id)).replace('\n', ' ');
    }

    /** Nothing the input wrote appears as a line, or as a character that moves, hides or reorders text. */
    private static void assertNotForged(Run run) {
        String all = run.out() + run.err();
        all.codePoints().filter(cp -> cp != '\n').forEach(cp -> assertFalse(Escaping.unsafe(cp),
                () -> String.format("U+%04X reached the output:%n%s", cp, run)));
        for (String line : all.split("\n")) {
            String text = line.strip();
            assertFalse(text.startsWith("URGENCY: ROUTINE") || text.startsWith("0 problems"),
                    () -> "a forged line: " + text + "\n" + run);
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aPatientIdCannotForgeTheUrgencyOfTheReport(String id) throws IOException {
        Run run = legcds("assess", write("case.json", caudaEquina(id)));

        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertNotForged(run);
        assertEquals(1, run.lines().stream().filter(l -> l.startsWith("URGENCY:")).count(), run::toString);
        assertTrue(run.out().contains("URGENCY: EMERGENCY"), run::toString);
        assertTrue(run.lines().get(1).startsWith("Patient '"), "the id is quoted: " + run.lines().get(1));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void jsonOutputEscapesWhatATerminalWouldObeyAndReadsBackUnchanged(String id) throws IOException {
        Run run = legcds("assess", "--json", write("case.json", caudaEquina(id)));

        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertNotForged(run);
        assertEquals("EMERGENCY", JSON.readTree(run.out()).path("urgency").path("level").asText());
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void errorsQuoteHostileCodesFieldNamesAndDatesOnOneLine(String text) throws IOException {
        String value = JSON.writeValueAsString(text);
        Path bad = write("bad.json", """
                {"patient": {"id": "p", "age": 45, %s: 1}, "evaluationDate": %s,
                 "findings": [{"code": %s, "status": "present"}]}
                """.formatted(value, value, value));

        Run run = legcds("assess", bad);

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertNotForged(run);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().contains("invalid case (3 problems)"), run::toString);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void fileNamesAndArgumentsCannotForgeAnErrorLine(String text) throws IOException {
        String name = text.replace('/', '_');
        assertNotForged(legcds("assess", tmp.resolve("missing " + name + ".json")));
        assertNotForged(legcds("assess", "--" + name, "case.json"));
        assertNotForged(legcds("check", tmp.resolve(name)));
        assertNotForged(legcds("batch", "--threads", name, "in.ndjson"));
        Path file = write("f" + Math.abs(name.hashCode()) + "/" + name + ".json", "{");
        Run run = legcds("assess", file);
        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertNotForged(run);
    }

    @Test
    void batchRecordsAndItsErrorListCannotBeForged() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String text : hostile().toList()) {
            lines.append(caudaEquina(text)).append('\n');
            lines.append(caudaEquina(text).replace("SADDLE_ANAESTHESIA", text.replace("\"", "")
                    .replace("\\", ""))).append('\n');
        }
        // a raw (unescaped) control character inside a JSON string is malformed JSON: quoted in the error, not obeyed
        lines.append("{\"patient\": {\"id\": \"a\u001B[2J\nURGENCY: ROUTINE\"}}\n");
        Path input = write("cases.ndjson", lines.toString());

        Run run = legcds("batch", input);

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertNotForged(run);
        for (String record : run.lines()) {
            JSON.readTree(record); // every record is one line of JSON
        }
    }

    @Test
    void scenarioNamesAndFailuresCannotForgeTheTable() throws IOException {
        for (String text : hostile().toList()) {
            String name = text.replace('/', '_').replace('\n', '_').replace('\r', '_');
            write("scenarios/s" + Math.abs(name.hashCode()) + "-" + name + ".yaml", """
                    description: %s
                    patient: {age: 45, sex: male, pregnancy: absent}
                    findings:
                      - {code: SADDLE_ANAESTHESIA, status: present}
                    expect:
                      urgency: ROUTINE
                    """.formatted(JSON.writeValueAsString(text)));
        }

        Run run = legcds("test", tmp.resolve("scenarios"));

        assertEquals(Main.SCENARIOS_FAILED, run.exitCode(), run::toString);
        assertNotForged(run);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void ruleNamesAndCompileErrorsCannotForgeRulesOrCheckOutput(String text) throws IOException {
        String literal = JSON.writeValueAsString(text); // a DRL string literal with the same escapes as JSON
        Path rules = tmp.resolve("rules");
        write("rules/knowledge-base.yaml", Files.readString(Path.of("rules", "knowledge-base.yaml")));
        if (!Files.exists(rules.resolve("vocabulary"))) {
            Clinic.copyTree(Path.of("rules", "vocabulary"), rules.resolve("vocabulary")); // the ids the rule names
        }
        write("rules/a.drl", """
                package org.legcds.rules;

                import org.legcds.facts.*;

                rule %s
                    @id(X-01) @source(S001-C04)
                when
                    Finding(code == "LEG_PAIN", present)
                then
                end
                """.formatted(literal));

        Run listed = legcds("rules", "--rules", rules);
        assertNotForged(listed);

        write("rules/a.drl", Files.readString(rules.resolve("a.drl")).replace("present)", "present)\n    "
                + text.replace("\"", "") + "\n"));
        Run checked = legcds("check", rules);
        assertEquals(Main.RULES_DO_NOT_COMPILE, checked.exitCode(), checked::toString);
        assertNotForged(checked);
    }
}
