package org.legcds.assessment;

import java.util.List;

/**
 * The claudication classification with the evidence for and against it.
 *
 * @param type            the classification
 * @param evidenceFor     clues that support it
 * @param evidenceAgainst clues that weigh against it
 * @param because         the classification rule
 */
public record ClaudicationAssessment(ClaudicationType type, List<Clue> evidenceFor, List<Clue> evidenceAgainst,
                                     Explanation because) {
    /**
     * Copies the lists, so the record is immutable.
     *
     * @param type            the classification
     * @param evidenceFor     clues that support it
     * @param evidenceAgainst clues that weigh against it
     * @param because         the classification rule
     * @throws NullPointerException if a list is null or holds null
     */
    public ClaudicationAssessment {
        evidenceFor = List.copyOf(evidenceFor);
        evidenceAgainst = List.copyOf(evidenceAgainst);
    }
}
