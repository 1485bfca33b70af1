package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

/**
 * A finding that weighs against a condition in the differential.
 *
 * @param condition the condition (its vocabulary id)
 * @param reason    why it weighs against
 */
public record EvidenceAgainst(String condition, String reason) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param condition the condition (its vocabulary id)
     * @param reason    why it weighs against
     * @throws NullPointerException if a component is null, naming it
     */
    public EvidenceAgainst {
        requireNonNull(condition, "condition must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
