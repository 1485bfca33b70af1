package org.legcds.assessment;

/** How decisive an unanswered question is. Ordered from most decisive. */
public enum Priority {
    /**
     * Records disagree about it (present and absent): settle it first. Until then it counts as present where that is
     * the safe side (a red-flag finding).
     */
    CLARIFY,
    /** Its answer could reveal an emergency (cauda equina syndrome, acute limb ischaemia). */
    EMERGENCY,
    /** Its answer could raise an urgent red flag. */
    RED_FLAG,
    /** Its answer would change the claudication type or the leading hypothesis. */
    CLASSIFICATION,
    /** Its answer would support or weaken a possible cause. */
    CAUSE
}
