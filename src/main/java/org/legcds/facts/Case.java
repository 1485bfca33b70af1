package org.legcds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.legcds.InvalidCaseException;
import org.legcds.Problem;

/**
 * One patient's case at one evaluation date: the unit the engine assesses. Immutable; validated on construction: an
 * invalid case throws {@link InvalidCaseException} listing every problem (at most {@value #MAX_FINDINGS} findings; no
 * code twice on one side; no finding both present and absent on the same side).
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

    static final Comparator<Finding> CANONICAL_ORDER = Comparator
            .comparing(Finding::code)
            .thenComparing(f -> f.laterality() == null ? -1 : f.laterality().ordinal())
            .thenComparing(Finding::status)
            .thenComparing(f -> f.value() == null ? Double.NEGATIVE_INFINITY : f.value());

    public Case {
        List<Problem> problems = new ArrayList<>();
        if (patient == null) {
            problems.add(new Problem("patient", "missing", "the patient"));
        }
        if (evaluationDate == null) {
            problems.add(new Problem("evaluationDate", "missing", "the date the assessment is for"));
        }
        if (findings == null) {
            problems.add(new Problem("findings", "missing", "a list of findings (it may be empty)"));
        } else {
            problems.addAll(check(findings));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(CANONICAL_ORDER);
        findings = List.copyOf(sorted);
    }

    /**
     * Too many findings, nulls, a code repeated on one side, and contradictions: a finding present on a side where
     * another says it is absent. A finding absent without a side is absent on both sides; one present without a side is
     * present somewhere, so it contradicts absence on both sides (absent unsided or bilateral) but not on one.
     */
    private static List<Problem> check(List<Finding> findings) {
        List<Problem> problems = new ArrayList<>();
        if (findings.size() > MAX_FINDINGS) {
            problems.add(new Problem("findings", findings.size() + " findings",
                    "at most " + MAX_FINDINGS + " findings per case"));
            return problems;
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<Code, List<Integer>> byCode = new EnumMap<>(Code.class);
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            String where = "findings[" + i + "]";
            if (finding == null) {
                problems.add(new Problem(where, "null", "a finding"));
                continue;
            }
            String key = finding.code() + "/" + Objects.toString(finding.laterality(), "unsided");
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                Finding first = findings.get(earlier);
                String what = first.status() == finding.status()
                        ? "each code at most once per side (it repeats findings[" + earlier + "])"
                        : "one status per code and side, but findings[" + earlier + "] says " + first.status();
                problems.add(new Problem(where, finding.describe(), what));
                continue;
            }
            for (int other : byCode.computeIfAbsent(finding.code(), c -> new ArrayList<>())) {
                if (findings.get(other).contradicts(finding)) {
                    problems.add(new Problem(where, finding.describe(), "a finding that agrees with findings[" + other
                            + "] (" + findings.get(other).describe() + "): present and absent on the same side"));
                    break;
                }
            }
            byCode.get(finding.code()).add(i);
        }
        return problems;
    }
}
