package org.legcds.facts;

/** Over what span of time a finding developed or has been changing ("weakness worsening over days"). */
public enum Tempo {
    HOURS, DAYS, WEEKS, MONTHS, YEARS
}
