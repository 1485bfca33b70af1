package org.legcds.assessment;

/** The kinds of next step. */
public enum StepKind {
    EXAMINATION, TEST, MANAGEMENT, REFERRAL, CAUTION
}
