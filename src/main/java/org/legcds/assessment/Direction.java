package org.legcds.assessment;

/** Whether a clue supports or weighs against a conclusion. */
public enum Direction {
    /** Supports it. */
    FOR,
    /** Weighs against it. */
    AGAINST
}
