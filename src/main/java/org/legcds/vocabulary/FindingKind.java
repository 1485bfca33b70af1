package org.legcds.vocabulary;

/** What sort of finding a vocabulary entry is; it decides which qualifiers a record of it may carry by default. */
public enum FindingKind {
    SYMPTOM, SIGN, HISTORY, MEDICATION, TEST
}
