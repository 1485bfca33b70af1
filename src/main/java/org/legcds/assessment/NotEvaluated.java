package org.legcds.assessment;

import java.util.List;
import org.legcds.vocabulary.RedFlagCheckDefinition;
import org.legcds.vocabulary.FindingDefinition;

/**
 * A red-flag check that could not be decided because findings it needs are unknown. Ask about them.
 *
 * @param check           the check left open
 * @param label           its readable name
 * @param unknownFindings the findings whose answers would decide it
 * @param because         the rules that found it open
 */
public record NotEvaluated(RedFlagCheckDefinition check, String label, List<FindingDefinition> unknownFindings, Explanation because) {
    public NotEvaluated {
        unknownFindings = List.copyOf(unknownFindings);
    }
}
