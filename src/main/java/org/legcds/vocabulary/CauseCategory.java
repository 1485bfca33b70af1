package org.legcds.vocabulary;

/** Broad families of cause. */
public enum CauseCategory {
    SYSTEMIC, STRUCTURAL, VASCULAR, INFLAMMATORY, INFECTIOUS, NEOPLASTIC, OTHER
}
