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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps the outcomes clinicians report for cards (https://cds-hooks.hl7.org/2.0/#feedback): an append-only file, one
 * JSON object per line (NDJSON), each with the time it was received and the service it was for. Nothing is ever
 * rewritten. Thread-safe.
 */
final class FeedbackLog {

    private static final Set<String> FIELDS = Set.of("card", "outcome", "acceptedSuggestions", "overrideReason",
            "outcomeTimestamp", "extension");

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json;

    FeedbackLog(Path file, Clock clock, ObjectMapper json) {
        this.file = file;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Validates and appends a feedback request.
     *
     * @return how many feedback items were kept
     * @throws HttpProblem 400 naming the first problem; nothing is written then
     */
    int append(String serviceId, JsonNode request) {
        JsonNode items = request.path("feedback");
        if (!items.isArray() || items.isEmpty()) {
            throw HttpProblem.badRequest("feedback must be a non-empty array");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "feedback[" + i + "]";
            if (!item.isObject()) {
                throw HttpProblem.badRequest(at + " must be an object");
            }
            item.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw HttpProblem.badRequest(at + "." + name + " is not a feedback field");
                }
            });
            if (!item.path("card").isTextual() || item.path("card").asText().isBlank()) {
                throw HttpProblem.badRequest(at + ".card must be the card's uuid");
            }
            String outcome = item.path("outcome").asText("");
            if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
                throw HttpProblem.badRequest(at + ".outcome must be accepted or overridden");
            }
            if (outcome.equals("accepted") && (!item.path("acceptedSuggestions").isArray()
                    || item.path("acceptedSuggestions").isEmpty())) {
                throw HttpProblem.badRequest(at + ".acceptedSuggestions is required when the outcome is accepted");
            }
            try {
                OffsetDateTime.parse(item.path("outcomeTimestamp").asText(""));
            } catch (DateTimeParseException e) {
                throw HttpProblem.badRequest(at + ".outcomeTimestamp must be an ISO 8601 date-time in UTC");
            }
            ObjectNode line = json.createObjectNode();
            line.put("receivedAt", clock.instant().toString());
            line.put("service", serviceId);
            line.setAll((ObjectNode) item);
            try {
                lines.add(json.writeValueAsString(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        write(lines);
        return lines.size();
    }

    private synchronized void write(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append feedback to " + file, e);
        }
    }
}
