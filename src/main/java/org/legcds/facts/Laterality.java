package org.legcds.facts;

/** Which side a finding affects. */
public enum Laterality {
    LEFT, RIGHT, BILATERAL
}
