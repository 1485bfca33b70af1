package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.Direction;
import org.legcds.assessment.Mechanism;

/**
 * A finding that speaks for or against one claudication mechanism.
 *
 * @param mechanism vascular or neurogenic
 * @param direction for or against it
 * @param clue      the clinical reason, e.g. "relieved within minutes by standing still"
 */
public record ClaudicationClue(Mechanism mechanism, Direction direction, String clue) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param mechanism vascular or neurogenic
     * @param direction for or against it
     * @param clue      the clinical reason, e.g. "relieved within minutes by standing still"
     * @throws NullPointerException if a component is null, naming it
     */
    public ClaudicationClue {
        requireNonNull(mechanism, "mechanism must not be null");
        requireNonNull(direction, "direction must not be null");
        requireNonNull(clue, "clue must not be null");
    }
}
