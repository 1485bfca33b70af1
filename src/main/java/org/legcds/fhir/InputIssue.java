package org.legcds.fhir;

import static java.util.Objects.requireNonNull;

import org.legcds.problems.Escaping;

/**
 * Something in the FHIR input that looked relevant but could not be read, so it is not in the case. A host shows these
 * to the clinician beside the assessment: legcds never drops a relevant record silently and never guesses around it.
 *
 * @param resource the resource, e.g. {@code Observation/abi-left} (or its {@code fullUrl} when it has no id)
 * @param field    the element, e.g. {@code valueQuantity.unit}
 * @param problem  what is wrong, e.g. {@code unit 'mmHg' is not a valid unit for ANKLE_BRACHIAL_INDEX (expected 1)}
 */
public record InputIssue(String resource, String field, String problem) {

    /**
     * Makes each component safe to print on one line ({@link org.legcds.problems.Escaping#inline}).
     *
     * @param resource the resource, e.g. {@code Observation/abi-left} (or its {@code fullUrl} when it has no id)
     * @param field    the element, e.g. {@code valueQuantity.unit}
     * @param problem  what is wrong, e.g. {@code unit 'mmHg' is not a valid unit for ANKLE_BRACHIAL_INDEX (expected 1)}
     * @throws NullPointerException if a component is null, naming it
     */
    public InputIssue {
        requireNonNull(resource, "resource must not be null");
        requireNonNull(field, "field must not be null");
        requireNonNull(problem, "problem must not be null");
        // ids and values come from the records: an issue stays one line, whatever they hold
        resource = Escaping.inline(resource);
        field = Escaping.inline(field);
        problem = Escaping.inline(problem);
    }

    /**
     * One line, e.g. {@code Observation/abi-left valueQuantity.unit: unit 'mmHg' is not ...}.
     *
     * @return the issue as one line
     */
    @Override
    public String toString() {
        return resource + (field.isEmpty() ? "" : " " + field) + ": " + problem;
    }
}
