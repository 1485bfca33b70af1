package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.vocabulary.Urgency;

/**
 * A red-flag check that could not be decided because a finding it needs is unknown. Reported as "not evaluated", never
 * dropped.
 *
 * @param check   the red-flag check left open (its vocabulary id)
 * @param unknown the finding whose answer would decide it (its vocabulary id)
 * @param atLeast the urgency the patient is seen with while it stays open: ROUTINE for a plain open check, higher
 *                where the presentation makes the danger likely enough that waiting for the answer is itself a risk
 *                (e.g. cauda equina not yet excluded in bilateral sciatica)
 */
public record CheckOpen(String check, String unknown, Urgency atLeast) {
    /**
     * Checks that no component is null; rules create these in DRL.
     *
     * @param check   the red-flag check left open (its vocabulary id)
     * @param unknown the finding whose answer would decide it (its vocabulary id)
     * @param atLeast the urgency the patient is seen with while it stays open: ROUTINE for a plain open check, higher
     *                where the presentation makes the danger likely enough that waiting for the answer is itself a risk
     *                (e.g. cauda equina not yet excluded in bilateral sciatica)
     * @throws NullPointerException if a component is null, naming it
     */
    public CheckOpen {
        requireNonNull(check, "check must not be null");
        requireNonNull(unknown, "unknown must not be null");
        requireNonNull(atLeast, "atLeast must not be null");
    }

    /**
     * An open check that does not by itself raise the urgency (at least {@code ROUTINE}).
     *
     * @param check   the red-flag check left open (its vocabulary id)
     * @param unknown the finding whose answer would decide it (its vocabulary id)
     * @throws NullPointerException if a component is null, naming it
     */
    public CheckOpen(String check, String unknown) {
        this(check, unknown, Urgency.ROUTINE);
    }
}
