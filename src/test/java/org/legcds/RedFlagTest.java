package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.Clinic.absent;
import static org.legcds.Clinic.assess;
import static org.legcds.Clinic.assessScreened;
import static org.legcds.Clinic.bilateral;
import static org.legcds.Clinic.firedRules;
import static org.legcds.Clinic.present;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Priority;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.RedFlagCheck;
import org.legcds.assessment.Step;
import org.legcds.assessment.StepKind;
import org.legcds.assessment.Urgency;
import org.legcds.facts.Code;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.facts.Relief;
import org.legcds.facts.Trigger;

@DisplayName("Red flags: cauda equina syndrome and acute limb ischaemia")
class RedFlagTest {

    @ParameterizedTest(name = "{0} alone -> cauda equina emergency")
    @EnumSource(value = Code.class, names = {"BLADDER_DYSFUNCTION", "BOWEL_DYSFUNCTION", "SADDLE_ANAESTHESIA",
            "URINARY_HESITANCY", "ALTERED_URINARY_SENSATION"})
    void eachCaudaEquinaSignAloneIsAnEmergency(Code sign) {
        Assessment a = assess(bilateral(Code.LEG_PAIN), present(sign));

        assertEquals(Urgency.EMERGENCY, a.urgency().level());
        assertEquals(List.of(RedFlagCheck.CAUDA_EQUINA_SYNDROME), a.urgency().setBy());
        RedFlag flag = a.redFlag(RedFlagCheck.CAUDA_EQUINA_SYNDROME).orElseThrow();
        assertTrue(flag.action().contains("MRI"), flag.action());
        assertTrue(flag.because().findings().stream().anyMatch(f -> f.code() == sign), "names its trigger");
        assertFalse(flag.because().rules().get(0).sources().isEmpty());
        assertTrue(a.recommendation(Step.EMERGENCY_MRI_LUMBOSACRAL_SPINE).isPresent());
        assertTrue(a.notEvaluated(RedFlagCheck.CAUDA_EQUINA_SYNDROME).isEmpty(), "a raised flag is not 'open'");
    }

    @Test
    void suddenSevereBilateralPainWithProgressiveWeaknessIsAnEmergency() {
        Assessment a = assessScreened(bilateral(Code.LEG_PAIN).withOnset(Onset.SUDDEN), present(Code.SEVERE_LEG_PAIN),
                present(Code.PROGRESSIVE_WEAKNESS));

        assertEquals(Urgency.EMERGENCY, a.urgency().level());
        assertTrue(firedRules(a).contains("RF-CES-05"));
    }

    @Test
    void unknownBladderStatusLeavesTheCaudaEquinaCheckOpenAndAsksAboutIt() {
        // given every red flag screened negative except bladder function, which was not asked
        List<Finding> findings = new java.util.ArrayList<>(Clinic.screenedExcept(Code.BLADDER_DYSFUNCTION));
        findings.add(bilateral(Code.LEG_PAIN).broughtOnBy(Trigger.WALKING));
        Assessment a = assess(findings.toArray(Finding[]::new));

        // then the check is reported as not evaluated, never silently passed
        assertEquals(Urgency.ROUTINE, a.urgency().level());
        var open = a.notEvaluated(RedFlagCheck.CAUDA_EQUINA_SYNDROME).orElseThrow();
        assertEquals(List.of(Code.BLADDER_DYSFUNCTION), open.unknownFindings());
        var question = a.questions().get(0);
        assertEquals(Code.BLADDER_DYSFUNCTION, question.finding(), "the red-flag question comes first");
        assertEquals(Priority.EMERGENCY, question.priority());
        assertTrue(a.recommendation(Step.SADDLE_SENSATION_AND_BLADDER_CHECK).isPresent());
    }

    @Test
    void aFullyScreenedPatientHasNoOpenRedFlagChecks() {
        Assessment a = assessScreened(bilateral(Code.LEG_PAIN).broughtOnBy(Trigger.WALKING));

        assertTrue(a.notEvaluated().isEmpty(), a.notEvaluated().toString());
        assertTrue(a.redFlags().isEmpty());
        assertEquals(Urgency.ROUTINE, a.urgency().level());
    }

    @Test
    void anUnscreenedPatientHasEveryRedFlagCheckReportedNotEvaluated() {
        Assessment a = assess(bilateral(Code.LEG_PAIN));

        assertTrue(a.notEvaluated(RedFlagCheck.CAUDA_EQUINA_SYNDROME).isPresent());
        assertTrue(a.notEvaluated(RedFlagCheck.ACUTE_LIMB_ISCHAEMIA).isPresent());
    }

    @Test
    void aLegThatSuddenlyTurnsColdAndPaleIsAcuteLimbIschaemia() {
        Assessment a = assessScreenedExceptLimb(
                present(Code.COLD_LIMB).on(Laterality.RIGHT).withOnset(Onset.SUDDEN),
                present(Code.PALE_OR_BLUE_LIMB).on(Laterality.RIGHT).withOnset(Onset.SUDDEN));

        assertEquals(Urgency.EMERGENCY, a.urgency().level());
        RedFlag flag = a.redFlag(RedFlagCheck.ACUTE_LIMB_ISCHAEMIA).orElseThrow();
        assertTrue(flag.action().contains("Vascular surgery today"), flag.action());
        assertEquals(2, flag.because().findings().size(), "both the cold and the pale leg are named");
        assertTrue(a.recommendation(Step.EMERGENCY_VASCULAR_SURGERY).isPresent());
    }

    @Test
    void aColdLegWithAnAbsentFootPulseIsAcuteLimbIschaemiaWhateverTheOnset() {
        Assessment a = assessScreenedExceptLimb(present(Code.COLD_LIMB).on(Laterality.LEFT),
                present(Code.ABSENT_FOOT_PULSE).on(Laterality.LEFT), absent(Code.PALE_OR_BLUE_LIMB));

        assertTrue(a.redFlag(RedFlagCheck.ACUTE_LIMB_ISCHAEMIA).isPresent());
        assertTrue(firedRules(a).contains("RF-ALI-02"));
    }

    @Test
    void aColdLegOfUnrecordedOnsetAndUnexaminedPulseLeavesTheCheckOpen() {
        Assessment a = assessScreenedExceptLimb(present(Code.COLD_LIMB), absent(Code.PALE_OR_BLUE_LIMB));

        assertTrue(a.redFlag(RedFlagCheck.ACUTE_LIMB_ISCHAEMIA).isEmpty());
        assertEquals(List.of(Code.ABSENT_FOOT_PULSE),
                a.notEvaluated(RedFlagCheck.ACUTE_LIMB_ISCHAEMIA).orElseThrow().unknownFindings());
    }

    @Test
    void aRedFlagBuriedAmongBenignFindingsStillSetsEmergency() {
        Assessment a = assessScreenedExceptCes(
                bilateral(Code.LEG_PAIN).broughtOnBy(Trigger.WALKING).relievedBy(Relief.STANDING_STILL),
                bilateral(Code.CALF_PAIN), present(Code.CRAMPING_PAIN), present(Code.SMOKING),
                present(Code.HYPERTENSION), present(Code.HIGH_CHOLESTEROL), absent(Code.BLADDER_DYSFUNCTION),
                absent(Code.BOWEL_DYSFUNCTION), absent(Code.URINARY_HESITANCY),
                absent(Code.ALTERED_URINARY_SENSATION), present(Code.SADDLE_ANAESTHESIA));

        assertEquals(Urgency.EMERGENCY, a.urgency().level());
        assertTrue(a.redFlag(RedFlagCheck.CAUDA_EQUINA_SYNDROME).isPresent());
        assertEquals(Urgency.EMERGENCY, a.redFlags().get(0).urgency(), "red flags come most urgent first");
    }

    @Test
    void anEmergencyDefersRoutineManagementButNotTheEmergencyAction() {
        // given known PAD in a smoker, whose leg has just turned cold
        Assessment a = assess(present(Code.PERIPHERAL_ARTERY_DISEASE), present(Code.SMOKING),
                present(Code.COLD_LIMB).withOnset(Onset.SUDDEN));

        assertTrue(a.recommendations().stream().noneMatch(r -> r.kind() == StepKind.MANAGEMENT),
                "exercise programmes and risk-factor control wait: " + a.recommendations());
        assertTrue(a.recommendation(Step.EMERGENCY_VASCULAR_SURGERY).isPresent());
    }

    @Test
    void twoRedFlagsTogetherAreBothReportedAndBothSetTheUrgency() {
        Assessment a = assess(present(Code.SADDLE_ANAESTHESIA),
                present(Code.PALE_OR_BLUE_LIMB).withOnset(Onset.SUDDEN));

        assertEquals(List.of(RedFlagCheck.CAUDA_EQUINA_SYNDROME, RedFlagCheck.ACUTE_LIMB_ISCHAEMIA),
                a.urgency().setBy());
    }

    private static Assessment assessScreenedExceptLimb(Finding... findings) {
        List<Finding> all = new java.util.ArrayList<>(Clinic.screenedExcept(Code.COLD_LIMB, Code.PALE_OR_BLUE_LIMB));
        all.addAll(List.of(findings));
        return assess(all.toArray(Finding[]::new));
    }

    private static Assessment assessScreenedExceptCes(Finding... findings) {
        List<Finding> all = new java.util.ArrayList<>(Clinic.screenedExcept(Code.BLADDER_DYSFUNCTION,
                Code.BOWEL_DYSFUNCTION, Code.SADDLE_ANAESTHESIA, Code.URINARY_HESITANCY,
                Code.ALTERED_URINARY_SENSATION));
        all.addAll(List.of(findings));
        return assess(all.toArray(Finding[]::new));
    }
}
