package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;


/**
 * A finding that weighs against a condition in the differential.
 *
 * @param condition the condition (its vocabulary id)
 * @param reason    why it weighs against
 */
public record EvidenceAgainst(String condition, String reason) {
    public EvidenceAgainst {
        requireNonNull(condition, "condition must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
