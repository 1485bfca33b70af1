package org.legcds.assessment;

import java.util.List;

/**
 * A rule of the knowledge base, as cited by a conclusion.
 *
 * @param id      the rule's stable {@code @id}
 * @param name    the rule's readable name
 * @param sources the evidence-register claims the rule implements ({@code @source})
 */
public record RuleRef(String id, String name, List<String> sources) {
    /**
     * Copies the list, so the record is immutable.
     *
     * @param id      the rule's stable {@code @id}
     * @param name    the rule's readable name
     * @param sources the evidence-register claims the rule implements ({@code @source})
     * @throws NullPointerException if {@code sources} is null or holds null
     */
    public RuleRef {
        sources = List.copyOf(sources);
    }
}
