package org.legcds.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.legcds.problems.Problem;

/**
 * Reads newline-delimited text one line at a time, in constant memory, for {@code legcds batch}.
 *
 * <p>Lines end with {@code \n} (a {@code \r} before it is dropped); they are numbered from 1. Each line is decoded as
 * strict UTF-8 on its own, so one line with a bad byte is one bad line, not a failed run; a line longer than
 * {@code maxBytes} is reported as such and its bytes are skipped, never held. A UTF-8 byte-order mark at the start of
 * the input is dropped. Not thread-safe, except {@link #bytesRead()}, which a progress display may read.
 */
final class NdjsonLines implements Closeable {

    /** One input line: its number and either its text or the problem that kept it from being read. */
    record Line(long number, String text, Problem problem) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private long number;
    private volatile long bytesRead;
    private boolean atEnd;

    NdjsonLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        if (atEnd) {
            return null;
        }
        int length = 0;
        long skipped = 0;
        boolean ended = false;
        while (!ended) {
            if (position == limit && !fill()) {
                atEnd = true;
                if (length == 0 && skipped == 0) {
                    return null;
                }
                break;
            }
            int start = position;
            int newline = indexOfNewline(start, limit);
            int end = newline < 0 ? limit : newline;
            position = newline < 0 ? limit : newline + 1;
            ended = newline >= 0;
            int count = end - start;
            if (skipped > 0 || length + count > maxBytes) {
                skipped += count + (skipped == 0 ? length : 0);
                length = 0;
            } else {
                ensureCapacity(length + count);
                System.arraycopy(buffer, start, line, length, count);
                length += count;
            }
        }
        number++;
        if (skipped > 0) {
            return new Line(number, null, new Problem("$", skipped + " bytes on one line",
                    "one case per line, of at most " + maxBytes + " bytes"));
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int offset = number == 1 && startsWithByteOrderMark(length) ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(line, offset, length - offset)).toString();
            return new Line(number, text, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, Problem.stated("$", "the line is not UTF-8 text"));
        }
    }

    /** Bytes consumed so far (safe to read from any thread). */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        while (read == 0) {
            read = in.read(buffer);
        }
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        bytesRead += read;
        return true;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, Math.min(maxBytes, line.length * 2)));
        }
    }

    private boolean startsWithByteOrderMark(int length) {
        return length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
    }
}
