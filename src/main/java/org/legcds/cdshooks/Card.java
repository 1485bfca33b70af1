package org.legcds.cdshooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One CDS Hooks card (https://cds-hooks.hl7.org/2.0/#card-attributes). Validated on construction against the
 * specification's constraints, so a card that exists is a valid card.
 *
 * @param uuid              identifier for feedback; in legcds derived from the response seed the host passes, the
 *                          card's position and its content, so the same seed and input give the same uuid
 * @param summary           one sentence, fewer than 140 characters
 * @param detail            GitHub-flavoured Markdown, or null
 * @param indicator         info, warning or critical
 * @param source            where the guidance comes from
 * @param suggestions       proposed actions; empty when none
 * @param selectionBehavior how many suggestions may be chosen; required exactly when there are suggestions
 * @param links             links to more information or apps; empty when none
 * @param overrideReasons   reasons a user may pick when dismissing the card (sent back in feedback); empty when none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(String uuid, String summary, String detail, Indicator indicator, Source source,
                   List<Suggestion> suggestions, SelectionBehavior selectionBehavior, List<Link> links,
                   List<Coding> overrideReasons) {

    /** The specification's limit: a summary has fewer than this many characters. */
    public static final int SUMMARY_LIMIT = 140;

    /**
     * Validates against the specification's constraints and copies the lists (null is read as empty).
     *
     * @param uuid              identifier for feedback, or null; not blank
     * @param summary           one sentence, fewer than 140 characters
     * @param detail            GitHub-flavoured Markdown, or null; not blank
     * @param indicator         info, warning or critical
     * @param source            where the guidance comes from
     * @param suggestions       proposed actions; null or empty when none
     * @param selectionBehavior how many suggestions may be chosen; required exactly when there are suggestions
     * @param links             links to more information or apps; null or empty when none
     * @param overrideReasons   reasons a user may pick when dismissing the card; null or empty when none
     * @throws NullPointerException     if {@code indicator} or {@code source} is null
     * @throws IllegalArgumentException if the summary is missing, blank or too long, a text is blank,
     *                                  {@code selectionBehavior} is given without suggestions or missing with them, or
     *                                  more than one suggestion is recommended with {@code at-most-one}
     */
    public Card {
        Text.requireText(summary, "summary");
        if (summary.length() >= SUMMARY_LIMIT) {
            throw new IllegalArgumentException("summary must have fewer than " + SUMMARY_LIMIT + " characters, but has "
                    + summary.length() + ": " + summary);
        }
        Text.optionalText(uuid, "uuid");
        Text.optionalText(detail, "detail");
        requireNonNull(indicator, "indicator must not be null");
        requireNonNull(source, "source must not be null");
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        links = links == null ? List.of() : List.copyOf(links);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        if (!suggestions.isEmpty() && selectionBehavior == null) {
            throw new IllegalArgumentException("selectionBehavior is required when a card has suggestions");
        }
        if (suggestions.isEmpty() && selectionBehavior != null) {
            throw new IllegalArgumentException("selectionBehavior must be left out when a card has no suggestions");
        }
        if (selectionBehavior == SelectionBehavior.AT_MOST_ONE
                && suggestions.stream().filter(s -> Boolean.TRUE.equals(s.isRecommended())).count() > 1) {
            throw new IllegalArgumentException("at most one suggestion can be recommended when selectionBehavior is "
                    + "at-most-one");
        }
    }

    /**
     * A card without override reasons.
     *
     * @param uuid              identifier for feedback, or null
     * @param summary           one sentence, fewer than 140 characters
     * @param detail            GitHub-flavoured Markdown, or null
     * @param indicator         info, warning or critical
     * @param source            where the guidance comes from
     * @param suggestions       proposed actions; null or empty when none
     * @param selectionBehavior how many suggestions may be chosen; required exactly when there are suggestions
     * @param links             links to more information or apps; null or empty when none
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Card(String uuid, String summary, String detail, Indicator indicator, Source source,
                List<Suggestion> suggestions, SelectionBehavior selectionBehavior, List<Link> links) {
        this(uuid, summary, detail, indicator, source, suggestions, selectionBehavior, links, List.of());
    }

    /** How urgent or important a card is, in increasing order. */
    public enum Indicator {
        /** Information (legcds: hypotheses, next steps, questions). */
        INFO,
        /** Needs attention (legcds: open red-flag checks, unread records, time-critical next steps). */
        WARNING,
        /** Needs action now (legcds: a red flag raised). */
        CRITICAL;

        /**
         * The value the specification uses: the name in lower case, hyphenated ({@code at-most-one}).
         *
         * @return e.g. {@code create}
         */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Whether the user may choose several suggestions or at most one. */
    public enum SelectionBehavior {
        /** The user may accept one suggestion at most. */
        AT_MOST_ONE,
        /** The user may accept any number of suggestions. */
        ANY;

        /**
         * The value the specification uses: the name in lower case, hyphenated ({@code at-most-one}).
         *
         * @return e.g. {@code create}
         */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
