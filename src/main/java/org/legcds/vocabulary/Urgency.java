package org.legcds.vocabulary;

/** How soon the patient needs to be seen. Ordered from most to least urgent. */
public enum Urgency {
    /** Same-day emergency care: call for help now. */
    EMERGENCY,
    /** Prompt evaluation, within days. */
    URGENT,
    /** Routine assessment. */
    ROUTINE;

    /**
     * Whether this is more urgent than {@code other}.
     *
     * @param other another urgency; not null
     * @return true if this is strictly more urgent
     */
    public boolean moreUrgentThan(Urgency other) {
        return ordinal() < other.ordinal();
    }
}
