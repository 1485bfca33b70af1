package org.legcds.facts;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One clinical finding about the patient: a vocabulary {@link Code} and whether it is present, absent or unknown, with
 * the qualifiers the source documents reason with. Immutable; validated on construction, with messages that name the
 * field and the value.
 *
 * <p>Nullness: {@code code} and {@code status} are never null; {@code laterality}, {@code onset}, {@code value} and
 * {@code unit} are null when not recorded; {@code triggers} and {@code reliefs} are never null and empty when not
 * recorded (an empty set means "not recorded", not "nothing brings it on").
 *
 * @param code       what was observed
 * @param status     present, absent or unknown
 * @param laterality which side, or null
 * @param onset      sudden or gradual, or null; only for present findings
 * @param value      the measured value, for measurements only (see {@link Code#isMeasurement()})
 * @param unit       the value's unit, one of {@link Code#units()}
 * @param triggers   what brings it on; only for present findings
 * @param reliefs    what relieves it; only for present findings
 */
public record Finding(Code code, Status status, Laterality laterality, Onset onset, Double value, String unit,
                      Set<Trigger> triggers, Set<Relief> reliefs) {

    public Finding {
        requireNonNull(code, "code must not be null");
        requireNonNull(status, () -> "status of " + code + " must not be null (use UNKNOWN when not recorded)");
        triggers = immutable(triggers, Trigger.class);
        reliefs = immutable(reliefs, Relief.class);
        if (status != Status.PRESENT && (onset != null || !triggers.isEmpty() || !reliefs.isEmpty())) {
            throw new IllegalArgumentException("onset, triggers and reliefs of " + code
                    + " are only meaningful when it is PRESENT, but status is " + status);
        }
        if (code.isMeasurement()) {
            checkMeasurement(code, status, value, unit);
        } else if (value != null || unit != null) {
            throw new IllegalArgumentException("value of " + code + " must be empty: " + code
                    + " is not a measurement, but value=" + value + " unit=" + unit);
        }
    }

    private static void checkMeasurement(Code code, Status status, Double value, String unit) {
        if (status == Status.ABSENT) {
            throw new IllegalArgumentException("status of " + code
                    + " must be PRESENT (measured, with a value) or UNKNOWN (not measured), not ABSENT");
        }
        if (status == Status.UNKNOWN) {
            if (value != null) {
                throw new IllegalArgumentException("value of " + code + " must be empty when status is UNKNOWN, but is "
                        + value);
            }
            return;
        }
        if (value == null) {
            throw new IllegalArgumentException("value of " + code + " is required when it is PRESENT (measured)");
        }
        if (value.isNaN() || value.isInfinite() || value < code.min() || value > code.max()) {
            throw new IllegalArgumentException("value of " + code + " must be between " + code.min() + " and "
                    + code.max() + ", but is " + value);
        }
        if (unit == null || !code.units().contains(unit)) {
            throw new IllegalArgumentException("unit of " + code + " must be one of " + code.units() + ", but is "
                    + (unit == null ? "missing" : "'" + unit + "'"));
        }
    }

    private static <E extends Enum<E>> Set<E> immutable(Collection<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        for (E value : values) { // an immutable Set throws on contains(null); check each element instead
            if (value == null) {
                throw new IllegalArgumentException(type.getSimpleName().toLowerCase() + "s must not contain null");
            }
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(values));
    }

    /** A finding observed to be present. */
    public static Finding present(Code code) {
        return new Finding(code, Status.PRESENT, null, null, null, null, Set.of(), Set.of());
    }

    /** A finding observed to be absent. */
    public static Finding absent(Code code) {
        return new Finding(code, Status.ABSENT, null, null, null, null, Set.of(), Set.of());
    }

    /** A finding explicitly recorded as unknown (the same as not mentioning it). */
    public static Finding unknown(Code code) {
        return new Finding(code, Status.UNKNOWN, null, null, null, null, Set.of(), Set.of());
    }

    /** A measurement, e.g. {@code measured(ANKLE_BRACHIAL_INDEX, 0.72, "1").on(Laterality.LEFT)}. */
    public static Finding measured(Code code, double value, String unit) {
        return new Finding(code, Status.PRESENT, null, null, value, unit, Set.of(), Set.of());
    }

    /** This finding on the given side. */
    public Finding on(Laterality side) {
        return new Finding(code, status, side, onset, value, unit, triggers, reliefs);
    }

    /** This finding with the given onset. */
    public Finding withOnset(Onset how) {
        return new Finding(code, status, laterality, how, value, unit, triggers, reliefs);
    }

    /** This finding, brought on by the given activities. */
    public Finding broughtOnBy(Trigger... what) {
        return new Finding(code, status, laterality, onset, value, unit, Set.of(what), reliefs);
    }

    /** This finding, relieved by the given measures. */
    public Finding relievedBy(Relief... what) {
        return new Finding(code, status, laterality, onset, value, unit, triggers, Set.of(what));
    }

    /** Whether it was observed to be present. */
    public boolean present() {
        return status == Status.PRESENT;
    }

    /** Whether it was observed to be absent. */
    public boolean absent() {
        return status == Status.ABSENT;
    }

    /** Whether it was observed at all (present or absent). */
    public boolean known() {
        return status != Status.UNKNOWN;
    }

    /** Whether it is a measurement in the given unit (for rules: {@code unit} is a reserved word in DRL). */
    public boolean measuredIn(String wanted) {
        return value != null && wanted.equals(unit);
    }

    /** Whether it is a symptom (as opposed to a sign, history item, test result or medicine). */
    public boolean symptom() {
        return code.kind() == CodeKind.SYMPTOM;
    }

    /** A short clinical description, e.g. "LEG_PAIN present, bilateral, brought on by WALKING". */
    public String describe() {
        StringBuilder text = new StringBuilder(code.name()).append(' ').append(status.name().toLowerCase());
        if (value != null) {
            text.append(' ').append(value).append(' ').append(unit);
        }
        if (laterality != null) {
            text.append(", ").append(laterality.name().toLowerCase());
        }
        if (onset != null) {
            text.append(", ").append(onset.name().toLowerCase()).append(" onset");
        }
        if (!triggers.isEmpty()) {
            text.append(", brought on by ").append(triggers);
        }
        if (!reliefs.isEmpty()) {
            text.append(", relieved by ").append(reliefs);
        }
        return text.toString();
    }
}
