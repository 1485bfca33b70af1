package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.Clinic;

/** The review documents show each rule's conditions from the DRL as written, so an edited threshold shows. */
class ReviewDocumentTest {

    @Test
    void anEditedAbiCutOffShowsInTheHtmlAndMarkdownDocuments(@TempDir Path dir) throws IOException {
        // the cut-off is a named threshold of the vocabulary, which the rules name (threshold("ABI_PAD"))
        Path rules = Clinic.copyOfRules(dir.resolve("rules"));
        Path thresholds = rules.resolve("vocabulary/thresholds.yaml");
        String edited = Files.readString(thresholds).replace("{id: ABI_PAD, value: 0.90,", "{id: ABI_PAD, value: 0.80,");
        assertNotEquals(Files.readString(thresholds), edited, "the ABI_PAD line of thresholds.yaml");
        Files.writeString(thresholds, edited);

        Run html = legcds("rules", "--html", "--rules", rules, "--scenarios", "scenarios/claudication");
        Run markdown = legcds("rules", "--markdown", "--rules", rules);

        assertEquals(Main.OK, html.exitCode(), html.err());
        assertEquals(Main.OK, markdown.exitCode(), markdown.err());
        String abi = "ANKLE_BRACHIAL_INDEX present, value \u2264 0.8 [ABI_PAD]";
        assertAll(
                () -> assertTrue(html.out().contains(abi), "html shows the edited cut-off"),
                () -> assertFalse(html.out().contains("0.9 [ABI_PAD]"), "html no longer shows the old one"),
                () -> assertTrue(markdown.out().contains(abi), "markdown shows the edited cut-off"),
                () -> assertFalse(markdown.out().contains("0.9 [ABI_PAD]"), "markdown no longer shows the old one"));
    }

    @Test
    void theHtmlDocumentShowsLayersClaimsScenariosAndRedFlagScreens() {
        Run run = legcds("rules", "--html", "--scenarios", "scenarios/red-flags");

        assertEquals(Main.OK, run.exitCode(), run.err());
        String html = run.out();
        assertAll(
                () -> assertTrue(html.startsWith("<!DOCTYPE html>"), "a page"),
                () -> assertTrue(html.contains("<h2 id=\"layer-4-red-flags\">Layer: 4-red-flags</h2>"), "layers"),
                () -> assertTrue(html.contains("<tr id=\"rule-RF-CES-03\">"), "rules"),
                () -> assertTrue(html.contains("<li>SADDLE_ANAESTHESIA positive</li>"), "conditions in words"),
                () -> assertTrue(html.contains("<li>S000-C19: "), "claims with their text"),
                () -> assertTrue(html.contains("saddle-anaesthesia-alone.yaml"), "scenarios that exercise a rule"),
                () -> assertTrue(html.contains("<td class=\"id\">CAUDA_EQUINA_SYNDROME</td>"), "red-flag checks"),
                () -> assertTrue(html.contains("BLADDER_DYSFUNCTION, BOWEL_DYSFUNCTION"), "their screens"),
                () -> assertFalse(html.contains("<script"), "no script"));
    }

    @Test
    void markdownAndHtmlAreExclusive() {
        assertEquals(Main.BAD_INPUT, legcds("rules", "--html", "--markdown").exitCode());
    }
}
