package org.legcds.assessment;

/** How decisive an unanswered question is. Ordered from most decisive. */
public enum Priority {
    /** Its answer could reveal an emergency (cauda equina syndrome, acute limb ischaemia). */
    EMERGENCY,
    /** Its answer could raise an urgent red flag. */
    RED_FLAG,
    /** Its answer would change the claudication type or the leading hypothesis. */
    CLASSIFICATION,
    /** Its answer would support or weaken a possible cause. */
    CAUSE
}
