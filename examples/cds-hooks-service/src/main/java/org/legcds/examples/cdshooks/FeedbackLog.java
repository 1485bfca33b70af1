package org.legcds.examples.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the outcomes clinicians report for cards (https://cds-hooks.hl7.org/2.0/#feedback): an append-only file, one
 * JSON object per line (NDJSON), each with the time it was received and the service it was for. Nothing is ever
 * rewritten. Thread-safe.
 *
 * <p>Only feedback on cards this service issued is kept: by the EHR that received the card, once per card, with
 * suggestion ids and override reasons the card offered, an outcome time between the card's issue and now, a comment
 * of at most {@value #MAX_COMMENT} characters and at most {@value #MAX_ITEMS} items per request. The file stops
 * growing at its configured size: further feedback is refused with 507 (and logged), never silently dropped.
 */
final class FeedbackLog {

    static final int MAX_ITEMS = 50;
    static final int MAX_COMMENT = 2000;
    static final int MAX_ITEM_BYTES = 8192;
    private static final Duration SKEW = Duration.ofMinutes(2);
    private static final Set<String> FIELDS = Set.of("card", "outcome", "acceptedSuggestions", "overrideReason",
            "outcomeTimestamp", "extension");

    private final Path file;
    private final long maxBytes;
    private final Clock clock;
    private final ObjectMapper json;
    private final IssuedCards issued;

    FeedbackLog(Path file, long maxBytes, Clock clock, ObjectMapper json, IssuedCards issued) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.json = json;
        this.issued = issued;
    }

    /**
     * Validates and appends a feedback request.
     *
     * @param issuer the authenticated EHR ({@code iss}), or "" without authentication
     * @return how many feedback items were kept
     * @throws HttpProblem 400 naming the first problem, 409 for a card already answered, 507 when the file is full;
     *                     nothing is written then
     */
    int append(String serviceId, String issuer, JsonNode request) {
        JsonNode items = request.path("feedback");
        if (!items.isArray() || items.isEmpty()) {
            throw HttpProblem.badRequest("feedback must be a non-empty array");
        }
        if (items.size() > MAX_ITEMS) {
            throw HttpProblem.badRequest("feedback holds " + items.size() + " items; at most " + MAX_ITEMS
                    + " are accepted per request");
        }
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        Set<String> cardsAnswered = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "feedback[" + i + "]";
            if (!item.isObject()) {
                throw HttpProblem.badRequest(at + " must be an object");
            }
            item.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw HttpProblem.badRequest(at + "." + HttpProblem.quoted(name) + " is not a feedback field");
                }
            });
            String uuid = item.path("card").asText("");
            IssuedCards.Issued card = item.path("card").isTextual() ? issued.get(uuid) : null;
            if (card == null || !card.serviceId().equals(serviceId) || !card.issuer().equals(issuer)) {
                throw HttpProblem.badRequest(at + ".card is not the uuid of a card this service issued to you for "
                        + serviceId + " (or it is too old to be remembered)");
            }
            if (card.answered() || !cardsAnswered.add(uuid)) {
                throw new HttpProblem(409, at + ".card already has feedback; it is accepted once per card");
            }
            String outcome = item.path("outcome").asText("");
            if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
                throw HttpProblem.badRequest(at + ".outcome must be accepted or overridden");
            }
            if (outcome.equals("accepted")) {
                acceptedSuggestions(item, at, card);
            } else if (item.has("acceptedSuggestions")) {
                throw HttpProblem.badRequest(at + ".acceptedSuggestions is only for the outcome accepted");
            }
            if (item.has("overrideReason")) {
                overrideReason(item.get("overrideReason"), at, outcome, card);
            }
            Instant when;
            try {
                when = OffsetDateTime.parse(item.path("outcomeTimestamp").asText("")).toInstant();
            } catch (DateTimeParseException e) {
                throw HttpProblem.badRequest(at + ".outcomeTimestamp must be an ISO 8601 date-time in UTC");
            }
            if (when.isBefore(card.issuedAt().minus(SKEW)) || when.isAfter(now.plus(SKEW))) {
                throw HttpProblem.badRequest(at + ".outcomeTimestamp must lie between the card's issue and now");
            }
            ObjectNode line = json.createObjectNode();
            line.put("receivedAt", now.toString());
            line.put("service", serviceId);
            line.setAll((ObjectNode) item);
            String text;
            try {
                text = json.writeValueAsString(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_ITEM_BYTES) {
                throw HttpProblem.badRequest(at + " is larger than " + MAX_ITEM_BYTES + " bytes");
            }
            lines.add(text);
        }
        write(lines, cardsAnswered);
        return lines.size();
    }

    private static void acceptedSuggestions(JsonNode item, String at, IssuedCards.Issued card) {
        JsonNode accepted = item.path("acceptedSuggestions");
        if (!accepted.isArray() || accepted.isEmpty()) {
            throw HttpProblem.badRequest(at + ".acceptedSuggestions is required when the outcome is accepted");
        }
        for (JsonNode suggestion : accepted) {
            if (!card.suggestionUuids().contains(suggestion.path("id").asText(""))) {
                throw HttpProblem.badRequest(at + ".acceptedSuggestions names a suggestion the card did not offer");
            }
        }
    }

    private static void overrideReason(JsonNode reason, String at, String outcome, IssuedCards.Issued card) {
        if (!outcome.equals("overridden")) {
            throw HttpProblem.badRequest(at + ".overrideReason is only for the outcome overridden");
        }
        if (!reason.isObject()) {
            throw HttpProblem.badRequest(at + ".overrideReason must be an object");
        }
        reason.fieldNames().forEachRemaining(name -> {
            if (!name.equals("reason") && !name.equals("userComment")) {
                throw HttpProblem.badRequest(at + ".overrideReason." + HttpProblem.quoted(name) + " is not a field");
            }
        });
        if (reason.has("reason")) {
            JsonNode coding = reason.get("reason");
            if (!card.overrideReasons().contains(coding.path("system").asText("") + "|"
                    + coding.path("code").asText(""))) {
                throw HttpProblem.badRequest(at + ".overrideReason.reason is not one of the card's overrideReasons");
            }
        }
        if (reason.has("userComment")) {
            JsonNode comment = reason.get("userComment");
            if (!comment.isTextual() || comment.asText().length() > MAX_COMMENT) {
                throw HttpProblem.badRequest(at + ".overrideReason.userComment must be text of at most "
                        + MAX_COMMENT + " characters");
            }
        }
    }

    private synchronized void write(List<String> lines, Set<String> cards) {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size + bytes.length > maxBytes) {
                throw new HttpProblem(507, "the feedback store is full; the feedback was not kept");
            }
            List<String> marked = new ArrayList<>();
            for (String card : cards) {
                if (!issued.markAnswered(card)) {
                    marked.forEach(issued::unmarkAnswered);
                    throw new HttpProblem(409, "a card already has feedback; it is accepted once per card");
                }
                marked.add(card);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            } catch (IOException e) {
                cards.forEach(issued::unmarkAnswered);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append feedback to " + file, e);
        }
    }
}
