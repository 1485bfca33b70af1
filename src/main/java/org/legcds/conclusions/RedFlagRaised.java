package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.vocabulary.Urgency;

/**
 * A red-flag check fired. Sets the assessment's urgency; nothing lowers it.
 *
 * @param check   the danger suspected (a red-flag check id; what to do at this urgency is the check's action in the
 *                vocabulary)
 * @param urgency how soon to act
 */
public record RedFlagRaised(String check, Urgency urgency) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param check   the danger suspected (a red-flag check id; what to do at this urgency is the check's action in the
     *                vocabulary)
     * @param urgency how soon to act
     * @throws NullPointerException if a component is null, naming it
     * @throws IllegalArgumentException if {@code urgency} is {@code ROUTINE}: a red flag is urgent or an emergency
     */
    public RedFlagRaised {
        requireNonNull(check, "check must not be null");
        requireNonNull(urgency, "urgency must not be null");
        if (urgency == Urgency.ROUTINE) {
            throw new IllegalArgumentException("urgency of a red flag must be EMERGENCY or URGENT, not ROUTINE");
        }
    }
}
