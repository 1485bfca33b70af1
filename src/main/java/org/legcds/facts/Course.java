package org.legcds.facts;

/** Which way a finding is going. */
public enum Course {
    STABLE, WORSENING, IMPROVING, RESOLVED
}
