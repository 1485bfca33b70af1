package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --debug}: errors are one readable line, and a stack trace appears only when it is asked for. */
@DisplayName("The CLI prints a stack trace only with --debug")
class DebugOptionTest {

    @TempDir
    Path tmp;

    private Path badCase() throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"patient\": {\"id\": \"p\", \"age\": 200}, \"evaluationDate\": \"2026-11-21\", "
                + "\"findings\": [{\"code\": \"FEVR\", \"status\": \"present\"}]}", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void badInputWithoutDebugIsOneLineWithoutStackTrace() throws IOException {
        Run run = legcds("assess", badCase());

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("patient.age: 200 is not valid") && run.err().contains("findings[0].code"),
                run::toString);
        assertFalse(run.hasStackTrace(), run::toString);
    }

    @Test
    void badInputWithDebugBeforeOrAfterTheCommandAddsTheStackTrace() throws IOException {
        Path file = badCase();
        for (Run run : new Run[] {legcds("--debug", "assess", file), legcds("assess", "--debug", file)}) {
            assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
            assertTrue(run.err().startsWith("legcds: " + file + ": invalid case (2 problems)"), run::toString);
            assertTrue(run.hasStackTrace(), run::toString);
            assertTrue(run.err().contains("org.legcds.problems.InvalidCaseException"), run::toString);
        }
    }

    @Test
    void anUnexpectedErrorPointsToDebugAndDebugShowsItsStackTrace() throws IOException {
        // given rules whose consequence throws (a bug in a rule; past the safety gate), and a case that makes it fire
        Path rules = org.legcds.Clinic.copyOfRules(tmp.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), """
                package org.legcds.rules;

                import org.legcds.facts.*;

                rule "A rule with a bug: its consequence throws"
                    @id(TEST-BUG-01) @source(S000-C01)
                when
                    Finding(code == "FEVER", present)
                then
                    throw new IllegalStateException("a bug in a rule");
                end
                """, StandardCharsets.UTF_8);
        org.legcds.engine.SafetyGate.writeManifest(rules);
        Path caseFile = tmp.resolve("fever.json");
        Files.writeString(caseFile, "{\"patient\": {\"id\": \"p\", \"age\": 50}, \"evaluationDate\": \"2026-11-21\", "
                + "\"findings\": [{\"code\": \"FEVER\", \"status\": \"present\"}]}", StandardCharsets.UTF_8);

        // when it is assessed without and with --debug
        Run quiet = legcds("assess", "--rules", rules, caseFile);
        Run debug = legcds("--debug", "assess", "--rules", rules, caseFile);

        // then both exit 1; only --debug shows the trace
        assertEquals(Main.UNEXPECTED, quiet.exitCode(), quiet::toString);
        assertTrue(quiet.err().contains("unexpected error") && quiet.err().contains("run with --debug"),
                quiet::toString);
        assertFalse(quiet.hasStackTrace(), quiet::toString);
        assertEquals(Main.UNEXPECTED, debug.exitCode(), debug::toString);
        assertTrue(debug.hasStackTrace(), debug::toString);
    }
}
