package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.SymptomPattern;

/**
 * A distribution pattern of the symptoms.
 *
 * @param pattern the pattern
 */
public record PatternFound(SymptomPattern pattern) {
    public PatternFound {
        requireNonNull(pattern, "pattern must not be null");
    }
}
