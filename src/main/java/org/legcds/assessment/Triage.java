package org.legcds.assessment;

import java.util.List;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.RedFlagCheckDefinition;

/**
 * The assessment's urgency and the red-flag checks that set it.
 *
 * @param level the urgency: the highest of the red flags raised and of the checks left open at a raised urgency
 *              ({@link NotEvaluated#atLeast()}), {@link Urgency#ROUTINE} when none
 * @param setBy the red-flag checks, raised or left open, whose urgency equals {@code level}; empty when routine
 */
public record Triage(Urgency level, List<RedFlagCheckDefinition> setBy) {
    /**
     * Copies the list, so the record is immutable.
     *
     * @param level the urgency: the highest of the red flags raised and of the checks left open at a raised urgency
     *              ({@link NotEvaluated#atLeast()}), {@link Urgency#ROUTINE} when none
     * @param setBy the red-flag checks, raised or left open, whose urgency equals {@code level}; empty when routine
     * @throws NullPointerException if {@code setBy} is null or holds null
     */
    public Triage {
        setBy = List.copyOf(setBy);
    }
}
