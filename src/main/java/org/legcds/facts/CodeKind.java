package org.legcds.facts;

/** The kind of a vocabulary item. */
public enum CodeKind {
    SYMPTOM, SIGN, HISTORY, TEST_RESULT, MEDICATION
}
