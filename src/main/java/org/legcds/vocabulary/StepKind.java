package org.legcds.vocabulary;

/** The kinds of next step. */
public enum StepKind {
    /** An examination to do, e.g. feel the foot pulses. */
    EXAMINATION,
    /** A test to order, e.g. an ankle-brachial index. */
    TEST,
    /** Treatment or advice. */
    MANAGEMENT,
    /** A referral to another service. */
    REFERRAL,
    /** Something to avoid or watch for. */
    CAUTION
}
