package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.Priority;

/**
 * An unknown finding whose answer would change the assessment.
 *
 * @param finding  what to ask or examine (a finding id)
 * @param priority how decisive the answer is
 * @param why      what the answer would change
 */
public record QuestionRaised(String finding, Priority priority, String why) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param finding  what to ask or examine (a finding id)
     * @param priority how decisive the answer is
     * @param why      what the answer would change
     * @throws NullPointerException if a component is null, naming it
     */
    public QuestionRaised {
        requireNonNull(finding, "finding must not be null");
        requireNonNull(priority, "priority must not be null");
        requireNonNull(why, "why must not be null");
    }
}
