package org.legcds.problems;

import java.util.regex.Pattern;

/**
 * Text that came from input, made safe to print: it cannot end a line, move the cursor, colour a terminal or reorder
 * what is shown beside it. Every value a reader, the report, an error or a log shows from a case file, a FHIR record,
 * a command-line argument, a scenario or a rules file goes through here.
 *
 * <p>Escaped are: control characters (C0 and C1, so CR, LF, tab and the ANSI escape ESC), the line and paragraph
 * separators U+2028/U+2029, format characters (bidi embeddings, overrides and isolates U+202A-U+202E and
 * U+2066-U+2069, zero-width characters, tags ...) and unpaired surrogates. Each becomes {@code \n}, {@code \r},
 * {@code \t} or {@code \}{@code uXXXX} ({@code \}{@code u{XXXXX}} above U+FFFF). Everything else, letters of any
 * script included, is shown as written. Stateless and thread-safe.
 */
public final class Escaping {

    /** What may be shown bare, without quotes: an identifier such as {@code example-vascular} or {@code p-001}. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@#+-]{1,128}");

    private Escaping() {
    }

    /**
     * The text on one line, unquoted: every unsafe character escaped, backslashes and quotes left as they are (so
     * applying it twice changes nothing). For messages and labels; for a value quoted in a message use {@link #quote}.
     *
     * @param text text from input, or null
     * @return the text on one line, or {@code "null"} for null
     */
    public static String inline(String text) {
        if (text == null) {
            return "null";
        }
        if (safe(text)) {
            return text;
        }
        return escape(text, false);
    }

    /**
     * The text in single quotes, with its unsafe characters, backslashes and single quotes escaped, so the value ends
     * exactly where the closing quote is: {@code 'BLADER'}, {@code 'a\nURGENCY: ROUTINE'}, {@code 'it\'s'}.
     *
     * @param text text from input, or null
     * @return the quoted text, or {@code "null"} (unquoted) for null
     */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return "'" + escape(text, true) + "'";
    }

    /**
     * An identifier as is when it is plain ({@code [A-Za-z0-9._:/@#+-]}, at most 128), otherwise {@link #quote}d.
     *
     * @param text an identifier from input, or null
     * @return the identifier, bare or quoted; {@code "null"} for null
     */
    public static String name(String text) {
        return text != null && PLAIN.matcher(text).matches() ? text : quote(text);
    }

    /**
     * Whether a code point is escaped: it could end a line, drive a terminal or reorder the text around it.
     *
     * @param codePoint a Unicode code point
     * @return true for control, format, line or paragraph separator and surrogate code points
     */
    public static boolean unsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static boolean safe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F && (unsafe(c) || Character.isSurrogate(c))) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String text, boolean quoted) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append(quoted ? "\\\\" : "\\");
                case '\'' -> out.append(quoted ? "\\'" : "'");
                default -> {
                    if (!unsafe(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp <= 0xFFFF) {
                        out.append(String.format("\\u%04X", cp));
                    } else {
                        out.append(String.format("\\u{%X}", cp));
                    }
                }
            }
        }
        return out.toString();
    }
}
