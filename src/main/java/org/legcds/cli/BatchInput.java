package org.legcds.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CompactAssessmentJson;
import org.legcds.problems.Problem;

/**
 * Where {@code legcds batch} takes its cases from, one item at a time, and how one item becomes one output record.
 * {@link #next()} is called from the pipeline's reader thread, {@link #assess} from its workers (concurrently, so it
 * must not touch shared mutable state).
 *
 * @param <I> one input item, e.g. a line
 */
interface BatchInput<I> extends OrderedPipeline.Source<I>, Closeable {

    /** The item's output record; never throws for an item that is bad input (that becomes a bad record). */
    Outcome assess(I item, LegCds engine);

    /** How many items the whole input is expected to hold, given how many are done; negative when unknown. */
    long expectedTotal(long done);

    /** The kind of an outcome. */
    enum Kind { ASSESSED, BAD, FAILED }

    /**
     * One output record: its NDJSON line (without the newline; null until {@link #rendered} for an assessment), what it
     * counts as, the assessment when there is one, and the message for stderr when it is not an assessment.
     */
    record Outcome(Kind kind, String json, Assessment assessment, String message, OutputRecord record) {

        Outcome(Kind kind, String json, Assessment assessment, String message) {
            this(kind, json, assessment, message, null);
        }

        /** An assessment record, written at the output's detail level by {@link #rendered}. */
        static Outcome assessed(Where where, String patient, List<?> issues, Assessment assessment) {
            return new Outcome(Kind.ASSESSED, null, assessment, null, new OutputRecord(where.line(), where.source(),
                    patient, issues, assessment, null, null));
        }

        /** This outcome with its NDJSON line written at {@code detail}; error records are the same at every level. */
        Outcome rendered(Detail detail) {
            if (json != null) {
                return this;
            }
            return new Outcome(kind, detail == Detail.COMPACT ? compact(record) : json(record), assessment, message,
                    null);
        }

        private static String compact(OutputRecord record) {
            StringWriter text = new StringWriter(1024);
            try (JsonGenerator out = AssessmentJson.mapper().getFactory().createGenerator(text)) {
                out.writeStartObject();
                if (record.line() != null) {
                    out.writeNumberField("line", record.line());
                }
                if (record.source() != null) {
                    out.writeStringField("source", record.source());
                }
                out.writeStringField("patient", record.patient());
                if (record.issues() != null) {
                    out.writeObjectField("issues", record.issues());
                }
                out.writeFieldName("assessment");
                CompactAssessmentJson.write(record.assessment(), out);
                out.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a batch record as JSON", e);
            }
            return text.toString();
        }

        /** A bad-input record: the input cannot form a case; every problem is listed. */
        static Outcome bad(Where where, List<Problem> problems) {
            StringBuilder message = new StringBuilder(where.describe()).append(": invalid case: ");
            for (int i = 0; i < problems.size(); i++) {
                message.append(i == 0 ? "" : "; ").append(problems.get(i));
            }
            return new Outcome(Kind.BAD, json(new OutputRecord(where.line(), where.source(), null, null, null,
                    problems, null)), null, message.toString());
        }

        /** An unexpected failure of the engine on one case (a defect): the run goes on and exits 1. */
        static Outcome failed(Where where, RuntimeException e) {
            String error = "unexpected error: " + e;
            return new Outcome(Kind.FAILED, json(new OutputRecord(where.line(), where.source(), null, null, null, null,
                    error)), null, where.describe() + ": " + error);
        }

        private static String json(OutputRecord record) {
            try {
                return AssessmentJson.mapper().writeValueAsString(record);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write a batch record as JSON", e);
            }
        }
    }

    /**
     * How much of each assessment a record holds: {@code FULL}, the whole explained assessment ({@link AssessmentJson});
     * {@code COMPACT}, its decisions without explanations ({@link CompactAssessmentJson}).
     */
    enum Detail { FULL, COMPACT }

    /** Where an item came from: a line number (NDJSON), or a source such as a file name (FHIR). */
    record Where(Long line, String source) {

        static Where line(long number) {
            return new Where(number, null);
        }

        static Where source(String source) {
            return new Where(null, source);
        }

        String describe() {
            return line != null ? "line " + line : source;
        }
    }

    /**
     * The shape of an output line: {@code line} (NDJSON input) or {@code source} (FHIR input), then either
     * {@code patient} and {@code assessment} (with {@code issues} for FHIR input), or {@code problems}, or
     * {@code error}. Absent keys are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutputRecord(Long line, String source, String patient, List<?> issues, Assessment assessment,
                        List<Problem> problems, String error) {
    }
}
