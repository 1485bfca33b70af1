package org.legcds;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an input: where it is, what was found and what was expected.
 *
 * @param field    where, e.g. {@code findings[2].code}
 * @param value    what was there (already shortened for display), e.g. {@code 'BLADER'}
 * @param expected what would have been accepted
 */
public record Problem(String field, String value, String expected) {

    public Problem {
        requireNonNull(field, "field must not be null");
        requireNonNull(value, "value must not be null");
        requireNonNull(expected, "expected must not be null");
    }

    /** One line: {@code findings[2].code: 'BLADER' is not valid; expected a vocabulary code ...}. */
    @Override
    public String toString() {
        return field + ": " + value + " is not valid; expected " + expected;
    }
}
