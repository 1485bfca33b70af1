package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.Condition;

/**
 * A finding that weighs against a condition in the differential.
 *
 * @param condition the condition
 * @param reason    why it weighs against
 */
public record EvidenceAgainst(Condition condition, String reason) {
    public EvidenceAgainst {
        requireNonNull(condition, "condition must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
