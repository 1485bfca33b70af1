package org.legcds.facts;

/**
 * Whether a finding was observed. {@link #UNKNOWN} is a first-class answer: a finding that was not asked about, or whose
 * answer was not recorded, is unknown, never absent (clinical safety principle 1). {@link #CONFLICTING} is what two
 * records say when one finds it present and the other absent: red-flag rules count it as a positive screen until it is
 * clarified, other rules as neither present nor absent.
 */
public enum Status {
    PRESENT, ABSENT, UNKNOWN, CONFLICTING
}
