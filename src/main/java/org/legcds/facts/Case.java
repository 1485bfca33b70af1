package org.legcds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * One patient's case at one evaluation date: the unit the engine assesses. Immutable; validated on construction: an
 * invalid case throws {@link InvalidCaseException} listing every problem (at most {@value #MAX_FINDINGS} findings; no
 * code twice on one side with the same status). Two records of one finding that disagree (present on a side where the
 * other says absent, as a nurse's note beside a checklist) are kept as one {@link Status#CONFLICTING} finding naming
 * both sources, never refused and never resolved by guessing.
 *
 * <p>The findings are kept in a canonical order (by code, then side) so that the same findings given in any order
 * produce the same assessment.
 *
 * @param patient        the patient
 * @param evaluationDate the date the assessment is made for; legcds never reads the clock
 * @param findings       what is known; anything not listed is unknown
 */
public record Case(Patient patient, LocalDate evaluationDate, List<Finding> findings) {

    /** The most findings one case may carry (protects the engine from runaway input). */
    public static final int MAX_FINDINGS = 500;

    /** The earliest evaluation or birth date accepted; anything before is taken as a data-entry error. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** The latest evaluation or birth date accepted ({@code +999999999-12-31} parses, but is no one's date). */
    public static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);

    /** The youngest age at which smoking or alcohol misuse is plausible; younger is taken as a data-entry error. */
    public static final int MIN_AGE_FOR_HABITS = 10;

    /**
     * History findings implausible in a young child, by vocabulary id (compared by name, so the check survives the
     * vocabulary becoming data).
     */
    private static final java.util.Set<String> HABITS = java.util.Set.of("SMOKING", "ALCOHOL_MISUSE");

    static final Comparator<Finding> CANONICAL_ORDER = Comparator
            .comparing(Finding::code)
            .thenComparing(f -> f.laterality() == null ? -1 : f.laterality().ordinal())
            .thenComparing(Finding::status)
            .thenComparing(f -> f.value() == null ? Double.NEGATIVE_INFINITY : f.value());

    /**
     * Validates every component at once, merges records that contradict each other into one {@link Status#CONFLICTING}
     * finding, and copies the findings in canonical order.
     *
     * @param patient        the patient; not null
     * @param evaluationDate the evaluation date, from {@link #EARLIEST_DATE} to {@link #LATEST_DATE}; not null
     * @param findings       the findings, possibly empty; not null, no null element
     * @throws InvalidCaseException listing every problem, each naming the component ({@code findings[3]}, ...)
     */
    public Case {
        List<Problem> problems = new ArrayList<>();
        if (patient == null) {
            problems.add(new Problem("patient", "missing", "the patient"));
        }
        if (evaluationDate == null) {
            problems.add(new Problem("evaluationDate", "missing", "the date the assessment is for"));
        } else if (!withinBounds(evaluationDate)) {
            problems.add(new Problem("evaluationDate", evaluationDate.toString(), "a date from " + EARLIEST_DATE
                    + " to " + LATEST_DATE));
        }
        if (findings == null) {
            problems.add(new Problem("findings", "missing", "a list of findings (it may be empty)"));
        } else {
            problems.addAll(check(findings));
            if (patient != null) {
                problems.addAll(plausibleForAge(patient, findings));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
        List<Finding> sorted = merged(findings);
        sorted.sort(CANONICAL_ORDER);
        findings = List.copyOf(sorted);
    }

    /** Whether a date is one a person can be born or assessed on ({@link #EARLIEST_DATE} to {@link #LATEST_DATE}). */
    static boolean withinBounds(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** Smoking or alcohol misuse recorded present in a child under {@value #MIN_AGE_FOR_HABITS}. */
    private static List<Problem> plausibleForAge(Patient patient, List<Finding> findings) {
        List<Problem> problems = new ArrayList<>();
        if (patient.age() == null || patient.age() >= MIN_AGE_FOR_HABITS) {
            return problems;
        }
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding != null && finding.present() && HABITS.contains(String.valueOf(finding.code()))) {
                problems.add(new Problem("findings[" + i + "]", finding.describe(), "no " + finding.code()
                        + " present at age " + patient.age() + ": it is plausible from age " + MIN_AGE_FOR_HABITS
                        + " (check the age or the finding)"));
            }
        }
        return problems;
    }

    /**
     * Too many findings, nulls, and a code repeated on one side with the same status (a plain duplicate).
     */
    private static List<Problem> check(List<Finding> findings) {
        List<Problem> problems = new ArrayList<>();
        if (findings.size() > MAX_FINDINGS) {
            problems.add(new Problem("findings", findings.size() + " findings",
                    "at most " + MAX_FINDINGS + " findings per case"));
            return problems;
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<Integer>> byCode = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            String where = "findings[" + i + "]";
            if (finding == null) {
                problems.add(new Problem(where, "null", "a finding"));
                continue;
            }
            String key = finding.code() + "/" + Objects.toString(finding.laterality(), "unsided") + "/"
                    + finding.status();
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                problems.add(new Problem(where, finding.describe(),
                        "each code at most once per side and status (it repeats findings[" + earlier + "])"));
            }
            for (int other : byCode.computeIfAbsent(finding.code(), c -> new ArrayList<>())) {
                if (unknownWhereAbsent(findings.get(other), finding)) {
                    problems.add(new Problem(where, finding.describe(), "a finding that agrees with findings[" + other
                            + "] (" + findings.get(other).describe() + "): absent on both sides and unknown on a side "
                            + "at once; record each side once"));
                    break;
                }
            }
            byCode.get(finding.code()).add(i);
        }
        return problems;
    }

    /**
     * The findings with each pair that contradicts (present on a side where the other says absent) replaced by one
     * CONFLICTING finding; a finding already conflicting absorbs a further contradicting record.
     */
    private static List<Finding> merged(List<Finding> findings) {
        List<Finding> result = new ArrayList<>(findings);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < result.size(); i++) {
                for (int j = i + 1; j < result.size(); j++) {
                    if (result.get(i).contradicts(result.get(j))) {
                        Finding conflict = result.get(i).conflictingWith(result.get(j));
                        result.remove(j);
                        result.set(i, conflict);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return result;
    }

    /** One finding absent on both sides (no side, or bilateral), the other unknown on a side. */
    private static boolean unknownWhereAbsent(Finding a, Finding b) {
        Finding absent = a.absent() ? a : b;
        Finding unknown = a.absent() ? b : a;
        return absent.absent() && unknown.status() == Status.UNKNOWN
                && (absent.laterality() == null || absent.laterality() == Laterality.BILATERAL);
    }
}
