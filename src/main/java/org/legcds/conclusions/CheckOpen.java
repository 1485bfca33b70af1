package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;


/**
 * A red-flag check that could not be decided because a finding it needs is unknown. Reported as "not evaluated", never
 * dropped.
 *
 * @param check   the red-flag check left open (its vocabulary id)
 * @param unknown the finding whose answer would decide it (its vocabulary id)
 */
public record CheckOpen(String check, String unknown) {
    public CheckOpen {
        requireNonNull(check, "check must not be null");
        requireNonNull(unknown, "unknown must not be null");
    }
}
