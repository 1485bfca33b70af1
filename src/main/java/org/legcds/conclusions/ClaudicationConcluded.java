package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.ClaudicationType;

/**
 * The claudication classification. The classification rules are mutually exclusive, so at most one stands.
 *
 * @param type the classification
 */
public record ClaudicationConcluded(ClaudicationType type) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param type the classification
     * @throws NullPointerException if a component is null, naming it
     */
    public ClaudicationConcluded {
        requireNonNull(type, "type must not be null");
    }
}
