package org.legcds.facts;

/** Sex recorded for the patient; {@link #UNKNOWN} when not recorded. */
public enum Sex {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Recorded, but neither female nor male. */
    OTHER,
    /** Not recorded. */
    UNKNOWN
}
