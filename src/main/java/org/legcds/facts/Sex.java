package org.legcds.facts;

/** Sex recorded for the patient; {@link #UNKNOWN} when not recorded. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
