package org.legcds.facts;

/** Which way a finding is going. */
public enum Course {
    /** Neither better nor worse. */
    STABLE,
    /** Getting worse. */
    WORSENING,
    /** Getting better. */
    IMPROVING,
    /** Gone. */
    RESOLVED
}
