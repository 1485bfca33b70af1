package org.legcds.facts;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The date an assessment is made for, passed in by the host (the engine never reads a clock). Rules read it to tell how
 * long a finding has lasted when the chart gives its start date ({@link Finding#lastedDays(EvaluationDate)}).
 *
 * @param date the evaluation date
 */
public record EvaluationDate(LocalDate date) {
    /**
     * Validates.
     *
     * @param date the evaluation date; not null
     * @throws NullPointerException if {@code date} is null
     */
    public EvaluationDate {
        requireNonNull(date, "date must not be null");
    }
}
