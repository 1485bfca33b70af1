package org.legcds.conclusions;

import static java.util.Objects.requireNonNull;

import org.legcds.assessment.RedFlagCheck;
import org.legcds.facts.Code;

/**
 * A red-flag check that could not be decided because a finding it needs is unknown. Reported as "not evaluated", never
 * dropped.
 *
 * @param check   the check left open
 * @param unknown the finding whose answer would decide it
 */
public record CheckOpen(RedFlagCheck check, Code unknown) {
    public CheckOpen {
        requireNonNull(check, "check must not be null");
        requireNonNull(unknown, "unknown must not be null");
    }
}
