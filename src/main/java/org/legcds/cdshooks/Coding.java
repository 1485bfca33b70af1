package org.legcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The CDS Hooks Coding data type: a code in a code system, with an optional display.
 *
 * @param system  the code system; required
 * @param code    the code; required
 * @param display a human-readable label, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Coding(String system, String code, String display) {
    /**
     * Validates against the specification's constraints.
     *
     * @param system  the code system; required
     * @param code    the code; required
     * @param display a human-readable label, or null
     * @throws IllegalArgumentException if the system or code is missing or blank, or the display is blank
     */
    public Coding {
        Text.requireText(system, "coding.system");
        Text.requireText(code, "coding.code");
        Text.optionalText(display, "coding.display");
    }
}
