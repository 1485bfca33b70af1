package org.legcds.assessment;

/** Patterns of the symptoms: where they are (side, symmetry, stocking-glove, radicular) and when (what brings them on,
 * rest or night pain, onset). */
public enum SymptomPattern {
    BILATERAL("Both legs"),
    UNILATERAL("One leg"),
    SYMMETRIC("Symmetric in both legs"),
    STOCKING_GLOVE("Stocking-glove: feet first, length-dependent"),
    RADICULAR("Radicular: along a nerve root (dermatome)"),
    WALKING_INDUCED("Brought on by walking or exertion"),
    STANDING_INDUCED("Brought on by standing upright"),
    POSTURAL("Worse with stairs or rising from a chair"),
    PAIN_AT_REST("Present or worse at rest"),
    PAIN_LYING_DOWN("Worse lying down or at night"),
    SUDDEN_ONSET("Sudden onset"),
    GRADUAL_ONSET("Gradual onset");

    private final String label;

    SymptomPattern(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
