package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.Clinic.bilateral;
import static org.legcds.Clinic.firedRules;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Assessor;
import org.legcds.assessment.ClaudicationType;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;

@DisplayName("Switching rules off (for testing the knowledge base): an agenda filter, no rebuild, off the engine's API")
class RulesDisabledTest {

    private static final List<Finding> VASCULAR = List.of(
            bilateral("LEG_PAIN").broughtOnBy("WALKING").relievedBy("STANDING_STILL"),
            bilateral("CALF_PAIN"));

    @Test
    void aDisabledRuleNeverFiresAndItsConclusionsAreMissing() {
        Assessor view = KnowledgeBaseTesting.withRulesDisabled(Clinic.ENGINE, Set.of("CLAUD-VASC-01", "CLAUD-VASC-02"));

        Assessment a = view.assess(new Case(Clinic.PATIENT, Clinic.TODAY, VASCULAR));

        assertFalse(firedRules(a).contains("CLAUD-VASC-01"));
        assertFalse(firedRules(a).contains("CLAUD-VASC-02"));
        assertEquals(ClaudicationType.INDETERMINATE, a.claudication().type(), "no vascular clue is left");
        assertTrue(view.toString().contains("[CLAUD-VASC-01, CLAUD-VASC-02]"), view::toString);
    }

    @Test
    void theViewSharesTheKnowledgeBaseAndLeavesTheEngineUntouched() {
        Assessor view = KnowledgeBaseTesting.withRulesDisabled(Clinic.ENGINE, Set.of("CLAUD-VASC-01"));

        assertSame(Clinic.ENGINE.vocabulary(), view.vocabulary(), "nothing recompiled");
        assertEquals(Clinic.ENGINE.rules(), view.rules(), "the catalogue still lists every rule");
        Assessment full = Clinic.ENGINE.assess(new Case(Clinic.PATIENT, Clinic.TODAY, VASCULAR));
        assertTrue(firedRules(full).contains("CLAUD-VASC-01"));
        assertEquals(ClaudicationType.VASCULAR, full.claudication().type());
        assertFalse(view instanceof LegCds, "a view is never an engine a host could take for the clinical one");
    }

    @Test
    void disablingNothingGivesTheSameAssessment() {
        Case c = new Case(Clinic.PATIENT, Clinic.TODAY, VASCULAR);
        assertEquals(Clinic.ENGINE.assess(c), KnowledgeBaseTesting.withRulesDisabled(Clinic.ENGINE, Set.of()).assess(c));
    }

    @Test
    void aDisabledRedFlagRuleRaisesNothing() {
        Assessor view = KnowledgeBaseTesting.withRulesDisabled(Clinic.ENGINE, Set.of("RF-CES-03"));
        Case saddle = new Case(Clinic.PATIENT, Clinic.TODAY, List.of(Finding.present("SADDLE_ANAESTHESIA")));

        assertTrue(Clinic.ENGINE.assess(saddle).redFlag("CAUDA_EQUINA_SYNDROME").isPresent());
        Assessment a = view.assess(saddle);
        assertTrue(a.redFlags().isEmpty(), "the saddle-anaesthesia rule is off");
        assertFalse(firedRules(a).contains("RF-CES-03"));
    }

    @Test
    void unknownRuleIdsAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> KnowledgeBaseTesting.withRulesDisabled(Clinic.ENGINE, Set.of("CLAUD-VASC-01", "NO-SUCH-RULE", "ALSO-MISSING")));

        assertTrue(e.getMessage().contains("ALSO-MISSING, NO-SUCH-RULE"), e.getMessage());
        assertFalse(e.getMessage().contains("CLAUD-VASC-01"), e.getMessage());
    }
}
