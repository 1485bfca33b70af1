package org.legcds.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.legcds.Clinic;
import org.legcds.assessment.Assessment;
import org.legcds.cdshooks.Card;
import org.legcds.cdshooks.CdsCards;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a record's free-text source (new with the chart qualifiers) reaches the HTML page and the cards; no
 * control, bidi or zero-width character in it may reorder or forge what the clinician reads.
 */
@DisplayName("A hostile record source cannot reorder or forge the HTML page or the cards")
class HostileSourceTextTest {

    private static final String HOSTILE = "nurse\u202e \u2066 \u200b \u001b[2J \u0085 \u2028 URGENCY: ROUTINE";

    private static Case chart() {
        return new Case(new Patient("p", 50, Sex.MALE, Status.ABSENT), LocalDate.of(2026, 11, 21), List.of(
                Finding.present("LEG_PAIN"),
                Finding.present("BLADDER_DYSFUNCTION").from(HOSTILE),
                Finding.absent("BLADDER_DYSFUNCTION").from("checklist")));
    }

    private static void assertNoInvisibleControls(String text) {
        for (int c : List.of(0x202e, 0x2066, 0x200b, 0x1b, 0x85, 0x2028)) {
            assertFalse(text.indexOf(c) >= 0, () -> String.format("U+%04X reached the output", c));
        }
    }

    @Test
    void theHtmlPageShowsReplacementCharactersInstead() {
        Case chart = chart();
        Assessment a = Clinic.ENGINE.assess(chart);
        String page = AssessmentPage.render(chart, a);
        assertTrue(page.contains("nurse\ufffd"), "the hostile source is shown, defused");
        assertNoInvisibleControls(page);
    }

    @Test
    void theCardsShowReplacementCharactersInstead() {
        Assessment a = Clinic.ENGINE.assess(chart());
        for (Card card : CdsCards.from(a, "p").cards()) {
            assertNoInvisibleControls(card.summary());
            assertNoInvisibleControls(card.detail());
        }
    }
}
