package org.legcds.vocabulary;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A next step a rule can recommend.
 *
 * @param id           the id, e.g. {@code ANKLE_BRACHIAL_INDEX}
 * @param kind         examination, test, management, referral or caution
 * @param label        clinician words
 * @param timeCritical whether it must happen the same day or within days (never shown as routine information)
 * @param draft        how a CDS Hooks card can draft it as an order, or null when it is not orderable
 * @param order        position in the vocabulary
 */
public record StepDefinition(String id, StepKind kind, String label, boolean timeCritical, Order draft, int order)
        implements Definition {

    /**
     * How it is drafted as orders, if it can be.
     *
     * @return the draft, or empty when the step is not orderable
     */
    public Optional<Order> orderable() {
        return Optional.ofNullable(draft);
    }

    /**
     * How a step is drafted as orders.
     *
     * @param priority routine, urgent or stat (FHIR ServiceRequest priority)
     * @param items    the orders it consists of, accepted together
     * @param measures the findings its result records (a hypothesis these would decide shows the order)
     * @param answers  the red-flag checks it answers (a red flag of these shows the order)
     */
    public record Order(String priority, List<OrderItem> items, Set<String> measures, Set<String> answers) {
        /**
         * Copies the collections.
         *
         * @param priority routine, urgent or stat
         * @param items    the orders; not null
         * @param measures finding ids; not null
         * @param answers  red-flag check ids; not null
         */
        public Order {
            items = List.copyOf(items);
            measures = Set.copyOf(measures);
            answers = Set.copyOf(answers);
        }
    }

    /**
     * One draft order: its text and, where certain, its standard code.
     *
     * @param text    what the clinician reads
     * @param code    the standard code, or null for a text-only order
     * @param display the code's display, or null
     */
    public record OrderItem(String text, StandardCode code, String display) {
    }

    /** The id: what a report, a log line or a message shows of an entry written in text. */
    @Override
    public String toString() {
        return id;
    }
}
