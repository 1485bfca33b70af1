package org.legcds.problems;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an input: where it is, what was found and what was expected.
 *
 * @param field    where, e.g. {@code findings[2].code}
 * @param value    what was there (already shortened for display, and quoted with {@link Escaping#quote} when it is
 *                 text from the input), e.g. {@code 'BLADER'}
 * @param expected what would have been accepted
 */
public record Problem(String field, String value, String expected) {

    /**
     * Makes each component safe to print on one line ({@link Escaping#inline}).
     *
     * @param field    where, e.g. {@code findings[2].code}
     * @param value    what was there (already shortened for display, and quoted with {@link Escaping#quote} when it is
     *                 text from the input), e.g. {@code 'BLADER'}
     * @param expected what would have been accepted
     * @throws NullPointerException if a component is null, naming it
     */
    public Problem {
        requireNonNull(field, "field must not be null");
        requireNonNull(value, "value must not be null");
        requireNonNull(expected, "expected must not be null");
        // values come from input: none may end the line or drive the terminal it is printed on
        field = Escaping.inline(field);
        value = Escaping.inline(value);
        expected = Escaping.inline(expected);
    }

    /**
     * A problem stated as one sentence, e.g. a rule of the fact model that the value breaks.
     *
     * @param field    where, e.g. {@code findings[2]}
     * @param sentence what is wrong, as a sentence
     * @return the problem, with an empty value
     */
    public static Problem stated(String field, String sentence) {
        return new Problem(field, "", sentence);
    }

    /**
     * One line, e.g. {@code findings[2].code: 'BLADER' is not valid; expected a vocabulary code ...}.
     *
     * @return the problem as one line
     */
    @Override
    public String toString() {
        if (value.isEmpty()) {
            return field + ": " + expected;
        }
        if (value.equals("missing")) {
            return field + ": missing; expected " + expected;
        }
        return field + ": " + value + " is not valid; expected " + expected;
    }
}
