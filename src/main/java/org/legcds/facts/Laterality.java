package org.legcds.facts;

/** Which side a finding affects. */
public enum Laterality {
    /** The left leg only. */
    LEFT,
    /** The right leg only. */
    RIGHT,
    /** Both legs. */
    BILATERAL
}
