package org.legcds.examples.cdshooks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import org.legcds.assessment.RedFlag;
import org.legcds.vocabulary.Urgency;
import org.legcds.cdshooks.Action;
import org.legcds.cdshooks.Card;
import org.legcds.cdshooks.CardsResponse;
import org.legcds.cdshooks.Suggestion;

/**
 * {@code order-select}: the same assessment as {@code patient-view}, seen from the orders being drafted.
 * <ul>
 *   <li>a test already among the draft orders is not suggested again;</li>
 *   <li>while an emergency red flag stands, draft orders that are not what the red flag calls for get a warning:
 *       make sure they do not delay what the emergency needs (red flags win).</li>
 * </ul>
 */
final class OrderSelect {

    private OrderSelect() {
    }

    static CardsResponse adjust(CardsResponse cards, Assessment assessment, Bundle draftOrders) {
        List<Resource> drafts = draftOrders.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof ServiceRequest || r instanceof MedicationRequest).toList();
        Set<String> drafted = new HashSet<>();
        drafts.forEach(r -> drafted.addAll(keys(concept(r))));

        List<Card> adjusted = new ArrayList<>();
        Set<String> emergencyOrders = new HashSet<>();
        for (Card card : cards.cards()) {
            List<Suggestion> kept = card.suggestions().stream().filter(s -> !alreadyDrafted(s, drafted)).toList();
            if (card.indicator() == Card.Indicator.CRITICAL) {
                card.suggestions().forEach(s -> s.actions().forEach(a -> emergencyOrders.addAll(keys(a))));
            }
            adjusted.add(kept.size() == card.suggestions().size() ? card : new Card(card.uuid(), card.summary(),
                    card.detail(), card.indicator(), card.source(), kept,
                    kept.isEmpty() ? null : card.selectionBehavior(), card.links()));
        }

        List<RedFlag> emergencies = assessment.redFlags().stream().filter(f -> f.urgency() == Urgency.EMERGENCY)
                .toList();
        List<Resource> routine = drafts.stream()
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
                null, List.of());
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
