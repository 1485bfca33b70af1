package org.legcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A suggested set of changes the user may accept with one click.
 *
 * @param label         text for the button; required
 * @param uuid          identifier for feedback, or null
 * @param isRecommended whether it is the recommended choice, or null when not said
 * @param actions       the actions, all applied together; empty when none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid, @JsonProperty("isRecommended") Boolean isRecommended,
                         List<Action> actions) {
    /**
     * Validates against the specification's constraints and copies the actions (null is read as empty).
     *
     * @param label         text for the button; required
     * @param uuid          identifier for feedback, or null
     * @param isRecommended whether it is the recommended choice, or null when not said
     * @param actions       the actions, all applied together; null or empty when none
     * @throws IllegalArgumentException if the label is missing or blank, or the uuid is blank
     */
    public Suggestion {
        Text.requireText(label, "suggestion.label");
        Text.optionalText(uuid, "suggestion.uuid");
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
