package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.Tier;

/**
 * A condition for the differential. Several rules may raise the same condition; the assessment keeps the strongest tier
 * and every rule's evidence.
 *
 * @param condition the condition (its vocabulary id)
 * @param tier      likely or possible
 * @param reason    the clinical reasoning in a few words
 */
public record HypothesisRaised(String condition, Tier tier, String reason) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param condition the condition (its vocabulary id)
     * @param tier      likely or possible
     * @param reason    the clinical reasoning in a few words
     * @throws NullPointerException if a component is null, naming it
     */
    public HypothesisRaised {
        requireNonNull(condition, "condition must not be null");
        requireNonNull(tier, "tier must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
