package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.Clinic;
import org.legcds.engine.KnowledgeBasePrecompiler;

/** The safety gate as a clinical informatician meets it: legcds check, assess --rules and the packaged build. */
class SafetyGateCommandTest {

    private static final String CAUDA_EQUINA = "4-red-flags/cauda-equina.drl";

    @TempDir
    Path tmp;

    @Test
    void checkPassesTheRepositoryRulesWithTheirScenarios() {
        Run run = legcds("check", "rules", "--scenarios", "scenarios");

        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("safety gate passed (red-flag checks, manifest.yaml, scenarios in scenarios)"),
                run::toString);
    }

    @Test
    void checkAndAssessRefuseADirectoryWhoseCaudaEquinaFileWasEmptiedEvenAfterTheManifestIsRegenerated()
            throws IOException {
        Path rules = Clinic.copyOfRules(tmp.resolve("rules"));
        Files.writeString(rules.resolve(CAUDA_EQUINA), "");

        Run check = legcds("check", rules);
        Run assess = legcds("assess", "--rules", rules, "examples/cases/cauda-equina.json");
        Run updated = legcds("check", "--update-manifest", rules);

        assertEquals(Main.REFUSED_BY_SAFETY_GATE, check.exitCode(), check::toString);
        assertTrue(check.err().contains("knowledge base refused by the safety gate"), check::toString);
        assertTrue(check.err().contains(CAUDA_EQUINA + ": holds 0 rules, manifest.yaml expects "), check::toString);
        assertEquals(Main.REFUSED_BY_SAFETY_GATE, assess.exitCode(), assess::toString);
        assertEquals("", assess.out(), "no assessment from refused rules");
        // a regenerated manifest cannot paper over a red flag that no rule raises any more
        assertEquals(Main.REFUSED_BY_SAFETY_GATE, updated.exitCode(), updated::toString);
        assertTrue(updated.err().contains("CAUDA_EQUINA_SYNDROME is raised by no rule"), updated::toString);
    }

    @Test
    void aDeliberateChangePassesOnceTheManifestIsRegeneratedButNotBefore() throws IOException {
        Path rules = Clinic.copyOfRules(tmp.resolve("rules"));
        Path file = rules.resolve(CAUDA_EQUINA);
        String text = Files.readString(file);
        int start = text.indexOf("rule \"Cauda equina: saddle anaesthesia");
        Files.writeString(file, text.substring(0, start) + text.substring(text.indexOf("end\n", start) + 4));

        Run before = legcds("check", rules);
        Run after = legcds("check", "--update-manifest", rules);
        Run scenarios = legcds("check", rules, "--scenarios", "scenarios");

        assertEquals(Main.REFUSED_BY_SAFETY_GATE, before.exitCode(), before::toString);
        assertTrue(before.err().contains("rule RF-CES-03 raises CAUDA_EQUINA_SYNDROME per manifest.yaml"),
                before::toString);
        assertEquals(Main.OK, after.exitCode(), after::toString);
        // the scenarios still notice what the rule did
        assertEquals(Main.REFUSED_BY_SAFETY_GATE, scenarios.exitCode(), scenarios::toString);
        assertTrue(scenarios.err().contains("saddle-anaesthesia-alone.yaml: scenario fails"), scenarios::toString);
    }

    @Test
    void checkRefusesADirectoryWithoutItsManifest() throws IOException {
        Path rules = Clinic.copyOfRules(tmp.resolve("rules"));
        Files.delete(rules.resolve("manifest.yaml"));

        Run run = legcds("check", rules);

        assertEquals(Main.REFUSED_BY_SAFETY_GATE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("manifest.yaml: missing"), run::toString);
    }

    @Test
    void thePackagedBuildCannotBeMadeFromRulesTheGateRefuses() throws IOException {
        Path rules = Clinic.copyOfRules(tmp.resolve("rules"));
        Files.delete(rules.resolve(CAUDA_EQUINA));
        Path classes = Files.createDirectories(tmp.resolve("classes"));

        var e = assertThrows(IllegalStateException.class, () -> KnowledgeBasePrecompiler.main(
                new String[] {rules.toString(), classes.toString(), "scenarios"}));

        assertTrue(e.getMessage().contains("cannot be packaged") && e.getMessage().contains(CAUDA_EQUINA + ": is "
                + "missing"), e.getMessage());
        try (var written = Files.list(classes)) {
            assertFalse(written.findAny().isPresent(), "nothing is written");
        }
    }
}
