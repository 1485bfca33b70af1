package org.legcds.facts;

/** Over what span of time a finding developed or has been changing ("weakness worsening over days"). */
public enum Tempo {
    /** Over hours. */
    HOURS,
    /** Over days. */
    DAYS,
    /** Over weeks. */
    WEEKS,
    /** Over months. */
    MONTHS,
    /** Over years. */
    YEARS
}
