package org.legcds.vocabulary;

/** An entry of the vocabulary: an id, a clinician label and its position in the vocabulary files. */
public sealed interface Definition extends Comparable<Definition>
        permits FindingDefinition, ModifierDefinition, ConditionDefinition, StepDefinition, RedFlagCheckDefinition,
        Threshold {

    /**
     * The id rules and data files use.
     *
     * @return the id, e.g. {@code LEG_PAIN}; never null
     */
    String id();

    /**
     * Clinician words.
     *
     * @return the label shown to clinicians; never null
     */
    String label();

    /**
     * Position in the vocabulary (file order): the tie-break order of every list in an assessment.
     *
     * @return the position, from 0
     */

    int order();

    /**
     * Vocabulary order, then id.
     *
     * @param other another entry
     * @return negative, zero or positive as this entry comes before, with or after {@code other}
     */
    @Override
    default int compareTo(Definition other) {
        int byOrder = Integer.compare(order(), other.order());
        return byOrder != 0 ? byOrder : id().compareTo(other.id());
    }
}
