package org.legcds.assessment;

/** How strongly the findings support a hypothesis. Ordered from strongest. */
public enum Tier {
    /** The findings make it likely: consider it first. */
    LIKELY,
    /** The findings make it possible: keep it in mind. */
    POSSIBLE
}
