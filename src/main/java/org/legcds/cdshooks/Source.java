package org.legcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The source of a card's guidance.
 *
 * @param label short human-readable name of the source; required
 * @param url   absolute URL to learn more about the source, or null
 * @param topic what the card is about (legcds: the rule that drew it), or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, Coding topic) {
    /**
     * Validates against the specification's constraints.
     *
     * @param label short human-readable name of the source; required
     * @param url   absolute URL to learn more about the source, or null
     * @param topic what the card is about (legcds: the rule that drew it), or null
     * @throws IllegalArgumentException if the label is missing or blank, or the URL is blank
     */
    public Source {
        Text.requireText(label, "source.label");
        Text.optionalText(url, "source.url");
    }
}
