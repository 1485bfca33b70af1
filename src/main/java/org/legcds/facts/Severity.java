package org.legcds.facts;

/** How bad a symptom is, as the patient or clinician rates it. */
public enum Severity {
    /** Rated mild. */
    MILD,
    /** Rated moderate. */
    MODERATE,
    /** Rated severe. */
    SEVERE,
    /** Rated the worst the patient has ever had. */
    WORST_EVER
}
