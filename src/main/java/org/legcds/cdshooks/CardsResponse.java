package org.legcds.cdshooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of a CDS Service response: {@code {"cards": [...]}}. {@code cards} is always written, empty only when there
 * is nothing to say.
 *
 * @param cards the cards, most urgent first; never null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CardsResponse(List<Card> cards) {
    /**
     * Copies the cards.
     *
     * @param cards the cards, most urgent first; never null
     * @throws NullPointerException if {@code cards} is null or holds null
     */
    public CardsResponse {
        cards = List.copyOf(requireNonNull(cards, "cards must not be null"));
    }
}
