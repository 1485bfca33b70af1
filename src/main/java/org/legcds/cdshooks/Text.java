package org.legcds.cdshooks;

/** The specification forbids empty strings: a text field is either absent (null) or has content. */
final class Text {

    private Text() {
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank, but is "
                    + (value == null ? "missing" : "'" + value + "'"));
        }
    }

    static void optionalText(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(field + " must be left out rather than blank");
        }
    }
}
