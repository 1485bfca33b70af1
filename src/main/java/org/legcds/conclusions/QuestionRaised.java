package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.Priority;
import org.legcds.facts.Code;

/**
 * An unknown finding whose answer would change the assessment.
 *
 * @param finding  what to ask or examine
 * @param priority how decisive the answer is
 * @param why      what the answer would change
 */
public record QuestionRaised(Code finding, Priority priority, String why) {
    public QuestionRaised {
        requireNonNull(finding, "finding must not be null");
        requireNonNull(priority, "priority must not be null");
        requireNonNull(why, "why must not be null");
    }
}
