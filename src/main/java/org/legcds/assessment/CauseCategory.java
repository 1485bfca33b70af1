package org.legcds.assessment;

/** Broad families of cause. */
public enum CauseCategory {
    SYSTEMIC, STRUCTURAL, VASCULAR, INFLAMMATORY, INFECTIOUS, NEOPLASTIC, OTHER
}
