package org.legcds.assessment;

import java.util.List;

/**
 * A family of causes represented in the differential.
 *
 * @param category   the family
 * @param conditions the conditions of the differential in it, strongest tier first
 */
public record CauseCategories(CauseCategory category, List<Condition> conditions) {
    public CauseCategories {
        conditions = List.copyOf(conditions);
    }
}
