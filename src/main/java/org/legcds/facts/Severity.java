package org.legcds.facts;

/** How bad a symptom is, as the patient or clinician rates it. */
public enum Severity {
    MILD, MODERATE, SEVERE, WORST_EVER
}
