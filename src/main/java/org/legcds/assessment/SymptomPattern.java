package org.legcds.assessment;

/** Patterns of the symptoms: where they are (side, symmetry, stocking-glove, radicular) and when (what brings them on,
 * rest or night pain, onset). */
public enum SymptomPattern {
    /** Both legs. */
    BILATERAL("Both legs"),
    /** One leg. */
    UNILATERAL("One leg"),
    /** Symmetric in both legs. */
    SYMMETRIC("Symmetric in both legs"),
    /** Stocking-glove: feet first, length-dependent. */
    STOCKING_GLOVE("Stocking-glove: feet first, length-dependent"),
    /** Radicular: along a nerve root (dermatome). */
    RADICULAR("Radicular: along a nerve root (dermatome)"),
    /** Brought on by walking or exertion. */
    WALKING_INDUCED("Brought on by walking or exertion"),
    /** Brought on by standing upright. */
    STANDING_INDUCED("Brought on by standing upright"),
    /** Worse with stairs or rising from a chair. */
    POSTURAL("Worse with stairs or rising from a chair"),
    /** Present or worse at rest. */
    PAIN_AT_REST("Present or worse at rest"),
    /** Worse lying down or at night. */
    PAIN_LYING_DOWN("Worse lying down or at night"),
    /** Sudden onset. */
    SUDDEN_ONSET("Sudden onset"),
    /** Gradual onset. */
    GRADUAL_ONSET("Gradual onset");

    private final String label;

    SymptomPattern(String label) {
        this.label = label;
    }

    /**
     * Clinician words for the pattern.
     *
     * @return e.g. "Both legs"
     */
    public String label() {
        return label;
    }
}
