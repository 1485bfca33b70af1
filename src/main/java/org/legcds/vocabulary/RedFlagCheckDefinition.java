package org.legcds.vocabulary;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A danger legcds checks for.
 *
 * @param id         the id, e.g. {@code CAUDA_EQUINA_SYNDROME}
 * @param label      clinician words
 * @param priority   the order in which open checks are asked about (1 = most dangerous first)
 * @param actions    what to do, for each urgency a rule can raise it at
 * @param screenedBy the findings whose answers rule it out, in the order to ask them
 * @param order      position in the vocabulary
 */
public record RedFlagCheckDefinition(String id, String label, int priority, Map<Urgency, String> actions,
                                     List<String> screenedBy, int order) implements Definition {
    /**
     * Copies the map and the list.
     *
     * @param id         the id
     * @param label      clinician words
     * @param priority   the order in which open checks are asked about
     * @param actions    the action for each urgency; not null
     * @param screenedBy the screening findings; not null
     * @param order      position in the vocabulary
     */
    public RedFlagCheckDefinition {
        actions = Map.copyOf(actions);
        screenedBy = List.copyOf(screenedBy);
    }

    /**
     * The action for a red flag of this check raised at an urgency.
     *
     * @param urgency the urgency the red flag was raised at
     * @return what to do, or empty when no rule raises this check at that urgency
     */
    public Optional<String> action(Urgency urgency) {
        return Optional.ofNullable(actions.get(urgency));
    }

    /** The id: what a report, a log line or a message shows of an entry written in text. */
    @Override
    public String toString() {
        return id;
    }
}
