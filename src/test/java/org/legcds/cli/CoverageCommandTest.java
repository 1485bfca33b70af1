package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** legcds coverage: per rule, how many scenarios fire it and which; totals; text, CSV and Markdown. */
class CoverageCommandTest {

    private static final String SADDLE = "red-flags/saddle-anaesthesia-alone.yaml";

    @Test
    void perRuleCountsAndNamesWithTotals() {
        Run run = legcds("coverage", "scenarios/red-flags");

        assertEquals(Main.OK, run.exitCode(), run.err());
        String row = run.lines().stream().filter(l -> l.startsWith("RF-CES-03 ")).findFirst().orElseThrow();
        assertTrue(row.contains("saddle-anaesthesia-alone.yaml"), row);
        String totals = run.lines().get(run.lines().size() - 1);
        assertTrue(totals.matches("\\d+ scenarios; \\d+ rules, \\d+ fired \\(\\d+\\.\\d%\\), \\d+ never fired"), totals);
        assertTrue(run.out().contains("NEVER FIRED"), "rules of other layers are not fired by red-flag scenarios");
    }

    @Test
    void oneScenarioFileAndCsv() {
        Run run = legcds("coverage", "--format", "csv", "scenarios/" + SADDLE);

        assertEquals(Main.OK, run.exitCode(), run.err());
        assertEquals("rule,name,scenarios,which", run.lines().get(0));
        String row = run.lines().stream().filter(l -> l.startsWith("RF-CES-03,")).findFirst().orElseThrow();
        assertTrue(row.endsWith(",1,saddle-anaesthesia-alone.yaml"), row);
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("CLAUD-VASC-01,") && l.endsWith(",0,")));
    }

    @Test
    void markdownHasTotalsAndATable() {
        Run run = legcds("coverage", "--format", "markdown", "scenarios/" + SADDLE);

        assertEquals(Main.OK, run.exitCode(), run.err());
        assertAll(
                () -> assertEquals("# Rule coverage", run.lines().get(0)),
                () -> assertTrue(run.lines().get(2).startsWith("1 scenarios; "), run.lines().get(2)),
                () -> assertTrue(run.out().contains("| Rule | Name | Scenarios | Which |")),
                () -> assertTrue(run.out().contains("**never fired**")));
    }

    @Test
    void aBadFileIsReportedTheOthersStillCountAndTheExitIs2(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("scenarios/" + SADDLE), dir.resolve("good.yaml"));
        Files.writeString(dir.resolve("bad.yaml"), "description: [unclosed\n");

        Run run = legcds("coverage", dir);

        assertEquals(Main.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("bad.yaml"), run.err());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("RF-CES-03 ") && l.contains("good.yaml")));
    }

    @Test
    void anUnknownFormatIsBadInput() {
        Run run = legcds("coverage", "--format", "pdf", "scenarios");
        assertEquals(Main.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("text, csv or markdown"), run.err());
    }

    @Test
    void csvFieldsAreQuotedAndFormulasDefused() {
        assertEquals(List.of("plain", "\"a,b\"", "\"say \"\"x\"\"\"", "'=1+1"), List.of(CoverageCommand.csv("plain"),
                CoverageCommand.csv("a,b"), CoverageCommand.csv("say \"x\""), CoverageCommand.csv("=1+1")));
    }
}
