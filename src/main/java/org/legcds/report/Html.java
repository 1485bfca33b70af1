package org.legcds.report;

/** Escaping for HTML and SVG text and attributes. */
final class Html {

    private Html() {
    }

    /**
     * Text safe inside an element or a quoted attribute: markup characters escaped, and control characters (which no
     * clinician typed on purpose and which could forge a line) shown as U+FFFD, except newline and tab.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
