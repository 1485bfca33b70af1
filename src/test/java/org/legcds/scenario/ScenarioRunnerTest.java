package org.legcds.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of expectation, checked against a real assessment: a scenario that should fail does, with the right
 * sentence. The patient: calf pain on walking relieved by standing still, screened negative for red flags (vascular
 * claudication; PAD likely; ABI, supervised exercise and a foot-pulse examination recommended; the shopping-cart sign
 * and foot pulses asked about).
 */
@DisplayName("Scenario runner: every expectation kind passes when met and fails with a readable sentence")
class ScenarioRunnerTest {

    private static final String VASCULAR = """
            description: vascular claudication
            screenedForRedFlags: true
            findings:
              - {code: LEG_PAIN, status: present, laterality: bilateral, triggers: [walking], reliefs: [standing_still]}
              - {code: CALF_PAIN, status: present, laterality: bilateral}
            expect:
            """;

    private static final ScenarioRunner RUNNER = new ScenarioRunner(Suite.ENGINE);

    @TempDir
    Path root;

    @Test
    void aScenarioWhoseExpectationsAreAllMetPassesAndReportsTheRulesThatFired() throws IOException {
        ScenarioResult result = run("""
                  urgency: ROUTINE
                  redFlags: []
                  notEvaluated: []
                  claudication: VASCULAR
                  distribution: [BILATERAL, WALKING_INDUCED]
                  causeCategories: {include: [VASCULAR], exclude: [NEOPLASTIC]}
                  differential: {include: [PERIPHERAL_ARTERY_DISEASE=LIKELY], exclude: [LUMBAR_SPINAL_STENOSIS]}
                  recommendations: {include: [ANKLE_BRACHIAL_INDEX], exclude: [MRI_LUMBAR_SPINE]}
                  questions: {include: [SHOPPING_CART_SIGN], exclude: [LEG_PAIN]}
                  rulesFired: {include: [CLAUD-VASC-01], exclude: [CLAUD-NEURO-01]}
                """);

        assertTrue(result.passed(), result.messages().toString());
        assertTrue(result.firstFailure().isEmpty());
        assertTrue(result.rulesFired().containsAll(List.of("CLAUD-VASC-01", "CLAUD-TYPE-01", "CAUSE-PAD-01")));
        assertEquals(result.rulesFired().stream().distinct().toList(), result.rulesFired(), "each once");
        assertTrue(result.assessment().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            urgency: EMERGENCY                                   | urgency         | expected urgency EMERGENCY but was ROUTINE
            redFlags: [CAUDA_EQUINA_SYNDROME]                    | redFlags        | expected red flags [CAUDA_EQUINA_SYNDROME] but were [] (missing CAUDA_EQUINA_SYNDROME)
            notEvaluated: [ACUTE_LIMB_ISCHAEMIA]                 | notEvaluated    | expected checks not evaluated [ACUTE_LIMB_ISCHAEMIA] but were [] (missing ACUTE_LIMB_ISCHAEMIA)
            claudication: MIXED                                  | claudication    | expected claudication MIXED but was VASCULAR
            distribution: [UNILATERAL]                           | distribution    | expected distribution [UNILATERAL] but were [BILATERAL, WALKING_INDUCED] (missing UNILATERAL; unexpected BILATERAL, WALKING_INDUCED)
            distribution: []                                     | distribution    | expected distribution [] but were [BILATERAL, WALKING_INDUCED] (unexpected BILATERAL, WALKING_INDUCED)
            causeCategories: {include: [STRUCTURAL]}             | causeCategories | expected cause category STRUCTURAL, not found (cause categories: [VASCULAR])
            causeCategories: {exclude: [VASCULAR]}               | causeCategories | expected no cause category VASCULAR, but found it ([PERIPHERAL_ARTERY_DISEASE])
            differential: {include: [PERIPHERAL_ARTERY_DISEASE=POSSIBLE]} | differential | expected PERIPHERAL_ARTERY_DISEASE=POSSIBLE in differential, found LIKELY
            differential: {include: [LUMBAR_SPINAL_STENOSIS]}    | differential    | expected LUMBAR_SPINAL_STENOSIS in differential, not found (differential: PERIPHERAL_ARTERY_DISEASE=LIKELY)
            differential: {exclude: [PERIPHERAL_ARTERY_DISEASE]} | differential    | expected PERIPHERAL_ARTERY_DISEASE not in differential, found LIKELY
            differential: {exclude: [PERIPHERAL_ARTERY_DISEASE=LIKELY]} | differential | expected PERIPHERAL_ARTERY_DISEASE not LIKELY in differential, found LIKELY
            recommendations: {include: [MRI_LUMBAR_SPINE]}       | recommendations | expected recommendation MRI_LUMBAR_SPINE, not made (recommendations: [
            recommendations: {exclude: [ANKLE_BRACHIAL_INDEX]}   | recommendations | expected no recommendation ANKLE_BRACHIAL_INDEX, but it was made
            questions: {include: [BLADDER_DYSFUNCTION]}          | questions       | expected question about BLADDER_DYSFUNCTION, not asked (questions: [
            questions: {exclude: [SHOPPING_CART_SIGN]}           | questions       | expected no question about SHOPPING_CART_SIGN, but it was asked
            questions: {first: LEG_PAIN}                         | questions       | expected first question LEG_PAIN but was
            rulesFired: {include: [CLAUD-NEURO-01]}              | rulesFired      | expected rule CLAUD-NEURO-01 to fire, it did not
            rulesFired: {exclude: [CLAUD-VASC-01]}               | rulesFired      | expected rule CLAUD-VASC-01 not to fire, it did
            rulesFired: {include: [NO-SUCH-RULE]}                | rulesFired      | expected rule NO-SUCH-RULE to fire, but the knowledge base has no rule NO-SUCH-RULE
            rulesFired: {exclude: [NO-SUCH-RULE]}                | rulesFired      | expected rule NO-SUCH-RULE not to fire, but the knowledge base has no rule NO-SUCH-RULE
            """)
    void anUnmetExpectationFailsWithAReadableSentence(String expectation, String key, String message)
            throws IOException {
        ScenarioResult result = run("  " + expectation + "\n");

        assertFalse(result.passed(), expectation + " should fail");
        assertEquals(1, result.failures().size(), result.messages().toString());
        assertEquals(key, result.failures().get(0).expectation());
        assertTrue(result.firstFailure().orElseThrow().startsWith(message),
                "expected a message starting with: " + message + "\nbut was: " + result.firstFailure().orElseThrow());
    }

    @Test
    void theFirstQuestionIsCheckedWhenNoQuestionIsAsked() throws IOException {
        Path file = write("x/no-questions.yaml", """
                description: screened, leg pain absent, foot pulses examined
                screenedForRedFlags: true
                findings:
                  - {code: LEG_PAIN, status: absent}
                expect:
                  questions: {first: BLADDER_DYSFUNCTION}
                """);

        ScenarioResult result = RUNNER.run(ScenarioReader.of(root).read(file));

        assertEquals(List.of("expected first question BLADDER_DYSFUNCTION but no question was asked"),
                result.messages());
    }

    @Test
    void everyUnmetExpectationIsListedInTheOrderOfTheFormat() throws IOException {
        ScenarioResult result = run("""
                  rulesFired: {include: [CLAUD-NEURO-01]}
                  claudication: NEUROGENIC
                  urgency: URGENT
                  recommendations: {include: [MRI_LUMBAR_SPINE, ANKLE_BRACHIAL_INDEX, PHYSICAL_THERAPY]}
                """);

        assertEquals(List.of("urgency", "claudication", "recommendations", "recommendations", "rulesFired"),
                result.failures().stream().map(ExpectationFailure::expectation).toList());
        assertEquals("expected urgency URGENT but was ROUTINE", result.firstFailure().orElseThrow());
    }

    @Test
    void aDisabledRuleMakesADependentScenarioFail() throws IOException {
        Scenario scenario = ScenarioReader.of(root).read(write("x/v.yaml", VASCULAR + "  claudication: VASCULAR\n"));
        ScenarioRunner withoutVascularClues = new ScenarioRunner(
                org.legcds.KnowledgeBaseTesting.withRulesDisabled(Suite.ENGINE, java.util.Set.of("CLAUD-VASC-01", "CLAUD-VASC-02")));

        assertTrue(RUNNER.run(scenario).passed());
        assertEquals(List.of("expected claudication VASCULAR but was INDETERMINATE"),
                withoutVascularClues.run(scenario).messages());
    }

    @Test
    void runningADirectoryReadsAndRunsEveryScenarioInNameOrder() throws IOException {
        write("b/fails.yaml", VASCULAR + "  urgency: EMERGENCY\n");
        write("a/passes.yaml", VASCULAR + "  urgency: ROUTINE\n");

        List<ScenarioResult> results = RUNNER.run(root);

        assertEquals(List.of("a/passes.yaml", "b/fails.yaml"), results.stream().map(ScenarioResult::name).toList());
        assertEquals(List.of(true, false), results.stream().map(ScenarioResult::passed).toList());
    }

    @Test
    void runningADirectoryWithABadFileRunsNothingAndNamesTheFile() throws IOException {
        write("a/passes.yaml", VASCULAR + "  urgency: ROUTINE\n");
        Path bad = write("b/bad.yaml", VASCULAR + "  urgency: LATER\n");

        var e = assertThrows(InvalidScenarioException.class, () -> RUNNER.run(root));

        assertTrue(e.getMessage().contains(bad + ": expect.urgency (line 7): 'LATER'"), e.getMessage());
    }

    private ScenarioResult run(String expectations) throws IOException {
        return RUNNER.run(ScenarioReader.of(root).read(write("x/scenario.yaml", VASCULAR + expectations)));
    }

    private Path write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
