package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

/**
 * A recommended next step.
 *
 * @param step   what to do (a step id)
 * @param reason why, in a few words
 */
public record Recommended(String step, String reason) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param step   what to do (a step id)
     * @param reason why, in a few words
     * @throws NullPointerException if a component is null, naming it
     */
    public Recommended {
        requireNonNull(step, "step must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
