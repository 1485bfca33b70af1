package org.legcds.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.legcds.Clinic;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.vocabulary.Vocabulary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 12, item 2: quiet on charts the knowledge base is not for; one screening card, most dangerous first. */
@DisplayName("CDS Hooks relevance: quiet when irrelevant, one red-flag screening card when it speaks")
class CdsRelevanceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final Patient PATIENT = new Patient("p-7", 47, Sex.FEMALE, Status.ABSENT);

    @Test
    @DisplayName("a chart with a cough, hypertension and knee pain alone is not a leg-pain presentation")
    void aChartWithoutALegPresentationIsNotRelevant() {
        Case chart = new Case(PATIENT, TODAY, List.of(Finding.present("HYPERTENSION"), Finding.present("KNEE_PAIN"),
                Finding.present("LOW_BACK_PAIN"), Finding.absent("LEG_PAIN")));
        assertFalse(CdsCards.relevant(chart));
        assertEquals("{\"cards\":[]}", CdsCards.toJson(CdsCards.none()));
    }

    @Test
    @DisplayName("leg pain, sciatica, neuropathy symptoms, a cold leg or saddle numbness make a chart relevant")
    void eachPresentationMakesAChartRelevant() {
        for (String code : List.of("LEG_PAIN", "RADIATING_LEG_PAIN", "PARESTHESIA", "COLD_LIMB", "SADDLE_ANAESTHESIA")) {
            assertTrue(CdsCards.relevant(new Case(PATIENT, TODAY, List.of(Finding.present(code)))), code);
        }
        // a doubtful record of a presentation counts: a red flag may hide behind it
        assertTrue(CdsCards.relevant(new Case(PATIENT, TODAY, List.of(Finding.conflicting("LEG_PAIN")))));
        assertFalse(CdsCards.relevant(new Case(PATIENT, TODAY, List.of(Finding.unknown("LEG_PAIN")))));
    }

    @Test
    @DisplayName("the presentations are the vocabulary's, each a finding an informatician can edit")
    void thePresentationsAreData() {
        assertTrue(Vocabulary.packaged().presentations().stream().anyMatch(f -> f.id().equals("LEG_PAIN")));
    }

    @Test
    @DisplayName("bilateral sciatica with bladder, bowel and saddle unasked: one screening card, cauda equina first, no codes")
    void openChecksGiveOneScreeningCardMostDangerousFirst() {
        Assessment a = Clinic.ENGINE.assess(new Case(PATIENT, TODAY, List.of(
                Finding.present("RADIATING_LEG_PAIN").on(Laterality.BILATERAL),
                Finding.present("LEG_PAIN").on(Laterality.BILATERAL))));
        List<Card> cards = CdsCards.from(a, "p-7").cards();
        List<Card> screening = cards.stream().filter(c -> c.summary().startsWith("Screen for red flags")).toList();
        assertEquals(1, screening.size(), () -> cards.stream().map(Card::summary).toList().toString());
        Card card = screening.get(0);
        assertEquals(Card.Indicator.WARNING, card.indicator(), "cauda equina not excluded in bilateral sciatica");
        assertTrue(card.detail().indexOf("Cauda equina syndrome") < card.detail().indexOf("Acute limb ischaemia"),
                card::detail);
        assertTrue(card.detail().contains("urgent until answered"), card::detail);
        for (Card each : cards) {
            assertFalse(each.detail().contains("BLADDER_DYSFUNCTION") || each.summary().contains("BLADDER_DYSFUNCTION"),
                    each::detail);
        }
        assertTrue(cards.stream().noneMatch(c -> c.summary().contains("not ruled out")),
                "no card per open check any more");
    }

    @Test
    @DisplayName("a cauda equina emergency gets its critical card plus at most one screening card")
    void anEmergencyGetsItsCriticalCardAndAtMostOneScreeningCard() {
        Assessment a = Clinic.ENGINE.assess(new Case(PATIENT, TODAY, List.of(
                Finding.present("LEG_PAIN").on(Laterality.BILATERAL), Finding.present("SADDLE_ANAESTHESIA"))));
        List<Card> cards = CdsCards.from(a, "p-7").cards();
        assertEquals(1, cards.stream().filter(c -> c.indicator() == Card.Indicator.CRITICAL).count());
        assertTrue(cards.stream().filter(c -> c.summary().startsWith("Screen for red flags")).count() <= 1);
    }
}
