package org.legcds.facts;

/** How a symptom began. */
public enum Onset {
    /** Began suddenly. */
    SUDDEN,
    /** Came on gradually. */
    GRADUAL
}
