package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The command-line conventions: "did you mean", a version from the build, shell completion, exit codes in help. */
class CliConventionsTest {

    private static final List<String> COMMANDS = List.of("assess", "batch", "check", "vocabulary", "test", "rules",
            "coverage", "completion");

    @Test
    void aMisspeltCommandGetsADidYouMean() {
        Run run = legcds("asses", "examples/cases/cauda-equina.json");

        assertEquals(Main.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("Did you mean") && run.err().contains("assess"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
    }

    @Test
    void aMisspeltOptionGetsADidYouMean() {
        Run run = legcds("assess", "--jsno", "examples/cases/cauda-equina.json");

        assertEquals(Main.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--json"), run.err());
    }

    @Test
    void theVersionComesFromTheBuild() {
        Run run = legcds("--version");

        assertEquals(Main.OK, run.exitCode());
        assertTrue(run.out().strip().matches("legcds \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Drools \\d+\\.\\d+\\.\\d+\\)"), run.out());
    }

    @Test
    void theCompletionScriptCompletesEveryCommand() {
        Run run = legcds("completion");

        assertEquals(Main.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("complete -F"), "a bash completion script");
        assertAll(COMMANDS.stream().map(c -> () -> assertTrue(run.out().contains(c), c + " completed")));
        assertTrue(run.out().contains("--evaluation-date"), "options are completed too");
    }

    @TestFactory
    Stream<DynamicTest> everyHelpListsItsExitCodes() {
        return Stream.concat(Stream.of(""), COMMANDS.stream()).map(command -> DynamicTest.dynamicTest(
                command.isEmpty() ? "legcds" : command, () -> {
                    Run run = command.isEmpty() ? legcds("--help") : legcds(command, "--help");
                    assertEquals(Main.OK, run.exitCode(), run.err());
                    assertTrue(run.out().contains("Exit codes:"), run.out());
                    assertTrue(run.out().matches("(?s).*\\n\\s+0\\s+\\S.*"), "code 0 explained: " + run.out());
                    assertTrue(run.out().matches("(?s).*\\n\\s+2\\s+\\S.*"), "code 2 explained: " + run.out());
                }));
    }

    @Test
    void theTopLevelHelpNamesEveryExitCode() {
        String help = legcds("--help").out();
        assertAll(Stream.of("0", "1", "2", "3", "4").map(code -> () -> assertTrue(
                help.matches("(?s).*\\n\\s+" + code + "\\s+\\S.*"), code + " in\n" + help)));
    }

    @Test
    void assessHtmlAndJsonAreExclusiveAndHtmlIsAPage() {
        assertEquals(Main.BAD_INPUT, legcds("assess", "--json", "--html", "examples/cases/cauda-equina.json")
                .exitCode());
        Run html = legcds("assess", "--html", "examples/cases/cauda-equina.json");
        assertEquals(Main.OK, html.exitCode(), html.err());
        assertTrue(html.out().startsWith("<!DOCTYPE html>") && html.out().contains("<svg"), "a page with its graph");
    }
}
