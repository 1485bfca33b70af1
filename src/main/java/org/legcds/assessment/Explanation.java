package org.legcds.assessment;

import java.util.List;
import org.legcds.facts.Finding;

/**
 * Why a conclusion stands: the rules that drew it (with their source claims) and the patient findings it rests on,
 * followed through intermediate conclusions back to the input.
 *
 * @param rules    the rules, in firing order; never empty for a conclusion drawn by a rule
 * @param findings the input findings it rests on, in canonical order
 */
public record Explanation(List<RuleRef> rules, List<Finding> findings) {
    /**
     * Copies the lists, so the record is immutable.
     *
     * @param rules    the rules, in firing order; never empty for a conclusion drawn by a rule
     * @param findings the input findings it rests on, in canonical order
     * @throws NullPointerException if a list is null or holds null
     */
    public Explanation {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }
}
