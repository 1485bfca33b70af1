package org.legcds.vocabulary;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A finding the rules reason about: a symptom, sign, history item, medicine or test result.
 *
 * @param id         the id rules, case files, scenarios and FHIR maps use, e.g. {@code LEG_PAIN}
 * @param kind       symptom, sign, history, medication or test
 * @param label      clinician words
 * @param snomed     the SNOMED CT concept id of the same concept, or null
 * @param loinc      the LOINC code of the same observation, or null
 * @param units      for a measurement, each accepted unit with its plausible range; empty otherwise
 * @param answers    graded answers a record may carry (e.g. absent, reduced, normal, brisk), empty when none
 * @param qualifiers the qualifiers a record of it may carry
 * @param order      its position in the vocabulary, the tie-break order of lists in an assessment
 */
public record FindingDefinition(String id, FindingKind kind, String label, String snomed, String loinc,
                                List<UnitRange> units, List<String> answers, Set<Qualifier> qualifiers, int order)
        implements Definition {

    /**
     * Copies the lists and the set.
     *
     * @param id         the id
     * @param kind       its kind
     * @param label      clinician words
     * @param snomed     the SNOMED CT concept id, or null
     * @param loinc      the LOINC code, or null
     * @param units      accepted units; not null, empty unless a measurement
     * @param answers    graded answers; not null
     * @param qualifiers the qualifiers a record may carry; not null
     * @param order      position in the vocabulary
     */
    public FindingDefinition {
        units = List.copyOf(units);
        answers = List.copyOf(answers);
        qualifiers = Set.copyOf(qualifiers);
    }

    /**
     * Whether records of it carry a numeric value.
     *
     * @return true if it has at least one accepted unit
     */
    public boolean isMeasurement() {
        return !units.isEmpty();
    }

    /**
     * The accepted unit of that name, with its plausible range.
     *
     * @param unit a unit as written, e.g. {@code mmol/L}
     * @return the unit, or empty if this entry does not accept it
     */
    public Optional<UnitRange> unit(String unit) {
        return units.stream().filter(u -> u.unit().equals(unit)).findFirst();
    }

    /**
     * The accepted unit names.
     *
     * @return the names in vocabulary order; empty unless a measurement
     */
    public List<String> unitNames() {
        return units.stream().map(UnitRange::unit).toList();
    }

    /**
     * The FHIR system and code of its standard code: LOINC first for observations, else SNOMED CT.
     *
     * @return the code, or empty when the entry has neither
     */
    public Optional<StandardCode> standardCode() {
        if (loinc != null) {
            return Optional.of(new StandardCode(StandardCode.LOINC, loinc));
        }
        return snomed == null ? Optional.empty() : Optional.of(new StandardCode(StandardCode.SNOMED_CT, snomed));
    }

    /** The id: what a report, a log line or a message shows of an entry written in text. */
    @Override
    public String toString() {
        return id;
    }
}
