package org.legcds.facts;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.legcds.problems.Escaping;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * The patient being assessed. Immutable; validated on construction: an invalid patient throws
 * {@link InvalidCaseException} listing every problem, each naming the component ({@code age}, {@code pregnancy}, ...),
 * the value given and what was expected. A pregnant patient whose sex is male, or whose age is outside
 * {@value #MIN_PREGNANCY_AGE}-{@value #MAX_PREGNANCY_AGE}, is rejected.
 *
 * <p>Nullness: {@code age} is null when unknown; every other component is non-null.
 *
 * @param id        the host's identifier for the patient (opaque to legcds, never logged above DEBUG)
 * @param age       age in whole years at the evaluation date, 0 to 130, or null when unknown
 * @param sex       recorded sex
 * @param pregnancy whether the patient is pregnant
 */
public record Patient(String id, Integer age, Sex sex, Status pregnancy) {

    /** The oldest age accepted; anything above is treated as a data-entry error. */
    public static final int MAX_AGE = 130;

    /** The ages at which a recorded pregnancy is plausible; outside them it is taken as a data-entry error. */
    public static final int MIN_PREGNANCY_AGE = 10;
    /** The oldest age at which a recorded pregnancy is plausible; see {@link #MIN_PREGNANCY_AGE}. */
    public static final int MAX_PREGNANCY_AGE = 60;

    /**
     * Validates every component at once.
     *
     * @param id        the host's identifier for the patient; not blank
     * @param age       age in whole years, or null when unknown
     * @param sex       recorded sex; {@link Sex#UNKNOWN} when not recorded
     * @param pregnancy whether the patient is pregnant; {@link Status#UNKNOWN} when not recorded
     * @throws InvalidCaseException listing every invalid component
     */
    public Patient {
        List<Problem> problems = new ArrayList<>();
        if (id == null) {
            problems.add(new Problem("id", "missing", "the host's identifier for the patient"));
        } else if (id.isBlank()) {
            problems.add(new Problem("id", Escaping.quote(id), "a non-blank identifier"));
        }
        if (age != null && (age < 0 || age > MAX_AGE)) {
            problems.add(new Problem("age", String.valueOf(age), "a whole number of years from 0 to " + MAX_AGE));
        }
        if (sex == null) {
            problems.add(new Problem("sex", "missing", "female, male, other or unknown (unknown when not recorded)"));
        }
        if (pregnancy == null) {
            problems.add(new Problem("pregnancy", "missing", "present, absent or unknown (unknown when not recorded)"));
        }
        if (sex == Sex.MALE && pregnancy == Status.PRESENT) {
            problems.add(new Problem("pregnancy", "present", "absent or unknown for a patient whose sex is male"));
        } else if (pregnancy == Status.PRESENT && age != null && age >= 0 && age <= MAX_AGE
                && (age < MIN_PREGNANCY_AGE || age > MAX_PREGNANCY_AGE)) {
            problems.add(new Problem("pregnancy", "present at age " + age, "absent or unknown at age " + age
                    + ": pregnancy is plausible from age " + MIN_PREGNANCY_AGE + " to " + MAX_PREGNANCY_AGE
                    + " (check the age or the pregnancy status)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
    }

    /**
     * A patient whose age is resolved from a birth date at the evaluation date (never at "today").
     *
     * @param id             the host's identifier for the patient; not blank
     * @param birthDate      the date of birth, on or before the evaluation date
     * @param evaluationDate the date the case is assessed for; not null
     * @param sex            recorded sex; {@link Sex#UNKNOWN} when not recorded
     * @param pregnancy      whether the patient is pregnant; {@link Status#UNKNOWN} when not recorded
     * @return the patient, with age in whole years completed at the evaluation date
     * @throws NullPointerException if {@code evaluationDate} is null
     * @throws InvalidCaseException if the birth date is after the evaluation date or gives an age above
     *                              {@value #MAX_AGE}, or a component is invalid
     */
    public static Patient bornOn(String id, LocalDate birthDate, LocalDate evaluationDate, Sex sex, Status pregnancy) {
        requireNonNull(evaluationDate, "evaluationDate must not be null");
        if (birthDate == null) {
            throw new InvalidCaseException(List.of(new Problem("birthDate", "missing", "a date of birth")));
        }
        if (birthDate.isAfter(evaluationDate)) {
            throw new InvalidCaseException(List.of(new Problem("birthDate", birthDate.toString(),
                    "a date on or before the evaluation date " + evaluationDate)));
        }
        long years = ChronoUnit.YEARS.between(birthDate, evaluationDate);
        if (years > MAX_AGE) {
            throw new InvalidCaseException(List.of(new Problem("birthDate", birthDate.toString(),
                    "a date giving an age of at most " + MAX_AGE + " at the evaluation date " + evaluationDate
                            + " (it gives " + years + ")")));
        }
        if (!Case.withinBounds(birthDate)) {
            throw new InvalidCaseException(List.of(new Problem("birthDate", birthDate.toString(),
                    "a date from " + Case.EARLIEST_DATE + " to " + Case.LATEST_DATE)));
        }
        return new Patient(id, (int) years, sex, pregnancy);
    }

    /**
     * Whether the patient is known to be at least the given age; an unknown age is not.
     *
     * @param years an age in whole years
     * @return true only if the age is known and at least {@code years}
     */
    public boolean atLeast(int years) {
        return age != null && age >= years;
    }
}
