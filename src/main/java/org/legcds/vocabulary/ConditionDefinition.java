package org.legcds.vocabulary;

import java.util.List;

/**
 * A condition the differential can hold.
 *
 * @param id        the id, e.g. {@code PERIPHERAL_ARTERY_DISEASE}
 * @param label     clinician words
 * @param category  its cause family
 * @param snomed    the SNOMED CT concept id, or null
 * @param decidedBy the findings whose answer would confirm or weaken it
 * @param order     position in the vocabulary
 */
public record ConditionDefinition(String id, String label, CauseCategory category, String snomed,
                                  List<String> decidedBy, int order) implements Definition {
    /**
     * Copies {@code decidedBy}.
     *
     * @param id        the id
     * @param label     clinician words
     * @param category  its cause family
     * @param snomed    the SNOMED CT concept id, or null
     * @param decidedBy the finding ids; not null
     * @param order     position in the vocabulary
     */
    public ConditionDefinition {
        decidedBy = List.copyOf(decidedBy);
    }

    /** The id: what a report, a log line or a message shows of an entry written in text. */
    @Override
    public String toString() {
        return id;
    }
}
