package org.legcds.examples.cdshooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.vocabulary.Urgency;
import org.legcds.cdshooks.Action;
import org.legcds.cdshooks.Card;
import org.legcds.cdshooks.CardsResponse;
import org.legcds.cdshooks.Suggestion;

/**
 * {@code order-select}: the same assessment as {@code patient-view}, seen from the orders being drafted.
 * <ul>
 *   <li>a test already among the draft orders is not suggested again: recognised by the codes and text of legcds's
 *       own draft orders, and by the order codes in {@code order-codes.csv} (e.g. an ABI drafted as SNOMED CT
 *       401221002 or CPT 93922);</li>
 *   <li>while an emergency red flag stands, the selected orders ({@code context.selections}) that are not what the
 *       red flag calls for get a warning: make sure they do not delay what the emergency needs (red flags win).</li>
 * </ul>
 */
final class OrderSelect {

    /** system|code to the legcds step id it orders, from {@code order-codes.csv}. */
    private static final Map<String, String> ORDER_CODES = orderCodes();

    private OrderSelect() {
    }

    static CardsResponse adjust(CardsResponse cards, Assessment assessment, Bundle draftOrders,
                                List<Resource> selections) {
        List<Resource> drafts = draftOrders.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof ServiceRequest || r instanceof MedicationRequest).toList();
        Set<String> drafted = new HashSet<>();
        drafts.forEach(r -> drafted.addAll(keys(concept(r))));
        Set<String> draftedSteps = new HashSet<>();
        drafted.stream().map(ORDER_CODES::get).filter(Objects::nonNull).forEach(draftedSteps::add);
        Map<String, String> stepOfLabel = new HashMap<>();
        assessment.recommendations().forEach(r -> stepOfLabel.putIfAbsent("Order: " + r.label(), stepId(r)));

        List<Card> adjusted = new ArrayList<>();
        Set<String> emergencyOrders = new HashSet<>();
        for (Card card : cards.cards()) {
            List<Suggestion> kept = card.suggestions().stream().filter(s -> !alreadyDrafted(s, drafted)
                    && !draftedSteps.contains(stepOfLabel.get(s.label()))).toList();
            if (card.indicator() == Card.Indicator.CRITICAL) {
                card.suggestions().forEach(s -> s.actions().forEach(a -> emergencyOrders.addAll(keys(a))));
            }
            adjusted.add(kept.size() == card.suggestions().size() ? card : new Card(card.uuid(), card.summary(),
                    card.detail(), card.indicator(), card.source(), kept,
                    kept.isEmpty() ? null : card.selectionBehavior(), card.links(), card.overrideReasons()));
        }

        List<RedFlag> emergencies = assessment.redFlags().stream().filter(f -> f.urgency() == Urgency.EMERGENCY)
                .toList();
        List<Resource> routine = selections.stream()
                .filter(r -> r instanceof ServiceRequest || r instanceof MedicationRequest)
                .filter(r -> keys(concept(r)).stream().noneMatch(emergencyOrders::contains)).toList();
        if (!emergencies.isEmpty() && !routine.isEmpty()) {
            int afterCritical = (int) adjusted.stream().filter(c -> c.indicator() == Card.Indicator.CRITICAL).count();
            adjusted.add(afterCritical, emergencyFirst(emergencies, routine, adjusted.get(0)));
        }
        return new CardsResponse(adjusted);
    }

    private static Card emergencyFirst(List<RedFlag> emergencies, List<Resource> routine, Card firstCritical) {
        String flags = emergencies.stream().map(RedFlag::label).collect(Collectors.joining(", "));
        String summary = "Emergency first: " + flags + " suspected; make sure the selected orders do not delay it";
        if (summary.length() >= Card.SUMMARY_LIMIT) {
            summary = "Emergency first: a red flag stands; make sure the selected orders do not delay it";
        }
        StringBuilder detail = new StringBuilder("**An emergency red flag stands.** Act on it first:\n\n");
        emergencies.forEach(f -> detail.append("- ").append(f.label()).append(": ").append(f.action()).append('\n'));
        detail.append("\n**Selected orders that do not answer it**\n\n");
        routine.forEach(r -> detail.append("- ").append(markdown(display(concept(r)))).append('\n'));
        detail.append("\n*Decision support for a clinician, not a diagnosis.*");
        String uuid = UUID.nameUUIDFromBytes((firstCritical.uuid() + "\u0000" + summary + "\u0000" + detail)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Card(uuid, summary, detail.toString(), Card.Indicator.WARNING, firstCritical.source(), List.of(),
                null, List.of(), firstCritical.overrideReasons());
    }

    /** The step a recommendation is for, as its id (the one line that knows how a step is named). */
    private static String stepId(Recommendation r) {
        return r.step().id();
    }

    private static Map<String, String> orderCodes() {
        Map<String, String> codes = new HashMap<>();
        try (InputStream in = OrderSelect.class.getResourceAsStream("order-codes.csv")) {
            if (in == null) {
                throw new IllegalStateException("order-codes.csv is missing from the service");
            }
            List<String> header = null;
            int line = 0;
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                List<String> cells = PrefetchTemplates.cells(text);
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.size() < 3 || cells.get(0).isBlank() || cells.get(1).isBlank() || cells.get(2).isBlank()) {
                    throw new IllegalStateException("order-codes.csv line " + line + ": step, system and code are "
                            + "required");
                }
                if (codes.put(cells.get(1) + "|" + cells.get(2), cells.get(0)) != null) {
                    throw new IllegalStateException("order-codes.csv line " + line + ": code listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(codes);
    }

    private static boolean alreadyDrafted(Suggestion suggestion, Set<String> drafted) {
        return !suggestion.actions().isEmpty()
                && suggestion.actions().stream().allMatch(a -> keys(a).stream().anyMatch(drafted::contains));
    }

    private static CodeableConcept concept(Resource r) {
        if (r instanceof ServiceRequest s) {
            return s.getCode();
        }
        MedicationRequest m = (MedicationRequest) r;
        return m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : new CodeableConcept()
                .setText(m.getMedicationReference().getDisplay());
    }

    /** What identifies an order: each system|code, and its text in lower case. */
    private static Set<String> keys(CodeableConcept concept) {
        Set<String> keys = new HashSet<>();
        for (Coding c : concept.getCoding()) {
            if (c.hasSystem() && c.hasCode()) {
                keys.add(c.getSystem() + "|" + c.getCode());
            }
        }
        if (concept.hasText()) {
            keys.add(concept.getText().toLowerCase(Locale.ROOT).trim());
        }
        return keys;
    }

    private static Set<String> keys(Action action) {
        Set<String> keys = new HashSet<>();
        if (action.resource() == null) {
            return keys;
        }
        action.resource().path("code").path("coding").forEach(c -> keys.add(c.path("system").asText() + "|"
                + c.path("code").asText()));
        String text = action.resource().path("code").path("text").asText("");
        if (!text.isBlank()) {
            keys.add(text.toLowerCase(Locale.ROOT).trim());
        }
        return keys;
    }

    /** Text from the EHR, made inert for Markdown. */
    private static String markdown(String text) {
        return text.replaceAll("[\\\\`*_\\[\\]<|]", "\\\\$0").replaceAll("[\\r\\n]+", " ");
    }

    private static String display(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getSystem() + " " + c.getCode())
                .findFirst().orElse("an order without a code");
    }
}
