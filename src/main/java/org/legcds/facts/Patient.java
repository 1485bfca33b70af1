package org.legcds.facts;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;

/**
 * The patient being assessed. Immutable; validated on construction.
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

    public Patient {
        requireNonNull(id, "id must not be null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (age != null && (age < 0 || age > MAX_AGE)) {
            throw new IllegalArgumentException("age must be between 0 and " + MAX_AGE + ", but is " + age);
        }
        requireNonNull(sex, "sex must not be null (use UNKNOWN when not recorded)");
        requireNonNull(pregnancy, "pregnancy must not be null (use UNKNOWN when not recorded)");
        if (sex == Sex.MALE && pregnancy == Status.PRESENT) {
            throw new IllegalArgumentException("pregnancy is PRESENT but sex is MALE");
        }
    }

    /** A patient whose age is resolved from a birth date at the evaluation date (never at "today"). */
    public static Patient bornOn(String id, LocalDate birthDate, LocalDate evaluationDate, Sex sex, Status pregnancy) {
        requireNonNull(birthDate, "birthDate must not be null");
        requireNonNull(evaluationDate, "evaluationDate must not be null");
        if (birthDate.isAfter(evaluationDate)) {
            throw new IllegalArgumentException("birthDate " + birthDate + " is after the evaluation date " + evaluationDate);
        }
        return new Patient(id, Period.between(birthDate, evaluationDate).getYears(), sex, pregnancy);
    }

    /** Whether the patient is known to be at least the given age. */
    public boolean atLeast(int years) {
        return age != null && age >= years;
    }
}
