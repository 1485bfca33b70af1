package org.legcds.vocabulary;

/** What sort of finding a vocabulary entry is; it decides which qualifiers a record of it may carry by default. */
public enum FindingKind {
    /** What the patient reports, e.g. leg pain. */
    SYMPTOM,
    /** What an examination finds, e.g. absent foot pulses. */
    SIGN,
    /** Past history, habits and risk factors, e.g. smoking. */
    HISTORY,
    /** A medicine the patient takes, e.g. a statin. */
    MEDICATION,
    /** A test result, e.g. the ankle-brachial index. */
    TEST
}
