package org.legcds.scenario;

import static java.util.Objects.requireNonNull;

/**
 * One expectation of a scenario that the assessment did not meet.
 *
 * @param expectation the expectation's key under {@code expect}, e.g. {@code claudication}, {@code differential}
 * @param message     a readable sentence, e.g. {@code expected claudication VASCULAR but was MIXED}
 */
public record ExpectationFailure(String expectation, String message) {

    /**
     * Checks that no component is null.
     *
     * @param expectation the expectation's key under {@code expect}, e.g. {@code claudication}, {@code differential}
     * @param message     a readable sentence, e.g. {@code expected claudication VASCULAR but was MIXED}
     * @throws NullPointerException if a component is null, naming it
     */
    public ExpectationFailure {
        requireNonNull(expectation, "expectation must not be null");
        requireNonNull(message, "message must not be null");
    }

    /**
     * The message.
     *
     * @return {@link #message()}
     */
    @Override
    public String toString() {
        return message;
    }
}
