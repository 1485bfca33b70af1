package org.legcds.examples.cdshooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.legcds.cdshooks.Card;
import org.legcds.cdshooks.CardsResponse;
import org.legcds.cdshooks.Suggestion;

/**
 * The cards this service issued, so that feedback is accepted only for them: by the EHR that received them, for the
 * service that issued them, naming their own suggestions and override reasons, and once per card. Bounded: the oldest
 * cards are forgotten first when {@code capacity} is reached (feedback for a forgotten card is refused). In memory: a
 * service run as several instances needs a shared store. Thread-safe.
 */
final class IssuedCards {

    /** What is remembered of one card. */
    record Issued(String serviceId, String issuer, Instant issuedAt, Set<String> suggestionUuids,
                  Set<String> overrideReasons, boolean answered) {
        Issued answeredNow() {
            return new Issued(serviceId, issuer, issuedAt, suggestionUuids, overrideReasons, true);
        }
    }

    private final Map<String, Issued> cards;

    IssuedCards(int capacity) {
        this.cards = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Issued> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers the cards of a response. */
    synchronized void remember(String serviceId, String issuer, Instant issuedAt, CardsResponse response) {
        for (Card card : response.cards()) {
            cards.put(card.uuid(), new Issued(serviceId, issuer, issuedAt,
                    card.suggestions().stream().map(Suggestion::uuid).collect(Collectors.toUnmodifiableSet()),
                    card.overrideReasons().stream().map(r -> r.system() + "|" + r.code())
                            .collect(Collectors.toUnmodifiableSet()), false));
        }
    }

    /** The card with this uuid, or null when this service did not issue it (or has forgotten it). */
    synchronized Issued get(String uuid) {
        return cards.get(uuid);
    }

    /**
     * Marks a card answered.
     *
     * @return false when it already was (feedback is accepted once per card)
     */
    synchronized boolean markAnswered(String uuid) {
        Issued issued = cards.get(uuid);
        if (issued == null || issued.answered()) {
            return false;
        }
        cards.put(uuid, issued.answeredNow());
        return true;
    }

    /** Forgets that a card was answered (when storing its feedback failed). */
    synchronized void unmarkAnswered(String uuid) {
        Issued issued = cards.get(uuid);
        if (issued != null && issued.answered()) {
            cards.put(uuid, new Issued(issued.serviceId(), issued.issuer(), issued.issuedAt(),
                    issued.suggestionUuids(), issued.overrideReasons(), false));
        }
    }
}
