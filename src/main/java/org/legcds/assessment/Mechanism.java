package org.legcds.assessment;

/** The two mechanisms of claudication. */
public enum Mechanism {
    VASCULAR, NEUROGENIC
}
