package org.legcds.fhir;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.legcds.facts.Case;

/**
 * What was read from FHIR: the case to assess, and every relevant resource that could not be read.
 *
 * @param patientCase the case: the patient and the findings the code maps found
 * @param issues      relevant records that could not be read (empty when everything relevant was read), in input order
 */
public record FhirReading(Case patientCase, List<InputIssue> issues) {

    /**
     * Copies the issues, so the record is immutable.
     *
     * @param patientCase the case: the patient and the findings the code maps found
     * @param issues      relevant records that could not be read (empty when everything relevant was read), in input
     *                    order
     * @throws NullPointerException if {@code patientCase} or {@code issues} is null
     */
    public FhirReading {
        requireNonNull(patientCase, "patientCase must not be null");
        issues = List.copyOf(issues);
    }
}
