package org.legcds.vocabulary;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a record of a finding may say beyond present, absent or unknown. Each vocabulary entry may list the qualifiers
 * that apply to it ({@code qualifiers:}); without a list, its kind decides ({@link #defaults}).
 */
public enum Qualifier {
    /** Which side. */
    LATERALITY,
    /** Sudden or gradual. */
    ONSET,
    /** What brings it on, or is recorded not to (triggers, absentTriggers). */
    TRIGGERS,
    /** What relieves it, or is recorded not to (reliefs, absentReliefs). */
    RELIEFS,
    /** Mild, moderate, severe, worst ever. */
    SEVERITY,
    /** Stable, worsening, improving, resolved. */
    COURSE,
    /** How fast it developed: hours, days, weeks, months, years. */
    TEMPO,
    /** When it started (a date) or how long it has lasted (an ISO-8601 duration). */
    TIMING,
    /** Where, when the code does not fix it (calf, thigh, thoracic back, ...). */
    SITE,
    /** A graded answer from the entry's own list. */
    ANSWER;

    /**
     * The name as written in vocabulary files.
     *
     * @return the name in lower case, e.g. {@code triggers}
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The qualifiers that apply to a kind of finding when its entry does not list them.
     *
     * @param kind a kind of finding; not null
     * @return a new mutable set
     */
    public static Set<Qualifier> defaults(FindingKind kind) {
        return switch (kind) {
            case SYMPTOM -> EnumSet.of(LATERALITY, ONSET, TRIGGERS, RELIEFS, SEVERITY, COURSE, TEMPO, TIMING, SITE,
                    ANSWER);
            case SIGN -> EnumSet.of(LATERALITY, ONSET, SEVERITY, COURSE, TEMPO, TIMING, SITE, ANSWER);
            case HISTORY, MEDICATION -> EnumSet.of(LATERALITY, COURSE, TIMING, SITE, ANSWER);
            case TEST -> EnumSet.of(LATERALITY, TIMING, SITE, ANSWER);
        };
    }
}
