package org.legcds.facts;

/**
 * Whether a finding was observed. {@link #UNKNOWN} is a first-class answer: a finding that was not asked about, or whose
 * answer was not recorded, is unknown, never absent (clinical safety principle 1). {@link #CONFLICTING} is what two
 * records say when one finds it present and the other absent: red-flag rules count it as a positive screen until it is
 * clarified, other rules as neither present nor absent.
 */
public enum Status {
    /** Observed, or reported by the patient. */
    PRESENT,
    /** Asked or examined for, and not found. */
    ABSENT,
    /** Not asked, not examined, or the answer not recorded: never read as absent. */
    UNKNOWN,
    /** Recorded both present and absent (e.g. by two clinicians); clarify it. */
    CONFLICTING
}
