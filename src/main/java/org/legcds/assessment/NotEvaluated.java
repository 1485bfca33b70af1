package org.legcds.assessment;

import java.util.List;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.RedFlagCheckDefinition;
import org.legcds.vocabulary.FindingDefinition;

/**
 * A red-flag check that could not be decided because findings it needs are unknown. Ask about them.
 *
 * @param check           the check left open
 * @param label           its readable name
 * @param unknownFindings the findings whose answers would decide it
 * @param atLeast         the urgency while it stays open: ROUTINE, or higher where the presentation makes the danger
 *                        likely enough that waiting for the answer is itself a risk (it then counts in the triage)
 * @param because         the rules that found it open
 */
public record NotEvaluated(RedFlagCheckDefinition check, String label, List<FindingDefinition> unknownFindings,
                           Urgency atLeast, Explanation because) {
    /**
     * Copies the list, so the record is immutable.
     *
     * @param check           the check left open
     * @param label           its readable name
     * @param unknownFindings the findings whose answers would decide it
     * @param atLeast         the urgency while it stays open: ROUTINE, or higher where the presentation makes the
     *                        danger likely enough that waiting for the answer is itself a risk (it then counts in the
     *                        triage)
     * @param because         the rules that found it open
     * @throws NullPointerException if {@code unknownFindings} is null or holds null
     */
    public NotEvaluated {
        unknownFindings = List.copyOf(unknownFindings);
    }
}
