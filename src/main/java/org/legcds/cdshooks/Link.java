package org.legcds.cdshooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.util.Locale;

/**
 * A link to more information ({@code absolute}) or to a SMART app ({@code smart}).
 *
 * @param label      link text; required
 * @param url        an absolute URL; required
 * @param type       absolute or smart
 * @param appContext data for a SMART app, or null; only for smart links
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Link(String label, String url, Type type, String appContext) {
    /**
     * Validates against the specification's constraints.
     *
     * @param label      link text; required
     * @param url        an absolute URL; required
     * @param type       absolute or smart
     * @param appContext data for a SMART app, or null; only for smart links
     * @throws NullPointerException if {@code type} is null
     * @throws IllegalArgumentException if the label or URL is missing or blank, the URL is not absolute (or not a URI),
     *                                  or an {@code appContext} is given for a link that is not smart
     */
    public Link {
        Text.requireText(label, "link.label");
        Text.requireText(url, "link.url");
        requireNonNull(type, "link.type must not be null");
        if (!URI.create(url).isAbsolute()) {
            throw new IllegalArgumentException("link.url must be an absolute URL, but is " + url);
        }
        Text.optionalText(appContext, "link.appContext");
        if (appContext != null && type != Type.SMART) {
            throw new IllegalArgumentException("link.appContext is only valid for smart links");
        }
    }

    /** The kinds of link. */
    public enum Type {
        /** A web page to open. */
        ABSOLUTE,
        /** A SMART app to launch. */
        SMART;

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
