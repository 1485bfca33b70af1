package org.legcds.vocabulary;

/** The kinds of next step. */
public enum StepKind {
    EXAMINATION, TEST, MANAGEMENT, REFERRAL, CAUTION
}
