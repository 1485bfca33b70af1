package org.legcds.report;

/** Escaping for HTML and SVG text and attributes. */
final class Html {

    private Html() {
    }

    /**
     * Text safe inside an element or a quoted attribute: markup characters escaped, and control and format characters
     * (which no clinician typed on purpose: C0 and C1 controls, bidi overrides and isolates, zero-width characters,
     * line and paragraph separators, lone surrogates; they could forge a line or reorder what the page shows) shown as
     * U+FFFD, except newline and tab.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append((char) c);
                default -> {
                    if (org.legcds.problems.Escaping.unsafe(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
