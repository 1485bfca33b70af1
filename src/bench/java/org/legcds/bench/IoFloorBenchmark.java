package org.legcds.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CaseJson;
import org.legcds.json.CompactAssessmentJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A batch item end to end, in memory, against its I/O floor. Each thread cycles through the case mix of
 * {@link BenchCases} as JSON lines (the input of {@code legcds batch}) and writes UTF-8 to a discarding stream:
 * <ul>
 *   <li>{@link #ioFloor}: read the case from its line and write a fixed, precomputed full assessment (no rules): the
 *       most a batch could do with the rules free;</li>
 *   <li>{@link #assessedFull}: read, assess, write the full assessment (as {@code batch} does by default);</li>
 *   <li>{@link #assessedCompact}: read, assess, write the compact assessment ({@code batch --detail compact}).</li>
 * </ul>
 * The ratio of an assessed throughput to the floor says how much of a batch the rules take.
 */
public class IoFloorBenchmark {

    private static final ObjectMapper MAPPER = AssessmentJson.mapper();

    /** The engine, the cases as JSON lines and one fixed assessment, shared by every thread. */
    @State(Scope.Benchmark)
    public static class Input {
        LegCds engine;
        String[] lines;
        String fixedFull;

        @Setup(Level.Trial)
        public void load() throws IOException {
            engine = LegCds.packaged();
            List<Case> mix = BenchCases.load();
            lines = BenchCases.lines().toArray(String[]::new);
            fixedFull = MAPPER.writeValueAsString(engine.assess(mix.get(0)));
        }
    }

    /** Each thread's position and its output stream (UTF-8, buffered, discarded). */
    @State(Scope.Thread)
    public static class Output {
        int next;
        Writer out;

        @Setup(Level.Trial)
        public void open(Input input, ThreadParams thread) {
            next = thread.getThreadIndex() * input.lines.length / Math.max(1, thread.getThreadCount());
            out = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8),
                    1 << 16);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            out.close();
        }

        String nextLine(Input input) {
            String line = input.lines[next];
            next = next + 1 == input.lines.length ? 0 : next + 1;
            return line;
        }
    }

    @Benchmark
    public Case ioFloor(Input input, Output output) throws IOException {
        Case patientCase = CaseJson.read(output.nextLine(input));
        output.out.write(input.fixedFull);
        output.out.write('\n');
        return patientCase;
    }

    @Benchmark
    public Assessment assessedFull(Input input, Output output) throws IOException {
        Assessment assessment = input.engine.assess(CaseJson.read(output.nextLine(input)));
        output.out.write(MAPPER.writeValueAsString(assessment));
        output.out.write('\n');
        return assessment;
    }

    @Benchmark
    public Assessment assessedCompact(Input input, Output output) throws IOException {
        Assessment assessment = input.engine.assess(CaseJson.read(output.nextLine(input)));
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(text)) {
            CompactAssessmentJson.write(assessment, json);
        }
        output.out.write(text.toString());
        output.out.write('\n');
        return assessment;
    }
}
