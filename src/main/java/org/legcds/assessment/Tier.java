package org.legcds.assessment;

/** How strongly the findings support a hypothesis. Ordered from strongest. */
public enum Tier {
    LIKELY, POSSIBLE
}
