package org.legcds.assessment;

import java.util.List;
import org.legcds.facts.Code;

/**
 * A red-flag check that could not be decided because findings it needs are unknown. Ask about them.
 *
 * @param check           the check left open
 * @param label           its readable name
 * @param unknownFindings the findings whose answers would decide it
 * @param because         the rules that found it open
 */
public record NotEvaluated(RedFlagCheck check, String label, List<Code> unknownFindings, Explanation because) {
    public NotEvaluated {
        unknownFindings = List.copyOf(unknownFindings);
    }
}
