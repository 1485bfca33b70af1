package org.legcds.assessment;

import java.util.List;

/**
 * One rule firing, in order.
 *
 * @param order   1-based position in the firing sequence
 * @param rule    the rule's id
 * @param name    the rule's name
 * @param sources the evidence-register claims it implements
 * @param matched what it matched: findings and intermediate conclusions, described
 */
public record TraceEntry(int order, String rule, String name, List<String> sources, List<String> matched) {
    /**
     * Copies the lists, so the record is immutable.
     *
     * @param order   1-based position in the firing sequence
     * @param rule    the rule's id
     * @param name    the rule's name
     * @param sources the evidence-register claims it implements
     * @param matched what it matched: findings and intermediate conclusions, described
     * @throws NullPointerException if a list is null or holds null
     */
    public TraceEntry {
        sources = List.copyOf(sources);
        matched = List.copyOf(matched);
    }
}
