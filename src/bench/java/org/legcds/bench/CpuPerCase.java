package org.legcds.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.legcds.LegCds;
import org.legcds.facts.Case;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CaseJson;
import org.legcds.json.CompactAssessmentJson;

/**
 * CPU time per case of the batch path's steps, on one thread, measured with the thread's CPU clock: a rough figure
 * that a loaded machine disturbs far less than wall-clock throughput (waiting for a core costs no CPU time; shared
 * caches still do). For when the machine cannot be had idle; JMH ({@link IoFloorBenchmark}) is the real measurement.
 * Rounds alternate the four steps, so each sees the same load; the first third of the rounds is warm-up.
 *
 * <p>Prints, per step, the median CPU microseconds per case: {@code floor} (read the case line, write a fixed full
 * assessment), {@code assess} (assess only), {@code full} and {@code compact} (read, assess, write); and the ratios of
 * throughput to the floor.
 *
 * <p>Usage: {@code CpuPerCase [rounds, default 15] [cases per round, default 1000]}.
 */
public final class CpuPerCase {

    private static final ObjectMapper MAPPER = AssessmentJson.mapper();

    private CpuPerCase() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LegCds engine = LegCds.packaged();
        List<Case> cases = BenchCases.load();
        String[] lines = BenchCases.lines().toArray(String[]::new);
        String fixed = MAPPER.writeValueAsString(engine.assess(cases.get(0)));
        Writer out = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8),
                1 << 16);
        String[] steps = {"floor", "assess", "full", "compact"};
        List<List<Double>> perCase = new ArrayList<>();
        for (int s = 0; s < steps.length; s++) {
            perCase.add(new ArrayList<>());
        }
        int next = 0;
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < steps.length; s++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    String line = lines[next];
                    next = next + 1 == lines.length ? 0 : next + 1;
                    switch (steps[s]) {
                        case "floor" -> {
                            CaseJson.read(line);
                            out.write(fixed);
                        }
                        case "assess" -> engine.assess(cases.get(next));
                        case "full" -> out.write(MAPPER.writeValueAsString(engine.assess(CaseJson.read(line))));
                        default -> {
                            StringWriter text = new StringWriter(1024);
                            try (JsonGenerator json = MAPPER.getFactory().createGenerator(text)) {
                                CompactAssessmentJson.write(engine.assess(CaseJson.read(line)), json);
                            }
                            out.write(text.toString());
                        }
                    }
                    out.write('\n');
                }
                double micros = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / perRound;
                if (round >= rounds / 3) {
                    perCase.get(s).add(micros);
                }
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StringBuilder result = new StringBuilder();
        double[] medians = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            double[] sorted = perCase.get(s).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            medians[s] = sorted[sorted.length / 2];
            result.append(String.format(Locale.ROOT, "%s_cpu_us=%.1f ", steps[s], medians[s]));
            System.out.println(steps[s] + " per round: " + Arrays.toString(sorted));
        }
        result.append(String.format(Locale.ROOT, "ratio_full=%.3f ratio_compact=%.3f load=%.1f",
                medians[0] / medians[2], medians[0] / medians[3], load));
        System.out.println(result);
    }
}
