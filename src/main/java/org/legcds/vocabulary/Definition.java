package org.legcds.vocabulary;

/** An entry of the vocabulary: an id, a clinician label and its position in the vocabulary files. */
public sealed interface Definition extends Comparable<Definition>
        permits FindingDefinition, ModifierDefinition, ConditionDefinition, StepDefinition, RedFlagCheckDefinition,
        Threshold {

    /** The id rules and data files use. */
    String id();

    /** Clinician words. */
    String label();

    /** Position in the vocabulary (file order): the tie-break order of every list in an assessment. */
    int order();

    /** Vocabulary order. */
    @Override
    default int compareTo(Definition other) {
        int byOrder = Integer.compare(order(), other.order());
        return byOrder != 0 ? byOrder : id().compareTo(other.id());
    }
}
