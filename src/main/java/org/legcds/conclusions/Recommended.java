package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.Step;

/**
 * A recommended next step.
 *
 * @param step   what to do
 * @param reason why, in a few words
 */
public record Recommended(Step step, String reason) {
    public Recommended {
        requireNonNull(step, "step must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
