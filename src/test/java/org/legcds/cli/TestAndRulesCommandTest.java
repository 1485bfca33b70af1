package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.Clinic;

@DisplayName("CLI: legcds test <scenario-dir> and legcds rules [--markdown]")
class TestAndRulesCommandTest {

    private static final String SCENARIO = """
            description: vascular claudication
            screenedForRedFlags: true
            findings:
              - {code: LEG_PAIN, status: present, laterality: bilateral, triggers: [walking], reliefs: [standing_still]}
            expect:
            """;

    // ---- legcds test ------------------------------------------------------------------------------------------

    @Test
    void theProjectScenariosAllPassAndTheSummaryLineComesLast() {
        Run run = legcds("test", "scenarios");

        assertEquals(Main.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("SCENARIO") && run.out().contains("RESULT") && run.out().contains("FIRST FAILURE"));
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("red-flags/saddle-anaesthesia-alone.yaml")
                && l.contains("PASS")), run.out());
        List<String> lines = run.lines();
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.matches("\\d+ passed, 0 failed"), summary);
    }

    @Test
    void aFailingScenarioExitsWith4AndShowsItsFirstFailure(@TempDir Path dir) throws IOException {
        write(dir, "claudication/passes.yaml", SCENARIO + "  claudication: VASCULAR\n");
        write(dir, "claudication/fails.yaml", SCENARIO + "  claudication: MIXED\n  urgency: URGENT\n");

        Run run = legcds("test", dir.toString());

        assertEquals(Main.SCENARIOS_FAILED, run.exitCode(), run.out() + run.err());
        String row = run.lines().stream().filter(l -> l.startsWith("claudication/fails.yaml")).findFirst().orElseThrow();
        assertTrue(row.contains("FAIL") && row.contains("expected urgency URGENT but was ROUTINE (+1 more)"), row);
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("claudication/passes.yaml") && l.endsWith("PASS")));
        assertEquals("1 passed, 1 failed", run.lines().get(run.lines().size() - 1));
    }

    @Test
    void verboseListsEveryUnmetExpectation(@TempDir Path dir) throws IOException {
        write(dir, "x/fails.yaml", SCENARIO + "  claudication: MIXED\n  urgency: URGENT\n");

        Run run = legcds("test", "--verbose", dir.toString());

        assertTrue(run.out().contains("expected urgency URGENT but was ROUTINE"), run.out());
        assertTrue(run.out().contains("expected claudication MIXED but was VASCULAR"), run.out());
        assertFalse(run.out().contains("more)"), run.out());
    }

    @Test
    void aBadScenarioFileExitsWith2NamingFileKeyAndValue(@TempDir Path dir) throws IOException {
        Path bad = write(dir, "x/bad.yaml", SCENARIO + "  claudication: VASCULR\n");

        Run run = legcds("test", dir.toString());

        assertEquals(Main.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(bad + ": expect.claudication (line 6): 'VASCULR'"), run.err());
    }

    @Test
    void filesAndFoldersRunTogetherAndABadFileIsReportedAfterTheOthersRan(@TempDir Path dir) throws IOException {
        Path good = write(dir, "one/passes.yaml", SCENARIO + "  claudication: VASCULAR\n");
        write(dir, "two/also-passes.yaml", SCENARIO + "  claudication: VASCULAR\n");
        Path bad = write(dir, "two/bad.yaml", SCENARIO + "  claudication: VASCULR\n");
        Path broken = write(dir, "two/broken.yaml", "expect: [unclosed\n");

        Run run = legcds("test", good, dir.resolve("two"), dir.resolve("missing.yaml"));

        assertEquals(Main.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("passes.yaml") && l.endsWith("PASS")), run.out());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("also-passes.yaml") && l.endsWith("PASS")),
                run.out());
        assertEquals("2 passed, 0 failed, 3 bad files not run", run.lines().get(run.lines().size() - 1));
        assertTrue(run.err().contains(bad + ": expect.claudication (line 6): 'VASCULR'"), run.err());
        assertTrue(run.err().contains(broken.toString()), run.err());
        assertTrue(run.err().contains("missing.yaml: no such file or directory"), run.err());
    }

    @Test
    void oneScenarioFileRunsWithTheRedFlagScreenOfItsFolder() {
        Run run = legcds("test", "scenarios/red-flags/saddle-anaesthesia-alone.yaml");

        assertEquals(Main.OK, run.exitCode(), run.out() + run.err());
        assertEquals("1 passed, 0 failed", run.lines().get(run.lines().size() - 1));
    }

    @Test
    void aMissingOrEmptyScenarioDirectoryExitsWith2(@TempDir Path dir) {
        assertEquals(Main.BAD_INPUT, legcds("test", dir.resolve("nowhere").toString()).exitCode());
        Run empty = legcds("test", dir.toString());
        assertEquals(Main.BAD_INPUT, empty.exitCode());
        assertTrue(empty.err().contains("no scenario files"), empty.err());
    }

    @Test
    void rulesThatDoNotCompileExitWith3(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir.resolve("rules"));
        write(rules, "1-patterns/broken.drl", "package org.legcds.rules;\nrule \"broken\"\n    @id(X-1) @source(S000-C01)\n"
                + "when\n    Finding(code == \nthen\nend\n");

        Run test = legcds("test", "scenarios", "--rules", rules.toString());
        Run catalogue = legcds("rules", "--rules", rules.toString());

        assertEquals(Main.RULES_DO_NOT_COMPILE, test.exitCode(), test.err());
        assertTrue(test.err().contains("1-patterns/broken.drl"), test.err());
        assertEquals(Main.RULES_DO_NOT_COMPILE, catalogue.exitCode(), catalogue.err());
    }

    @Test
    void aRulesDirectoryIsUsedInsteadOfThePackagedRules(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir.resolve("rules"));
        // an edited copy in which the saddle-anaesthesia rule is gone: its scenario must fail
        Path cesRules = rules.resolve("4-red-flags/cauda-equina.drl");
        String text = Files.readString(cesRules);
        int start = text.indexOf("rule \"Cauda equina: saddle anaesthesia");
        int end = text.indexOf("end\n", start) + "end\n".length();
        Files.writeString(cesRules, text.substring(0, start) + text.substring(end));

        Run run = legcds("test", "scenarios", "--rules", rules.toString());

        assertEquals(Main.SCENARIOS_FAILED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("rules from " + rules), run.out());
        String row = run.lines().stream().filter(l -> l.startsWith("red-flags/saddle-anaesthesia-alone.yaml"))
                .findFirst().orElseThrow();
        assertTrue(row.contains("FAIL") && row.contains("expected urgency EMERGENCY but was ROUTINE"), row);
    }

    // ---- legcds rules -----------------------------------------------------------------------------------------

    @Test
    void theCatalogueListsEveryRuleWithItsLayerAndSources() {
        Run run = legcds("rules");

        assertEquals(Main.OK, run.exitCode(), run.err());
        assertTrue(run.lines().get(0).matches("ID\\s+NAME\\s+LAYER\\s+SOURCES"), run.lines().get(0));
        Map<String, String> layers = Map.of("CLAUD-VASC-01", "2-claudication", "RF-CES-03", "4-red-flags",
                "PAT-BILAT-01", "1-patterns", "CAUSE-PAD-01", "3-causes", "NEXT-ABI-01", "5-next-steps");
        layers.forEach((id, layer) -> {
            String row = run.lines().stream().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow();
            assertTrue(row.matches(id + "\\s+.+\\s+" + layer + "\\s+\\S.*"), row);
        });
        String ces = run.lines().stream().filter(l -> l.startsWith("RF-CES-03 ")).findFirst().orElseThrow();
        assertTrue(ces.contains("Cauda equina: saddle anaesthesia, even alone -> emergency")
                && ces.endsWith("S000-C19, S003-C27, EXT-C03"), ces);
        assertFalse(run.out().contains(RuleLayers.TOP_LEVEL), "every rule is found in a DRL file");
    }

    @Test
    void theMarkdownDocumentHasMetadataSourcesAndOneTablePerLayerWithClaimTexts() {
        Run run = legcds("rules", "--markdown");

        assertEquals(Main.OK, run.exitCode(), run.err());
        List<String> headings = run.lines().stream().filter(l -> l.startsWith("#")).toList();
        assertEquals(List.of("# legcds bilateral leg pain knowledge base", "## Metadata", "## Sources",
                "## Rules by layer", "### 1-patterns", "### 2-claudication", "### 3-causes", "### 4-red-flags",
                "### 5-next-steps", "## Thresholds", "## Vocabulary", "### Findings", "### Conditions", "### Next steps",
                "### Red-flag checks"), headings);
        assertTrue(run.out().contains("| Status | draft |"), run.out());
        assertTrue(run.out().contains("| Maintainers | legcds clinical informatics team |"), run.out());
        assertTrue(run.out().contains("| S001 | What Causes Pain in Both Legs When Walking? |"), run.out());
        String row = run.lines().stream().filter(l -> l.startsWith("| CLAUD-VASC-01 |")).findFirst().orElseThrow();
        assertTrue(row.contains("**S001-C04**: ") && row.contains("<br>**S000-C08**: "), row);
        assertTrue(run.out().contains("| Evidence register | seeds, "), run.out());
    }

    @Test
    void withoutTheEvidenceRegisterTheMarkdownShowsClaimIdsOnly(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("empty-seeds"));
        Files.writeString(dir.resolve("empty-seeds/out-of-scope.yaml"), "outOfScope: []\n");

        Run run = legcds("rules", "--markdown", "--seeds", dir.resolve("empty-seeds").toString());

        assertEquals(Main.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("**S001-C04**: *not in the evidence register*"), run.out());
    }

    @Test
    void aMissingSeedsDirectoryIsBadInput(@TempDir Path dir) {
        Run run = legcds("rules", "--markdown", "--seeds", dir.resolve("nowhere").toString());

        assertEquals(Main.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("nowhere"), run.err());
    }

    @Test
    void bothCommandsAreListedInTheHelp() {
        Run run = legcds("help");

        assertTrue(run.out().contains("test") && run.out().contains("rules"), run.out());
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

}
