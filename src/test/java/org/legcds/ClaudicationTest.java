package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.Clinic.abi;
import static org.legcds.Clinic.absent;
import static org.legcds.Clinic.assessScreened;
import static org.legcds.Clinic.bilateral;
import static org.legcds.Clinic.firedRules;
import static org.legcds.Clinic.present;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.Clue;
import org.legcds.assessment.Direction;
import org.legcds.assessment.Mechanism;
import org.legcds.assessment.Priority;
import org.legcds.assessment.Tier;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;

@DisplayName("Claudication: vascular, neurogenic, mixed, indeterminate or none")
class ClaudicationTest {

    @Test
    void walkingPainRelievedByStandingStillIsVascularAndSuggestsPeripheralArteryDisease() {
        // given calf pain brought on by walking that eases within minutes of standing still
        Assessment a = assessScreened(
                bilateral("LEG_PAIN").broughtOnBy("WALKING").relievedBy("STANDING_STILL"),
                bilateral("CALF_PAIN"));

        // then
        assertEquals(ClaudicationType.VASCULAR, a.claudication().type());
        assertTrue(firedRules(a).containsAll(java.util.List.of("CLAUD-VASC-01", "CLAUD-VASC-02", "CLAUD-TYPE-01")));
        assertEquals(Tier.LIKELY, a.hypothesis("PERIPHERAL_ARTERY_DISEASE").orElseThrow().tier());
        assertTrue(a.recommendation("ANKLE_BRACHIAL_INDEX").isPresent(), "the ABI confirms PAD");
        assertTrue(a.hypothesis("LUMBAR_SPINAL_STENOSIS").isEmpty());
    }

    @Test
    void painRelievedBySittingOrLeaningForwardIsNeurogenicAndSuggestsSpinalStenosis() {
        Assessment a = assessScreened(bilateral("LEG_PAIN")
                .broughtOnBy("STANDING", "WALKING").relievedBy("SITTING", "LEANING_FORWARD"));

        assertEquals(ClaudicationType.NEUROGENIC, a.claudication().type());
        assertTrue(firedRules(a).containsAll(java.util.List.of("CLAUD-NEURO-01", "CLAUD-NEURO-03", "CLAUD-TYPE-02")));
        assertEquals(Tier.LIKELY, a.hypothesis("LUMBAR_SPINAL_STENOSIS").orElseThrow().tier());
        assertTrue(a.recommendation("MRI_LUMBAR_SPINE").isPresent());
        assertTrue(a.hypothesis("PERIPHERAL_ARTERY_DISEASE").isEmpty());
    }

    @Test
    void shoppingCartSignAloneIsNeurogenic() {
        Assessment a = assessScreened(bilateral("LEG_PAIN").broughtOnBy("WALKING"),
                present("SHOPPING_CART_SIGN"));

        assertEquals(ClaudicationType.NEUROGENIC, a.claudication().type());
        assertTrue(firedRules(a).contains("CLAUD-NEURO-02"));
    }

    @Test
    void peripheralArteryDiseasePatientWhoAlsoLeansOnAShoppingCartIsMixedWithBothCausesLikely() {
        Assessment a = assessScreened(
                bilateral("LEG_PAIN").broughtOnBy("WALKING").relievedBy("STANDING_STILL"),
                present("SHOPPING_CART_SIGN"), abi(0.72, Laterality.LEFT), abi(0.95, Laterality.RIGHT));

        assertEquals(ClaudicationType.MIXED, a.claudication().type());
        assertTrue(firedRules(a).contains("CLAUD-TYPE-03"));
        assertEquals(Tier.LIKELY, a.hypothesis("PERIPHERAL_ARTERY_DISEASE").orElseThrow().tier());
        assertEquals(Tier.LIKELY, a.hypothesis("LUMBAR_SPINAL_STENOSIS").orElseThrow().tier());
        assertTrue(a.recommendation("ANKLE_BRACHIAL_INDEX").isEmpty(), "the ABI is already measured");
    }

    @Test
    void walkingPainWithUnrecordedReliefIsIndeterminateAndAsksWhatRelievesIt() {
        Assessment a = assessScreened(bilateral("LEG_PAIN").broughtOnBy("WALKING"));

        assertEquals(ClaudicationType.INDETERMINATE, a.claudication().type());
        var question = a.questions().stream().filter(q -> q.finding().id().equals("LEG_PAIN")).findFirst().orElseThrow();
        assertEquals(Priority.CLASSIFICATION, question.priority());
        assertTrue(question.why().contains("standing still"), question.why());
        assertEquals(Tier.POSSIBLE, a.hypothesis("PERIPHERAL_ARTERY_DISEASE").orElseThrow().tier());
        assertEquals(Tier.POSSIBLE, a.hypothesis("LUMBAR_SPINAL_STENOSIS").orElseThrow().tier());
        assertTrue(a.recommendation("CHECK_FOOT_PULSES").isPresent(), "pulses not yet examined");
    }

    @Test
    void noLegPainRecordedAbsentIsNone() {
        Assessment a = assessScreened(absent("LEG_PAIN"));

        assertEquals(ClaudicationType.NONE, a.claudication().type());
        assertTrue(firedRules(a).contains("CLAUD-TYPE-04"));
    }

    @Test
    void painOnlyAtRestIsNotClaudication() {
        Assessment a = assessScreened(bilateral("LEG_PAIN").broughtOnBy("REST").relievedBy("MOVEMENT"));

        assertEquals(ClaudicationType.NONE, a.claudication().type());
    }

    @Test
    void noPainInOneLegDoesNotHideWalkingInducedPainInTheOther() {
        Assessment a = assessScreened(Finding.absent("LEG_PAIN").on(Laterality.LEFT),
                Finding.present("LEG_PAIN").on(Laterality.RIGHT).broughtOnBy("WALKING"));

        assertEquals(ClaudicationType.INDETERMINATE, a.claudication().type());
        assertTrue(a.hypothesis("PERIPHERAL_ARTERY_DISEASE").isPresent());
    }

    @Test
    void unrecordedLegPainIsIndeterminateNotNone() {
        // unknown is not absent: nothing recorded about leg pain must not read as "no claudication"
        Assessment a = assessScreened();

        assertEquals(ClaudicationType.INDETERMINATE, a.claudication().type());
        assertTrue(a.questions().stream().anyMatch(q -> q.finding().id().equals("LEG_PAIN")));
    }

    @Test
    void normalFootPulsesWeighAgainstVascularWithoutExcludingIt() {
        Assessment a = assessScreened(
                bilateral("LEG_PAIN").broughtOnBy("WALKING").relievedBy("STANDING_STILL"),
                absent("DIMINISHED_FOOT_PULSES"));

        assertEquals(ClaudicationType.VASCULAR, a.claudication().type());
        assertTrue(a.claudication().evidenceAgainst().stream()
                .anyMatch(c -> c.mechanism() == Mechanism.VASCULAR && c.clue().contains("pulses")));
    }

    @ParameterizedTest(name = "ABI {0} -> vascular clue: {1}")
    @CsvSource({"0.50, true", "0.89, true", "0.90, true", "0.91, false", "0.99, false", "1.00, false", "1.40, false",
            "1.41, false"})
    void abiAtOrBelowPointNineZeroIsAVascularClueAndMakesArteryDiseaseLikely(double value, boolean clue) {
        Assessment a = assessScreened(abi(value, Laterality.LEFT));

        assertEquals(clue, firedRules(a).contains("CLAUD-VASC-04"), "ABI " + value);
        assertEquals(clue, a.hypothesis("PERIPHERAL_ARTERY_DISEASE").map(h -> h.tier() == Tier.LIKELY)
                .orElse(false), "ABI " + value + ": PAD likely");
        // without walking-related leg pain there is no claudication to classify, whatever the ABI
        assertEquals(ClaudicationType.INDETERMINATE, a.claudication().type(), "ABI " + value);
    }

    @Test
    void everyClueNamesTheFindingItRestsOn() {
        Assessment a = assessScreened(
                bilateral("LEG_PAIN").broughtOnBy("WALKING").relievedBy("STANDING_STILL"));

        a.claudication().evidenceFor().forEach(clue -> assertFalse(clue.because().findings().isEmpty(), clue.clue()));
        assertTrue(a.hypothesis("PERIPHERAL_ARTERY_DISEASE").orElseThrow().findingsFor().stream()
                .anyMatch(f -> f.code().equals("LEG_PAIN")), "PAD rests on the leg pain, through the classification");
    }

    /*
     * What weighs against a mechanism or a cause is shown to the clinician. Each case below is one where a single rule
     * is the only source of that counter-evidence, so each test also checks that it notices the rule's loss (the
     * scenarios check these rules only by their firing, for want of an expectation on evidence against).
     */

    @Test
    void reliefByStandingStillWeighsAgainstNeurogenicClaudication() {
        Finding[] chart = {bilateral("LEG_PAIN").broughtOnBy("WALKING").relievedBy("STANDING_STILL")};

        assertWeighsAgainst(Mechanism.NEUROGENIC, "CLAUD-NEURO-04", chart);
    }

    @Test
    void normalFootPulsesWeighAgainstVascularClaudication() {
        Finding[] chart = {bilateral("LEG_PAIN").broughtOnBy("WALKING"), absent("DIMINISHED_FOOT_PULSES")};

        assertWeighsAgainst(Mechanism.VASCULAR, "CLAUD-VASC-05", chart);
    }

    @Test
    void aNormalRestingAnkleBrachialIndexWeighsAgainstVascularClaudication() {
        Finding[] chart = {bilateral("LEG_PAIN").broughtOnBy("WALKING"), abi(1.08, Laterality.LEFT),
                abi(1.12, Laterality.RIGHT)};

        assertWeighsAgainst(Mechanism.VASCULAR, "CLAUD-VASC-09", chart);
    }

    @Test
    void aNormalRestingAnkleBrachialIndexWeighsAgainstPeripheralArteryDiseaseYetKeepsItInView() {
        // given the story of vascular claudication, and a normal resting ABI on both sides
        Finding[] chart = {bilateral("LEG_PAIN").broughtOnBy("WALKING").relievedBy("STANDING_STILL"),
                bilateral("CALF_PAIN"), abi(1.08, Laterality.LEFT), abi(1.12, Laterality.RIGHT)};

        // then PAD stays in the differential (an exercise ABI can still reveal it), with the normal ABI against it
        Assessment a = assessScreened(chart);
        assertFalse(a.hypothesis("PERIPHERAL_ARTERY_DISEASE").orElseThrow().findingsAgainst().isEmpty(),
                a.hypothesis("PERIPHERAL_ARTERY_DISEASE")::toString);
        Assessment without = assessWithout("CAUSE-PAD-07", chart);
        assertTrue(without.hypothesis("PERIPHERAL_ARTERY_DISEASE").orElseThrow().findingsAgainst().isEmpty(),
                "nothing else weighs against PAD here, so this test notices the rule's loss");
    }

    private static void assertWeighsAgainst(Mechanism mechanism, String rule, Finding... chart) {
        assertTrue(against(assessScreened(chart)).contains(mechanism), () -> "clues against "
                + mechanism + ": " + assessScreened(chart).claudication());
        assertFalse(against(assessWithout(rule, chart)).contains(mechanism),
                "nothing else weighs against " + mechanism + " here, so this test notices the loss of " + rule);
    }

    /** The mechanisms some clue weighs against, whether the clue supports the classification or weighs against it. */
    private static Set<Mechanism> against(Assessment a) {
        return Stream.concat(a.claudication().evidenceFor().stream(),
                        a.claudication().evidenceAgainst().stream())
                .filter(clue -> clue.direction() == Direction.AGAINST)
                .map(Clue::mechanism).collect(Collectors.toSet());
    }

    /** The same screened chart, assessed with one rule switched off. */
    private static Assessment assessWithout(String rule, Finding... chart) {
        return KnowledgeBaseTesting.withRulesDisabled(Clinic.ENGINE, Set.of(rule)).assess(Clinic.screenedCase(chart));
    }
}
