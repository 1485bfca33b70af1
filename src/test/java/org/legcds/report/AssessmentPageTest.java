package org.legcds.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.json.CaseJson;

/** The HTML page and SVG graph of every example case equal their golden files, and what they must show is there. */
class AssessmentPageTest {

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsGoldenHtmlAndSvg() {
        return Goldens.exampleCases().stream().map(file -> DynamicTest.dynamicTest(Goldens.name(file), () -> {
            Goldens.Assessed assessed = Goldens.assess(file);
            String html = AssessmentPage.render(assessed.patientCase(), assessed.assessment());
            String svg = ExplanationGraph.of(assessed.assessment()).svg();
            assertEquals(html, AssessmentPage.render(assessed.patientCase(), assessed.assessment()), "deterministic");
            Goldens.check(html, Goldens.name(file) + ".html");
            Goldens.check(svg, Goldens.name(file) + ".svg");
        }));
    }

    @Test
    void redFlagsOpenChecksAndUnknownFindingsAreMarked() throws Exception {
        Goldens.Assessed assessed = Goldens.assess(Path.of("examples/cases/cauda-equina.json"));
        ExplanationGraph graph = ExplanationGraph.of(assessed.assessment());
        String svg = graph.svg();
        assertAll(
                () -> assertTrue(svg.contains("class=\"node red-flag\" data-id=\"flag:CAUDA_EQUINA_SYNDROME\""), svg),
                () -> assertTrue(svg.contains("class=\"node open-check\""), "open checks drawn"),
                () -> assertTrue(svg.contains("class=\"node unknown\" data-id=\"finding:COLD_LIMB unknown\""),
                        "unknown findings drawn as such"),
                () -> assertTrue(svg.contains("class=\"edge open\""), "edges to open checks"),
                () -> assertTrue(svg.contains("stroke-dasharray"), "open checks dashed"),
                () -> assertTrue(svg.contains("data-rules=\"RF-CES-03\""), "edges name their rule"),
                () -> assertTrue(graph.edges().stream().allMatch(e -> !e.rules().isEmpty()), "every edge has a rule"));
        String html = AssessmentPage.render(assessed.patientCase(), assessed.assessment());
        assertAll(
                () -> assertTrue(html.contains("URGENCY: EMERGENCY (set by Cauda equina syndrome)"), "urgency on top"),
                () -> assertFalse(html.contains("<script"), "no script"),
                () -> assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no network"));
    }

    @Test
    void absentFindingsAreDistinctFromUnknownOnes() throws Exception {
        Goldens.Assessed assessed = Goldens.assess(Path.of("examples/cases/neurogenic-claudication.json"));
        String svg = ExplanationGraph.of(assessed.assessment()).svg();
        if (svg.contains("class=\"node absent\"")) {
            assertTrue(svg.contains("text-decoration=\"line-through\""), "absent findings struck through");
        }
        assertFalse(svg.contains("class=\"node absent\" data-id=\"finding:COLD_LIMB unknown\""));
    }

    @Test
    void textFromTheCaseIsEscapedAndCannotForgeMarkup() {
        Case c = CaseJson.read("""
                {"patient": {"id": "<script>alert(1)</script>\\u0007\\"x", "age": 50, "sex": "male"},
                 "evaluationDate": "2026-11-21", "findings": [{"code": "LEG_PAIN", "status": "present"}]}
                """);
        Assessment a = org.legcds.LegCds.packaged().assess(c);
        String html = AssessmentPage.render(c, a);
        assertAll(
                () -> assertFalse(html.contains("<script>alert"), "escaped"),
                () -> assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;\uFFFD&quot;x"), html),
                () -> assertFalse(html.contains("\u0007")));
    }

    @Test
    void longWordsAreCutNeverOverflowTheNode() {
        List<String> lines = ExplanationGraph.wrap("A ".repeat(3) + "X".repeat(80));
        assertTrue(lines.stream().allMatch(l -> l.length() <= ExplanationGraph.WRAP), lines.toString());
    }
}
