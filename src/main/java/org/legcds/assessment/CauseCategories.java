package org.legcds.assessment;

import java.util.List;
import org.legcds.vocabulary.ConditionDefinition;
import org.legcds.vocabulary.CauseCategory;

/**
 * A family of causes represented in the differential.
 *
 * @param category   the family
 * @param conditions the conditions of the differential in it, strongest tier first
 */
public record CauseCategories(CauseCategory category, List<ConditionDefinition> conditions) {
    /**
     * Copies the list, so the record is immutable.
     *
     * @param category   the family
     * @param conditions the conditions of the differential in it, strongest tier first
     * @throws NullPointerException if {@code conditions} is null or holds null
     */
    public CauseCategories {
        conditions = List.copyOf(conditions);
    }
}
