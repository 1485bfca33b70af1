package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The line reader of {@code legcds batch}: numbered lines, bounded memory, one bad line never spoils the next. */
class NdjsonLinesTest {

    private static NdjsonLines lines(String text, int maxBytes) {
        return new NdjsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
    }

    @Test
    void aLineTooLongIsReportedWithoutHoldingItAndTheNextLineIsRead() throws IOException {
        NdjsonLines lines = lines("short\n" + "x".repeat(100) + "\r\nafter\n", 10);

        assertEquals("short", lines.next().text());
        NdjsonLines.Line tooLong = lines.next();
        assertEquals(2, tooLong.number());
        assertNull(tooLong.text());
        assertEquals("101 bytes on one line", tooLong.problem().value());
        NdjsonLines.Line after = lines.next();
        assertEquals(3, after.number());
        assertEquals("after", after.text());
        assertNull(lines.next());
    }

    @Test
    void theLastLineNeedsNoNewlineAndAByteOrderMarkIsDropped() throws IOException {
        NdjsonLines lines = lines("\uFEFFfirst\nlast", 100);

        assertEquals("first", lines.next().text());
        assertEquals("last", lines.next().text());
        assertNull(lines.next());
        assertEquals(3 + 6 + 4, lines.bytesRead()); // the mark, "first\n", "last"
    }

    @Test
    void blankLinesAreLinesToo() throws IOException {
        NdjsonLines lines = lines("\n\na\n", 100);

        assertEquals("", lines.next().text());
        assertEquals("", lines.next().text());
        assertEquals(3, lines.next().number());
        assertNull(lines.next());
    }
}
