package org.legcds.vocabulary;

/** Broad families of cause. */
public enum CauseCategory {
    /** A whole-body or metabolic cause (e.g. diabetes, a medicine, a deficiency). */
    SYSTEMIC,
    /** A mechanical cause in the spine, joints or soft tissue. */
    STRUCTURAL,
    /** A cause in the arteries or veins. */
    VASCULAR,
    /** An inflammatory or autoimmune cause. */
    INFLAMMATORY,
    /** An infection. */
    INFECTIOUS,
    /** A tumour or its spread. */
    NEOPLASTIC,
    /** None of the above. */
    OTHER
}
