package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.SymptomPattern;

/**
 * A pattern of the symptoms: where they are or when they come.
 *
 * @param pattern the pattern
 */
public record PatternFound(SymptomPattern pattern) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param pattern the pattern
     * @throws NullPointerException if a component is null, naming it
     */
    public PatternFound {
        requireNonNull(pattern, "pattern must not be null");
    }
}
