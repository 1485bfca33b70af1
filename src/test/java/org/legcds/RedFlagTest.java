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
import org.junit.jupiter.params.provider.ValueSource;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Priority;
import org.legcds.assessment.RedFlag;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.vocabulary.StepKind;
import org.legcds.vocabulary.Urgency;

@DisplayName("Red flags: cauda equina syndrome and acute limb ischaemia")
class RedFlagTest {

    @ParameterizedTest(name = "{0} alone -> cauda equina emergency")
    @ValueSource(strings = {"BLADDER_DYSFUNCTION", "BOWEL_DYSFUNCTION", "SADDLE_ANAESTHESIA",
            "URINARY_HESITANCY", "ALTERED_URINARY_SENSATION"})
    void eachCaudaEquinaSignAloneIsAnEmergency(String sign) {
        Assessment a = assess(bilateral("LEG_PAIN"), present(sign));

        assertEquals(Urgency.EMERGENCY, a.triage().level());
        assertEquals(List.of("CAUDA_EQUINA_SYNDROME"), Clinic.ids(a.triage().setBy()));
        RedFlag flag = a.redFlag("CAUDA_EQUINA_SYNDROME").orElseThrow();
        assertTrue(flag.action().contains("MRI"), flag.action());
        assertTrue(flag.because().findings().stream().anyMatch(f -> f.code().equals(sign)), "names its trigger");
        assertFalse(flag.because().rules().get(0).sources().isEmpty());
        assertTrue(a.recommendation("EMERGENCY_MRI_LUMBOSACRAL_SPINE").isPresent());
        assertTrue(a.notEvaluated("CAUDA_EQUINA_SYNDROME").isEmpty(), "a raised flag is not 'open'");
    }

    @Test
    void suddenSevereBilateralPainWithProgressiveWeaknessIsAnEmergency() {
        Assessment a = assessScreened(bilateral("LEG_PAIN").withOnset(Onset.SUDDEN), present("SEVERE_LEG_PAIN"),
                present("PROGRESSIVE_WEAKNESS"));

        assertEquals(Urgency.EMERGENCY, a.triage().level());
        assertTrue(firedRules(a).contains("RF-CES-05"));
    }

    @Test
    void unknownBladderStatusLeavesTheCaudaEquinaCheckOpenAndAsksAboutIt() {
        // given every red flag screened negative except bladder function, which was not asked
        List<Finding> findings = new java.util.ArrayList<>(Clinic.screenedExcept("BLADDER_DYSFUNCTION"));
        findings.add(bilateral("LEG_PAIN").broughtOnBy("WALKING"));
        Assessment a = assess(findings.toArray(Finding[]::new));

        // then the check is reported as not evaluated, never silently passed
        assertEquals(Urgency.ROUTINE, a.triage().level());
        var open = a.notEvaluated("CAUDA_EQUINA_SYNDROME").orElseThrow();
        assertEquals(List.of("BLADDER_DYSFUNCTION"), Clinic.ids(open.unknownFindings()));
        var question = a.questions().get(0);
        assertEquals("BLADDER_DYSFUNCTION", question.finding().id(), "the red-flag question comes first");
        assertEquals(Priority.EMERGENCY, question.priority());
        assertTrue(a.recommendation("SADDLE_SENSATION_AND_BLADDER_CHECK").isPresent());
    }

    @Test
    void aFullyScreenedPatientHasNoOpenRedFlagChecks() {
        Assessment a = assessScreened(bilateral("LEG_PAIN").broughtOnBy("WALKING"));

        assertTrue(a.notEvaluated().isEmpty(), a.notEvaluated().toString());
        assertTrue(a.redFlags().isEmpty());
        assertEquals(Urgency.ROUTINE, a.triage().level());
    }

    @Test
    void anUnscreenedPatientHasEveryRedFlagCheckReportedNotEvaluated() {
        Assessment a = assess(bilateral("LEG_PAIN"));

        assertTrue(a.notEvaluated("CAUDA_EQUINA_SYNDROME").isPresent());
        assertTrue(a.notEvaluated("ACUTE_LIMB_ISCHAEMIA").isPresent());
    }

    @Test
    void aLegThatSuddenlyTurnsColdAndPaleIsAcuteLimbIschaemia() {
        Assessment a = assessScreenedExceptLimb(
                present("COLD_LIMB").on(Laterality.RIGHT).withOnset(Onset.SUDDEN),
                present("PALE_OR_BLUE_LIMB").on(Laterality.RIGHT).withOnset(Onset.SUDDEN));

        assertEquals(Urgency.EMERGENCY, a.triage().level());
        RedFlag flag = a.redFlag("ACUTE_LIMB_ISCHAEMIA").orElseThrow();
        assertTrue(flag.action().contains("Vascular surgery today"), flag.action());
        assertEquals(2, flag.because().findings().size(), "both the cold and the pale leg are named");
        assertTrue(a.recommendation("EMERGENCY_VASCULAR_SURGERY").isPresent());
    }

    @Test
    void aColdLegWithAnAbsentFootPulseIsAcuteLimbIschaemiaWhateverTheOnset() {
        Assessment a = assessScreenedExceptLimb(present("COLD_LIMB").on(Laterality.LEFT),
                present("ABSENT_FOOT_PULSE").on(Laterality.LEFT), absent("PALE_OR_BLUE_LIMB"));

        assertTrue(a.redFlag("ACUTE_LIMB_ISCHAEMIA").isPresent());
        assertTrue(firedRules(a).contains("RF-ALI-02"));
    }

    @Test
    void aColdLegOfUnrecordedOnsetAndUnexaminedPulseLeavesTheCheckOpen() {
        Assessment a = assessScreenedExceptLimb(present("COLD_LIMB"), absent("PALE_OR_BLUE_LIMB"));

        assertTrue(a.redFlag("ACUTE_LIMB_ISCHAEMIA").isEmpty());
        assertEquals(List.of("ABSENT_FOOT_PULSE"),
                Clinic.ids(a.notEvaluated("ACUTE_LIMB_ISCHAEMIA").orElseThrow().unknownFindings()));
    }

    @Test
    void aRedFlagBuriedAmongBenignFindingsStillSetsEmergency() {
        Assessment a = assessScreenedExceptCes(
                bilateral("LEG_PAIN").broughtOnBy("WALKING").relievedBy("STANDING_STILL"),
                bilateral("CALF_PAIN"), present("CRAMPING_PAIN"), present("SMOKING"),
                present("HYPERTENSION"), present("HIGH_CHOLESTEROL"), absent("BLADDER_DYSFUNCTION"),
                absent("BOWEL_DYSFUNCTION"), absent("URINARY_HESITANCY"),
                absent("ALTERED_URINARY_SENSATION"), present("SADDLE_ANAESTHESIA"));

        assertEquals(Urgency.EMERGENCY, a.triage().level());
        assertTrue(a.redFlag("CAUDA_EQUINA_SYNDROME").isPresent());
        assertEquals(Urgency.EMERGENCY, a.redFlags().get(0).urgency(), "red flags come most urgent first");
    }

    @Test
    void anEmergencyDefersRoutineManagementButNotTheEmergencyAction() {
        // given known PAD in a smoker, whose leg has just turned cold
        Assessment a = assess(present("PERIPHERAL_ARTERY_DISEASE"), present("SMOKING"),
                present("COLD_LIMB").withOnset(Onset.SUDDEN));

        assertTrue(a.recommendations().stream().noneMatch(r -> r.kind() == StepKind.MANAGEMENT
                        && !r.step().timeCritical()), // heparin is the emergency's own management
                "exercise programmes and risk-factor control wait: " + a.recommendations());
        assertTrue(a.recommendation("EMERGENCY_VASCULAR_SURGERY").isPresent());
    }

    @Test
    void twoRedFlagsTogetherAreBothReportedAndBothSetTheUrgency() {
        Assessment a = assess(present("SADDLE_ANAESTHESIA"),
                present("PALE_OR_BLUE_LIMB").withOnset(Onset.SUDDEN));

        assertEquals(List.of("CAUDA_EQUINA_SYNDROME", "ACUTE_LIMB_ISCHAEMIA"),
                Clinic.ids(a.triage().setBy()));
    }

    private static Assessment assessScreenedExceptLimb(Finding... findings) {
        List<Finding> all = new java.util.ArrayList<>(Clinic.screenedExcept("COLD_LIMB", "PALE_OR_BLUE_LIMB"));
        all.addAll(List.of(findings));
        return assess(all.toArray(Finding[]::new));
    }

    private static Assessment assessScreenedExceptCes(Finding... findings) {
        List<Finding> all = new java.util.ArrayList<>(Clinic.screenedExcept("BLADDER_DYSFUNCTION",
                "BOWEL_DYSFUNCTION", "SADDLE_ANAESTHESIA", "URINARY_HESITANCY",
                "ALTERED_URINARY_SENSATION"));
        all.addAll(List.of(findings));
        return assess(all.toArray(Finding[]::new));
    }
}
