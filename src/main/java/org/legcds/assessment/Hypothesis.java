package org.legcds.assessment;

import java.util.List;
import org.legcds.facts.Finding;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.ConditionDefinition;
import org.legcds.vocabulary.CauseCategory;

/**
 * A condition in the differential.
 *
 * @param condition       the condition
 * @param label           its readable name
 * @param category        its cause family
 * @param tier            the strongest tier any rule gave it
 * @param reasons         each raising rule's reasoning
 * @param findingsFor     the findings it rests on
 * @param findingsAgainst reasons that weigh against it
 * @param wouldDecide     unknown findings whose answers would confirm or weaken it
 * @param because         the rules that raised it
 */
public record Hypothesis(ConditionDefinition condition, String label, CauseCategory category, Tier tier, List<String> reasons,
                         List<Finding> findingsFor, List<Evidence> findingsAgainst, List<FindingDefinition> wouldDecide,
                         Explanation because) {
    /**
     * Copies the lists, so the record is immutable.
     *
     * @param condition       the condition
     * @param label           its readable name
     * @param category        its cause family
     * @param tier            the strongest tier any rule gave it
     * @param reasons         each raising rule's reasoning
     * @param findingsFor     the findings it rests on
     * @param findingsAgainst reasons that weigh against it
     * @param wouldDecide     unknown findings whose answers would confirm or weaken it
     * @param because         the rules that raised it
     * @throws NullPointerException if a list is null or holds null
     */
    public Hypothesis {
        reasons = List.copyOf(reasons);
        findingsFor = List.copyOf(findingsFor);
        findingsAgainst = List.copyOf(findingsAgainst);
        wouldDecide = List.copyOf(wouldDecide);
    }
}
