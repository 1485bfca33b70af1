package org.legcds.facts;

/** How a symptom began. */
public enum Onset {
    SUDDEN, GRADUAL
}
