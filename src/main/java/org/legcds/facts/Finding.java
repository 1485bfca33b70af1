package org.legcds.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.legcds.InvalidCaseException;
import org.legcds.Problem;

/**
 * One clinical finding about the patient: a vocabulary {@link Code} and whether it is present, absent or unknown, with
 * the qualifiers the source documents reason with. Immutable; validated on construction: a finding that breaks a rule
 * below throws {@link InvalidCaseException} listing every problem, each naming the component ({@code value},
 * {@code unit}, {@code status}, ...), the value given and what was expected.
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
        List<Problem> problems = new ArrayList<>();
        if (code == null) {
            problems.add(new Problem("code", "missing", "a vocabulary code"));
        }
        if (status == null) {
            problems.add(new Problem("status", "missing", "present, absent or unknown"
                    + (code == null ? "" : " for " + code) + " (a missing answer is never taken as absent)"));
        }
        triggers = immutable(triggers, "triggers", problems);
        reliefs = immutable(reliefs, "reliefs", problems);
        if (code != null && status != null) {
            if (status != Status.PRESENT) {
                String why = ": onset, triggers and reliefs of " + code
                        + " are only meaningful when it is PRESENT, but status is " + status;
                if (onset != null) {
                    problems.add(new Problem("onset", onset.name().toLowerCase(Locale.ROOT), "no onset" + why));
                }
                if (!triggers.isEmpty()) {
                    problems.add(new Problem("triggers", names(triggers), "no triggers" + why));
                }
                if (!reliefs.isEmpty()) {
                    problems.add(new Problem("reliefs", names(reliefs), "no reliefs" + why));
                }
            }
            if (code.isMeasurement()) {
                checkMeasurement(code, status, value, unit, problems);
            } else {
                String why = code + " is not a measurement";
                if (value != null) {
                    problems.add(new Problem("value", String.valueOf(value), "no value: " + why));
                }
                if (unit != null) {
                    problems.add(new Problem("unit", quoted(unit), "no unit: " + why));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
    }

    /** A measurement: present with a value in range and an accepted unit, or unknown without a value; never absent. */
    private static void checkMeasurement(Code code, Status status, Double value, String unit, List<Problem> problems) {
        if (status == Status.ABSENT) {
            problems.add(new Problem("status", "absent", "present (measured, with a value) or unknown (not measured): "
                    + "status of " + code + ", a measurement, is never absent"));
            return;
        }
        if (status == Status.UNKNOWN) {
            if (value != null) {
                problems.add(new Problem("value", String.valueOf(value), "no value of " + code
                        + " when its status is unknown (not measured)"));
            }
            return;
        }
        if (value == null) {
            problems.add(new Problem("value", "missing", "the measured value of " + code
                    + " (required when it is present), between " + code.min() + " and " + code.max()));
        } else if (value.isNaN() || value.isInfinite() || value < code.min() || value > code.max()) {
            problems.add(new Problem("value", String.valueOf(value), "a value of " + code + " between " + code.min()
                    + " and " + code.max()));
        }
        if (unit == null || !code.units().contains(unit)) {
            problems.add(new Problem("unit", unit == null ? "missing" : quoted(unit), "a unit of " + code
                    + ": one of " + code.units()));
        }
    }

    /** A value as written, shortened for display: a problem report must stay readable whatever the input. */
    private static String quoted(String text) {
        return Escaping.quote(text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).toList().toString();
    }

    private static <E extends Enum<E>> Set<E> immutable(Collection<E> values, String field, List<Problem> problems) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        for (E value : values) { // an immutable Set throws on contains(null); check each element instead
            if (value == null) {
                problems.add(new Problem(field, "null", "a list without nulls"));
                return Set.of();
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

    /**
     * Whether this finding and another of the same code say present and absent on the same side. A finding absent
     * without a side is absent on both sides; one present without a side is present somewhere, so it contradicts absence
     * on both sides (absent unsided or bilateral) but not absence on one side.
     */
    public boolean contradicts(Finding other) {
        if (other == null || other.code != code) {
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
