package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.RedFlagCheck;
import org.legcds.assessment.Urgency;

/**
 * A red-flag check fired. Sets the assessment's urgency; nothing lowers it.
 *
 * @param check   the danger suspected
 * @param urgency how soon to act
 * @param action  what to do, e.g. "Emergency MRI of the lumbosacral spine"
 */
public record RedFlagRaised(RedFlagCheck check, Urgency urgency, String action) {
    public RedFlagRaised {
        requireNonNull(check, "check must not be null");
        requireNonNull(urgency, "urgency must not be null");
        requireNonNull(action, "action must not be null");
        if (urgency == Urgency.ROUTINE) {
            throw new IllegalArgumentException("urgency of a red flag must be EMERGENCY or URGENT, not ROUTINE");
        }
    }
}
