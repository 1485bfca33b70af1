package org.legcds.facts;

/**
 * Whether a finding was observed. {@link #UNKNOWN} is a first-class answer: a finding that was not asked about, or whose
 * answer was not recorded, is unknown, never absent (clinical safety principle 1).
 */
public enum Status {
    PRESENT, ABSENT, UNKNOWN
}
