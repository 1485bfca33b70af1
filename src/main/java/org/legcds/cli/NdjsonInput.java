package org.legcds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.json.CaseJson;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * Cases as NDJSON: one case file ({@link CaseJson}) per line. A blank line is a bad line, reported like any other (an
 * input line is never dropped silently); the numbers are physical line numbers, from 1.
 */
final class NdjsonInput implements BatchInput<NdjsonLines.Line> {

    private static final String MALFORMED_ON_LINE_1 = "malformed JSON at line 1, c";

    private final NdjsonLines lines;
    private final long size;
    private volatile long read;

    /**
     * @param size the input's size in bytes, or negative when unknown (stdin); used only to estimate the time left
     */
    NdjsonInput(InputStream in, long size) {
        this.lines = new NdjsonLines(in, CaseJson.MAX_BYTES);
        this.size = size;
    }

    @Override
    public NdjsonLines.Line next() throws IOException {
        NdjsonLines.Line line = lines.next();
        if (line != null) {
            read = line.number();
        }
        return line;
    }

    @Override
    public Outcome assess(NdjsonLines.Line line, LegCds engine) {
        Where where = Where.line(line.number());
        if (line.problem() != null) {
            return Outcome.bad(where, List.of(line.problem()));
        }
        if (line.text().isBlank()) {
            return Outcome.bad(where, List.of(Problem.stated("$",
                    "the line is blank; expected one case (a JSON object) per line")));
        }
        Case patientCase;
        try {
            patientCase = CaseJson.read(line.text(), engine.vocabulary());
        } catch (InvalidCaseException e) {
            return Outcome.bad(where, onOneLine(e.problems()));
        }
        try {
            Assessment assessment = engine.assess(patientCase);
            return Outcome.assessed(where, patientCase.patient().id(), null, assessment);
        } catch (InvalidCaseException e) {
            return Outcome.bad(where, e.problems());
        } catch (RuntimeException e) {
            return Outcome.failed(where, e);
        }
    }

    /** A case on one line has no line 2: "malformed JSON at line 1, column 23" reads better as "at column 23". */
    private static List<Problem> onOneLine(List<Problem> problems) {
        return problems.stream().map(p -> p.expected().startsWith(MALFORMED_ON_LINE_1)
                ? new Problem(p.field(), p.value(), "malformed JSON at c" + p.expected()
                        .substring(MALFORMED_ON_LINE_1.length()))
                : p).toList();
    }

    @Override
    public long expectedTotal(long done) {
        long bytes = lines.bytesRead();
        if (size <= 0 || bytes <= 0) {
            return -1;
        }
        return bytes >= size ? Math.max(read, done) : Math.round((double) read * size / bytes);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
