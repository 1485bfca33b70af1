package org.legcds.assessment;

/** Where and how the symptoms are spread. */
public enum DistributionPattern {
    BILATERAL("Both legs"),
    UNILATERAL("One leg"),
    SYMMETRIC("Symmetric in both legs"),
    STOCKING_GLOVE("Stocking-glove: feet first, length-dependent"),
    RADICULAR("Radicular: along a nerve root (dermatome)");

    private final String label;

    DistributionPattern(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
