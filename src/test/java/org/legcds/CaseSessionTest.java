package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.Clinic.ENGINE;
import static org.legcds.Clinic.PATIENT;
import static org.legcds.Clinic.TODAY;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.ClaudicationType;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.problems.InvalidCaseException;
import org.legcds.vocabulary.Urgency;

@DisplayName("Case session: a clinician documents findings one by one")
class CaseSessionTest {

    @Test
    void theAssessmentFollowsTheFindingsAsTheyAreDocumented() {
        try (CaseSession session = ENGINE.openSession(PATIENT, TODAY)) {
            // given walking-induced pain, relief not yet asked
            session.record(Finding.present("LEG_PAIN").on(Laterality.BILATERAL).broughtOnBy("WALKING"));
            assertEquals(ClaudicationType.INDETERMINATE, session.assess().claudication().type());

            // when the clinician records that sitting relieves it
            session.record(Finding.present("LEG_PAIN").on(Laterality.BILATERAL).broughtOnBy("WALKING")
                    .relievedBy("SITTING"));

            // then the earlier conclusion is replaced, not added to
            assertEquals(ClaudicationType.NEUROGENIC, session.assess().claudication().type());
        }
    }

    @Test
    void forgettingTheFindingBehindARedFlagWithdrawsTheFlagAndReopensTheCheck() {
        try (CaseSession session = ENGINE.openSession(PATIENT, TODAY)) {
            session.record(Finding.present("BLADDER_DYSFUNCTION"));
            assertEquals(Urgency.EMERGENCY, session.assess().triage().level());

            session.forget("BLADDER_DYSFUNCTION");
            Assessment after = session.assess();

            assertEquals(Urgency.ROUTINE, after.triage().level());
            assertTrue(after.notEvaluated("CAUDA_EQUINA_SYNDROME").orElseThrow()
                    .unknownFindings().stream().anyMatch(f -> f.id().equals("BLADDER_DYSFUNCTION")), "unknown again, so the check is open again");
        }
    }

    @Test
    void aSessionConcludesWhatTheOneShotAssessmentConcludes() {
        List<Finding> findings = List.of(
                Finding.present("LEG_PAIN").on(Laterality.BILATERAL).broughtOnBy("WALKING")
                        .relievedBy("STANDING_STILL"),
                Finding.present("SHOPPING_CART_SIGN"), Finding.absent("BLADDER_DYSFUNCTION"),
                Finding.present("COLD_LIMB"));
        Assessment oneShot = ENGINE.assess(new Case(PATIENT, TODAY, findings));

        try (CaseSession session = ENGINE.openSession(PATIENT, TODAY)) {
            List<Finding> reversed = new java.util.ArrayList<>(findings);
            java.util.Collections.reverse(reversed);
            reversed.forEach(session::record);
            Assessment incremental = session.assess();

            assertEquals(withoutTrace(oneShot), withoutTrace(incremental));
        }
    }

    @Test
    void aClosedSessionRefusesWork() {
        CaseSession session = ENGINE.openSession(PATIENT, TODAY);
        session.close();
        session.close(); // closing twice is harmless

        assertThrows(IllegalStateException.class, session::assess);
        assertThrows(IllegalStateException.class, () -> session.record(Finding.present("FEVER")));
    }

    private static Assessment withoutTrace(Assessment a) {
        return new Assessment(a.triage(), a.redFlags(), a.notEvaluated(), a.claudication(), a.patterns(),
                a.causeCategories(), a.differential(), a.recommendations(), a.questions(), List.of(),
                a.knowledgeBase(), a.evaluationDate());
    }

    @Test
    void aFindingThatContradictsOneOnTheOtherSideIsRefusedAndTheSessionKeepsWhatItHad() {
        try (CaseSession session = ENGINE.openSession(PATIENT, TODAY)) {
            // given pulses documented absent on the left (diminished pulses: no)
            session.record(Finding.absent("DIMINISHED_FOOT_PULSES").on(Laterality.LEFT));

            // when someone records them diminished in both legs, which includes the left
            InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> session.record(
                    Finding.present("DIMINISHED_FOOT_PULSES").on(Laterality.BILATERAL)));

            // then the problem names both findings, and the session holds the left finding only
            assertTrue(refused.getMessage().contains("DIMINISHED_FOOT_PULSES present, bilateral"), refused.getMessage());
            assertTrue(refused.getMessage().contains("present and absent on the same side"), refused.getMessage());
            assertFalse(session.forget("DIMINISHED_FOOT_PULSES", Laterality.BILATERAL), "the refused one was not kept");

            // and a finding on the other side, which does not contradict it, is accepted
            session.record(Finding.present("DIMINISHED_FOOT_PULSES").on(Laterality.RIGHT));
            assertTrue(session.forget("DIMINISHED_FOOT_PULSES", Laterality.LEFT), "the left finding was kept");
        }
    }

    @Test
    void replacingAFindingOnItsOwnSideIsNotAContradiction() {
        try (CaseSession session = ENGINE.openSession(PATIENT, TODAY)) {
            session.record(Finding.absent("BLADDER_DYSFUNCTION"));
            session.record(Finding.present("BLADDER_DYSFUNCTION"));
            assertEquals(Urgency.EMERGENCY, session.assess().triage().level());
        }
    }
}
