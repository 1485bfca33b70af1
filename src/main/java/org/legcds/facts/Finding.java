package org.legcds.facts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.legcds.problems.Escaping;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * One clinical finding about the patient: a vocabulary id and whether it is present, absent, unknown or conflicting,
 * with the qualifiers a chart records. Immutable; validated on construction for what needs no vocabulary (a finding
 * that breaks a rule below throws {@link InvalidCaseException} listing every problem); whether the id, its unit and
 * value, its modifiers and its answer fit the vocabulary is checked by the knowledge base that assesses it
 * ({@code Vocabulary.problems}).
 *
 * <p>Nullness: {@code code} and {@code status} are never null; the sets are never null and empty when not recorded (an
 * empty set means "not recorded", not "nothing brings it on"); every other component is null when not recorded.
 *
 * @param code           the vocabulary id of what was observed, e.g. {@code LEG_PAIN}
 * @param status         present, absent, unknown or conflicting
 * @param laterality     which side, or null
 * @param onset          sudden or gradual, or null
 * @param value          the measured value, for measurements only
 * @param unit           the value's unit
 * @param triggers       modifier ids of what brings it on
 * @param reliefs        modifier ids of what relieves it
 * @param absentTriggers modifier ids of what is recorded not to bring it on ("not brought on by walking")
 * @param absentReliefs  modifier ids of what is recorded not to relieve it ("not relieved by standing still")
 * @param severity       how bad, or null
 * @param course         stable, worsening, improving or resolved, or null
 * @param tempo          over what span it developed or changes, or null
 * @param since          the date it started, or null
 * @param duration       how long it has lasted, ISO-8601 (e.g. {@code P3D}, {@code PT6H}, {@code P2W}), or null
 * @param site           a site modifier id where the code does not fix the site, or null
 * @param answer         a graded answer from the vocabulary entry's own list (e.g. {@code reduced}), or null
 * @param source         where it was recorded (e.g. "nurse note"), or null; a conflicting finding names both sources
 */
public record Finding(String code, Status status, Laterality laterality, Onset onset, Double value, String unit,
                      Set<String> triggers, Set<String> reliefs, Set<String> absentTriggers, Set<String> absentReliefs,
                      Severity severity, Course course, Tempo tempo, LocalDate since, String duration, String site,
                      String answer, String source) {

    /**
     * Validates every component at once (without the vocabulary), normalises modifier ids and the answer, and copies
     * the sets.
     *
     * @param code           the vocabulary id; not blank
     * @param status         present, absent, unknown or conflicting; not null (a missing answer is never absent)
     * @param laterality     which side, or null
     * @param onset          sudden or gradual, or null; only when present or conflicting
     * @param value          the measured value, finite, or null; only when present or conflicting
     * @param unit           the value's unit as the vocabulary entry spells it (e.g. {@code "mmol/L"}), or null
     * @param triggers       modifier ids, or null or empty when not recorded; no blank id
     * @param reliefs        modifier ids, or null or empty when not recorded; no blank id
     * @param absentTriggers modifier ids, none also in {@code triggers}; null or empty when not recorded
     * @param absentReliefs  modifier ids, none also in {@code reliefs}; null or empty when not recorded
     * @param severity       how bad, or null
     * @param course         its course, or null
     * @param tempo          over what span, or null
     * @param since          the start date, or null
     * @param duration       an ISO-8601 duration, or null
     * @param site           a site modifier id, or null
     * @param answer         a graded answer (stored trimmed, in lower case), or null
     * @param source         where it was recorded, or null
     * @throws InvalidCaseException listing every problem, each naming the component
     */
    public Finding {
        List<Problem> problems = new ArrayList<>();
        if (code == null) {
            problems.add(new Problem("code", "missing", "a vocabulary id"));
        } else if (code.isBlank()) {
            problems.add(new Problem("code", "''", "a vocabulary id such as LEG_PAIN"));
        }
        if (status == null) {
            problems.add(new Problem("status", "missing", "present, absent, unknown or conflicting"
                    + (code == null ? "" : " for " + code) + " (a missing answer is never taken as absent)"));
        }
        triggers = ids(triggers, "triggers", problems);
        reliefs = ids(reliefs, "reliefs", problems);
        absentTriggers = ids(absentTriggers, "absentTriggers", problems);
        absentReliefs = ids(absentReliefs, "absentReliefs", problems);
        both(triggers, absentTriggers, "triggers", problems);
        both(reliefs, absentReliefs, "reliefs", problems);
        if (answer != null) {
            answer = answer.trim().toLowerCase(Locale.ROOT);
        }
        if (duration != null && durationDays(duration) == null) {
            problems.add(new Problem("duration", quoted(duration), "an ISO-8601 duration such as P3D, PT6H, P2W or P3M"));
        }
        if (code != null && status != null && status != Status.PRESENT && status != Status.CONFLICTING) {
            String why = " of " + code + " only when it is present, but status is " + status;
            describeOnlyWhenPresent("onset", onset, why, problems);
            describeOnlyWhenPresent("triggers", triggers.isEmpty() ? null : triggers, why, problems);
            describeOnlyWhenPresent("reliefs", reliefs.isEmpty() ? null : reliefs, why, problems);
            describeOnlyWhenPresent("absentTriggers", absentTriggers.isEmpty() ? null : absentTriggers, why, problems);
            describeOnlyWhenPresent("absentReliefs", absentReliefs.isEmpty() ? null : absentReliefs, why, problems);
            describeOnlyWhenPresent("severity", severity, why, problems);
            describeOnlyWhenPresent("course", course, why, problems);
            describeOnlyWhenPresent("tempo", tempo, why, problems);
            describeOnlyWhenPresent("since", since, why, problems);
            describeOnlyWhenPresent("duration", duration, why, problems);
            describeOnlyWhenPresent("value", value, why, problems);
            describeOnlyWhenPresent("answer", answer, why, problems);
        }
        if (value != null && (value.isNaN() || value.isInfinite())) {
            problems.add(new Problem("value", String.valueOf(value), "a finite number"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
    }

    private static void describeOnlyWhenPresent(String field, Object given, String why, List<Problem> problems) {
        if (given != null) {
            String shown = given instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(given);
            problems.add(new Problem(field, quoted(shown), "no " + field + why));
        }
    }

    private static void both(Set<String> present, Set<String> absent, String field, List<Problem> problems) {
        for (String id : present) {
            if (absent.contains(id)) {
                problems.add(new Problem(field, id, "each " + field.substring(0, field.length() - 1)
                        + " recorded either present or absent, not both"));
            }
        }
    }

    /** A value as written, shortened for display: a problem report must stay readable whatever the input. */
    private static String quoted(String text) {
        return Escaping.quote(text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }

    private static Set<String> ids(Collection<String> values, String field, List<Problem> problems) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new TreeSet<>();
        for (String value : values) { // an immutable Set throws on contains(null); check each element instead
            if (value == null || value.isBlank()) {
                problems.add(new Problem(field, String.valueOf(value), "a list of modifier ids without blanks"));
                return Set.of();
            }
            ids.add(Spelling.normalise(value));
        }
        return Collections.unmodifiableSet(ids);
    }

    /**
     * How many days it has lasted by the evaluation date: its duration when recorded, else the days from its start date
     * ({@code since}); null when neither is recorded (unknown, never taken as short or long), or the start date is after
     * the evaluation date.
     *
     * @param on the evaluation date, or null (then only a recorded duration counts)
     * @return the days lasted (hours as fractions, a month as 30 days), or null when unknown
     */
    public Double lastedDays(EvaluationDate on) {
        if (duration != null) {
            return durationDays(duration);
        }
        if (since == null || on == null || since.isAfter(on.date())) {
            return null;
        }
        return (double) java.time.temporal.ChronoUnit.DAYS.between(since, on.date());
    }

    /** The length of an ISO-8601 duration in days (hours as fractions, a month as 30 days), or null if invalid. */
    static Double durationDays(String iso) {
        String text = iso.trim().toUpperCase(Locale.ROOT);
        try {
            if (text.contains("T")) {
                return Duration.parse(text).toMinutes() / (24.0 * 60);
            }
            Period period = Period.parse(text);
            return period.getYears() * 365.0 + period.getMonths() * 30.0 + period.getDays();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Finding of(String code, Status status) {
        return new Finding(code, status, null, null, null, null, Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                null, null, null, null, null, null);
    }

    /**
     * A finding observed to be present, e.g. {@code Finding.present("LEG_PAIN")}.
     *
     * @param code the vocabulary id; not blank
     * @return the finding, unsided and without qualifiers
     * @throws InvalidCaseException if the code is null or blank
     */
    public static Finding present(String code) {
        return of(code, Status.PRESENT);
    }

    /**
     * A finding observed to be absent.
     *
     * @param code the vocabulary id; not blank
     * @return the finding, unsided (so absent on both sides)
     * @throws InvalidCaseException if the code is null or blank
     */
    public static Finding absent(String code) {
        return of(code, Status.ABSENT);
    }

    /**
     * A finding explicitly recorded as unknown (the same as not mentioning it).
     *
     * @param code the vocabulary id; not blank
     * @return the finding, unsided
     * @throws InvalidCaseException if the code is null or blank
     */
    public static Finding unknown(String code) {
        return of(code, Status.UNKNOWN);
    }

    /**
     * A finding whose records disagree (one present, one absent).
     *
     * @param code the vocabulary id; not blank
     * @return the finding, unsided and without qualifiers
     * @throws InvalidCaseException if the code is null or blank
     */
    public static Finding conflicting(String code) {
        return of(code, Status.CONFLICTING);
    }

    /**
     * A measurement, e.g. {@code measured("ANKLE_BRACHIAL_INDEX", 0.72, "1").on(Laterality.LEFT)}.
     *
     * @param code  the vocabulary id of a measurement
     * @param value the measured value; finite
     * @param unit  its unit, one the vocabulary entry accepts (e.g. {@code "1"} for a ratio)
     * @return the finding, present and unsided
     * @throws InvalidCaseException if the code is blank or the value is not finite
     */
    public static Finding measured(String code, double value, String unit) {
        return of(code, Status.PRESENT).with(value, unit);
    }

    private Finding with(Double newValue, String newUnit) {
        return new Finding(code, status, laterality, onset, newValue, newUnit, triggers, reliefs, absentTriggers,
                absentReliefs, severity, course, tempo, since, duration, site, answer, source);
    }

    /**
     * Whether this finding and another of the same code say present and absent on the same side. A finding absent
     * without a side is absent on both sides; one present without a side is present somewhere, so it contradicts absence
     * on both sides (absent unsided or bilateral) but not absence on one side.
     *
     * @param other another finding, or null
     * @return whether they contradict; false for null or another code
     */
    public boolean contradicts(Finding other) {
        if (other == null || !other.code.equals(code)) {
            return false;
        }
        if (present() && other.absent()) {
            return presentWhereAbsent(laterality, other.laterality);
        }
        if (other.present() && absent()) {
            return presentWhereAbsent(other.laterality, laterality);
        }
        return false;
    }

    private static boolean presentWhereAbsent(Laterality present, Laterality absent) {
        if (absent == null || absent == Laterality.BILATERAL) {
            return true; // absent on both sides: present anywhere contradicts it
        }
        return present == absent || present == Laterality.BILATERAL;
    }

    /**
     * The one finding two contradicting records make: CONFLICTING, on the side of the record that finds it present, with
     * that record's qualifiers and both sources ("present: nurse note; absent: checklist").
     *
     * @param other a finding that {@linkplain #contradicts contradicts} this one
     * @return the conflicting finding
     */
    public Finding conflictingWith(Finding other) {
        Finding presentRecord = present() ? this : other;
        Finding absentRecord = present() ? other : this;
        String sources = "present: " + (presentRecord.source == null ? "a record" : presentRecord.source)
                + "; absent: " + (absentRecord.source == null ? "a record" : absentRecord.source);
        return new Finding(code, Status.CONFLICTING, presentRecord.laterality, presentRecord.onset, presentRecord.value,
                presentRecord.unit, presentRecord.triggers, presentRecord.reliefs, presentRecord.absentTriggers,
                presentRecord.absentReliefs, presentRecord.severity, presentRecord.course, presentRecord.tempo,
                presentRecord.since, presentRecord.duration, presentRecord.site, presentRecord.answer, sources);
    }

    /**
     * This finding on the given side.
     *
     * @param side the side, or null for none
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding on(Laterality side) {
        return new Finding(code, status, side, onset, value, unit, triggers, reliefs, absentTriggers, absentReliefs,
                severity, course, tempo, since, duration, site, answer, source);
    }

    /**
     * This finding with the given onset.
     *
     * @param how sudden or gradual, or null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding withOnset(Onset how) {
        return new Finding(code, status, laterality, how, value, unit, triggers, reliefs, absentTriggers, absentReliefs,
                severity, course, tempo, since, duration, site, answer, source);
    }

    /**
     * This finding, brought on by the given activities (modifier ids such as {@code "WALKING"}), replacing any
     * recorded.
     *
     * @param what modifier ids; no null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding broughtOnBy(String... what) {
        return new Finding(code, status, laterality, onset, value, unit, Set.of(what), reliefs, absentTriggers,
                absentReliefs, severity, course, tempo, since, duration, site, answer, source);
    }

    /**
     * This finding, recorded as not brought on by the given activities, replacing any recorded.
     *
     * @param what modifier ids; no null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding notBroughtOnBy(String... what) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, Set.of(what), absentReliefs,
                severity, course, tempo, since, duration, site, answer, source);
    }

    /**
     * This finding, relieved by the given measures (modifier ids such as {@code "STANDING_STILL"}), replacing any
     * recorded.
     *
     * @param what modifier ids; no null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding relievedBy(String... what) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, Set.of(what), absentTriggers,
                absentReliefs, severity, course, tempo, since, duration, site, answer, source);
    }

    /**
     * This finding, recorded as not relieved by the given measures, replacing any recorded.
     *
     * @param what modifier ids; no null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding notRelievedBy(String... what) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, absentTriggers,
                Set.of(what), severity, course, tempo, since, duration, site, answer, source);
    }

    /**
     * This finding with a severity.
     *
     * @param how how bad, or null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding withSeverity(Severity how) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, absentTriggers,
                absentReliefs, how, course, tempo, since, duration, site, answer, source);
    }

    /**
     * This finding with a course and the span over which it runs, e.g. worsening over days.
     *
     * @param which its course, or null
     * @param over  over what span, or null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding withCourse(Course which, Tempo over) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, absentTriggers,
                absentReliefs, severity, which, over, since, duration, site, answer, source);
    }

    /**
     * This finding, started on a date.
     *
     * @param date the start date, or null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding since(LocalDate date) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, absentTriggers,
                absentReliefs, severity, course, tempo, date, duration, site, answer, source);
    }

    /**
     * This finding, lasting an ISO-8601 duration such as {@code P3D}.
     *
     * @param iso the duration, or null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding lasting(String iso) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, absentTriggers,
                absentReliefs, severity, course, tempo, since, iso, site, answer, source);
    }

    /**
     * This finding at a body site (a site modifier id such as {@code "CALF"}).
     *
     * @param where the site modifier id, or null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding at(String where) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, absentTriggers,
                absentReliefs, severity, course, tempo, since, duration, where, answer, source);
    }

    /**
     * This finding with a graded answer from its vocabulary entry's list, e.g. {@code "reduced"}.
     *
     * @param graded the answer, or null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding answered(String graded) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, absentTriggers,
                absentReliefs, severity, course, tempo, since, duration, site, graded, source);
    }

    /**
     * This finding, recorded in the given source, e.g. "nurse note".
     *
     * @param where the source, or null
     * @return a copy with that changed; this finding is unchanged
     * @throws InvalidCaseException if the result breaks a rule of the record (e.g. a qualifier on a finding that is
     *                              not present)
     */
    public Finding from(String where) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs, absentTriggers,
                absentReliefs, severity, course, tempo, since, duration, site, answer, where);
    }

    /**
     * Whether it was observed to be present.
     *
     * @return true for {@link Status#PRESENT} only
     */
    public boolean present() {
        return status == Status.PRESENT;
    }

    /**
     * Whether it was observed to be absent.
     *
     * @return true for {@link Status#ABSENT} only
     */
    public boolean absent() {
        return status == Status.ABSENT;
    }

    /**
     * Whether it was answered one way; unknown and conflicting records are not.
     *
     * @return true for present or absent
     */
    public boolean known() {
        return status == Status.PRESENT || status == Status.ABSENT;
    }

    /**
     * Whether its records disagree.
     *
     * @return true for {@link Status#CONFLICTING} only
     */
    public boolean conflicting() {
        return status == Status.CONFLICTING;
    }

    /**
     * Whether it counts as a positive screen for a red flag: present, or conflicting (a doubtful red-flag record counts
     * as positive until clarified).
     *
     * @return true for present or conflicting
     */
    public boolean positive() {
        return status == Status.PRESENT || status == Status.CONFLICTING;
    }

    /**
     * How long it has lasted, from {@code duration} alone (not from {@code since}; see {@link #lastedDays}).
     *
     * @return days (hours as fractions, a month as 30 days), or null when no duration is recorded
     */
    public Double durationInDays() {
        return duration == null ? null : durationDays(duration);
    }

    /**
     * Whether it is a measurement in the given unit (for rules: {@code unit} is a reserved word in DRL).
     *
     * @param wanted a unit; not null
     * @return true if it has a value and exactly that unit
     */
    public boolean measuredIn(String wanted) {
        return value != null && wanted.equals(unit);
    }

    /**
     * A short clinical description for messages and explanations. Free text in it (source, answer) is as given:
     * escape it for the medium it is shown in.
     *
     * @return e.g. "LEG_PAIN present, bilateral, brought on by [WALKING]"
     */
    public String describe() {
        StringBuilder text = new StringBuilder(code).append(' ').append(status.name().toLowerCase(Locale.ROOT));
        if (value != null) {
            text.append(' ').append(value).append(' ').append(unit);
        }
        if (answer != null) {
            text.append(' ').append(answer);
        }
        if (laterality != null) {
            text.append(", ").append(laterality.name().toLowerCase(Locale.ROOT));
        }
        if (site != null) {
            text.append(", at ").append(site);
        }
        if (onset != null) {
            text.append(", ").append(onset.name().toLowerCase(Locale.ROOT)).append(" onset");
        }
        if (severity != null) {
            text.append(", ").append(severity.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (course != null) {
            text.append(", ").append(course.name().toLowerCase(Locale.ROOT));
            if (tempo != null) {
                text.append(" over ").append(tempo.name().toLowerCase(Locale.ROOT));
            }
        } else if (tempo != null) {
            text.append(", developing over ").append(tempo.name().toLowerCase(Locale.ROOT));
        }
        if (since != null) {
            text.append(", since ").append(since);
        }
        if (duration != null) {
            text.append(", for ").append(duration);
        }
        if (!triggers.isEmpty()) {
            text.append(", brought on by ").append(triggers);
        }
        if (!absentTriggers.isEmpty()) {
            text.append(", not brought on by ").append(absentTriggers);
        }
        if (!reliefs.isEmpty()) {
            text.append(", relieved by ").append(reliefs);
        }
        if (!absentReliefs.isEmpty()) {
            text.append(", not relieved by ").append(absentReliefs);
        }
        if (source != null) {
            text.append(" (").append(source).append(')');
        }
        return text.toString();
    }
}
