package org.legcds.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.legcds.LegCds;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * The benchmark command ({@code mvn -Pbench -DskipTests verify}): start-up in fresh JVMs, the heap of a loaded
 * knowledge base, then JMH latency percentiles, allocation and throughput on one and two threads. Prints a table and
 * writes {@code target/bench/summary.json}.
 *
 * <p>System properties: {@code bench.quick=true} for a short, rough run while iterating; {@code bench.parts} a
 * comma-separated subset of {@code golden,startup,heap,latency,throughput,io,batch}; {@code bench.batch.cases} the
 * population of the batch part (default 1,000,000; 100,000 when quick).
 *
 * <p>A/B: {@code bench.b} (JVM arguments, space-separated, e.g. {@code -Ddrools.threadSafe=false}) measures every
 * part twice in the same run, A (with {@code bench.a}, default none) then B, part by part, so that both see the same
 * machine load; {@code bench.b.jar} gives B another command-line jar for the start-up and batch parts (another build).
 * B's figures are written with the suffix {@code _b}, beside the ratio B/A.
 */
public final class Benchmarks {

    static final Path CLI_JAR = Path.of("target/legcds-cli.jar");
    static final Path SUMMARY = Path.of("target/bench/summary.json");
    static final String STARTUP_CASE = "examples/cases/vascular-claudication.json";
    /** The benchmark JVMs' heap: fixed, so that heap sizing does not vary between runs. */
    static final String[] JVM_ARGS = {"-Xms2g", "-Xmx2g"};

    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final Set<String> parts = Set.of(System.getProperty("bench.parts",
            "golden,startup,heap,latency,throughput,io,batch").split(","));
    private final List<Variant> variants = Variant.fromProperties();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        new Benchmarks().run();
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        LegCds engine = LegCds.packaged();
        summary.put("rules", engine.rules().size());
        summary.put("cases", BenchCases.load().size());
        summary.put("cpus", Runtime.getRuntime().availableProcessors());
        summary.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        summary.put("load_average_at_start", loadAverage());
        summary.put("quick", quick);
        if (variants.size() > 1) {
            summary.put("ab", Map.of("a", variants.get(0).describe(), "b", variants.get(1).describe()));
        }
        if (parts.contains("golden")) {
            golden();
        }
        for (Variant variant : variants) {
            if (parts.contains("startup")) {
                startup(variant);
            }
        }
        if (parts.contains("heap")) {
            heap();
        }
        for (Variant variant : variants) {
            if (parts.contains("latency")) {
                latency(variant);
            }
        }
        for (Variant variant : variants) {
            if (parts.contains("throughput")) {
                throughput(variant);
            }
        }
        for (Variant variant : variants) {
            if (parts.contains("io")) {
                io(variant);
            }
        }
        if (parts.contains("batch")) {
            batch();
        }
        summary.put("load_average_at_end", loadAverage());
        summary.put("failures", failures);
        if (variants.size() > 1) {
            ratios();
        }
        targets();
        summary.put("bench_seconds", Math.round((System.nanoTime() - began) / 1e9));
        print();
        Files.createDirectories(SUMMARY.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(SUMMARY.toFile(), summary);
        System.out.println("written " + SUMMARY);
    }

    // ---- golden: no clinical output changed ------------------------------------------------------------------------

    private void golden() throws IOException {
        Golden.Result result = Golden.check(Golden.BASELINE, Golden.OUTPUT, false);
        summary.put("golden", Map.of("cases", result.cases(), "changed", result.changed(), "baseline",
                Golden.BASELINE.toString()));
        table.add(new String[] {"golden", result.changed() == 0 ? "same" : result.changed() + " changed", "",
                result.cases() + " full assessments against " + Golden.BASELINE, ""});
        if (result.changed() > 0 && !Boolean.getBoolean("bench.ignoreGolden")) {
            throw new IllegalStateException(result.changed() + " of " + result.cases() + " assessments differ from "
                    + Golden.BASELINE + " (see above; -Dbench.ignoreGolden=true to measure anyway)");
        }
    }

    // ---- start-up: fresh JVMs ------------------------------------------------------------------------------------

    private void startup(Variant variant) throws IOException, InterruptedException {
        Path jar = variant.jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -Pbench -DskipTests verify`");
        }
        int runs = quick ? 3 : 7;
        String java = javaExecutable();
        List<String> packaged = variant.java(java, "-jar", jar.toString(), "assess", STARTUP_CASE);
        time(packaged); // once unmeasured, so the jar is in the OS file cache for every measured run
        double packagedMs = median(repeat(runs, () -> time(packaged))) / 1e6;
        put(variant, "startup_ms_packaged", round(packagedMs));
        row(variant, "startup_ms_packaged", packagedMs, "ms", "java -jar legcds-cli.jar assess <case>: spawn to exit, "
                + "median of " + runs + " JVMs");

        // the shipped launcher: the same jar with the class-data-sharing archive the build made
        Path launcher = jar.resolveSibling("legcds");
        if (Files.isExecutable(launcher)) {
            List<String> launched = new ArrayList<>(List.of(launcher.toString(), "assess", STARTUP_CASE));
            time(launched);
            double launcherMs = median(repeat(runs, () -> time(launched))) / 1e6;
            put(variant, "startup_ms_launcher", round(launcherMs));
            row(variant, "startup_ms_launcher", launcherMs, "ms", launcher + " assess <case> (class-data sharing "
                    + "archive made by the build), median of " + runs + " JVMs");
        }
        if (!variant.isA()) {
            return; // the rest says where the time goes, once
        }
        List<String> directory = List.of(java, "-jar", jar.toString(), "assess", STARTUP_CASE, "--rules", "rules");
        double directoryMs = median(repeat(quick ? 1 : 3, () -> time(directory))) / 1e6;
        summary.put("startup_ms_directory", round(directoryMs));
        row(variant, "startup_ms_directory", directoryMs, "ms", "same with --rules rules (compiles the DRL), median of "
                + (quick ? 1 : 3) + " JVMs");

        // where the time goes, inside the JVM
        String classpath = jar + File.pathSeparator + codeSource();
        List<String> probe = List.of(java, "-Dlogback.configurationFile=org/legcds/cli/logback-cli.xml", "-cp",
                classpath, StartupProbe.class.getName(), "packaged", STARTUP_CASE);
        List<Map<String, Double>> probes = repeat(runs, () -> parse(output(probe)));
        double atMain = median(probes.stream().map(p -> p.get("main")).toList());
        double load = median(probes.stream().map(p -> p.get("load")).toList());
        double first = median(probes.stream().map(p -> p.get("first")).toList());
        summary.put("startup_inprocess", Map.of("jvm_to_main_ms", round(atMain), "load_packaged_ms", round(load),
                "first_assessment_ms", round(first)));
        row(variant, "  jvm to main()", atMain, "ms", "JVM uptime when main starts (median)");
        row(variant, "  LegCds.packaged()", load, "ms", "loading the precompiled knowledge base, in-process (median)");
        row(variant, "  first assessment", first, "ms", "reading the case and the first assess(), in-process (median)");
    }

    private static long time(List<String> command) {
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            long elapsed = System.nanoTime() - start;
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
            return elapsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- heap -------------------------------------------------------------------------------------------------------

    private void heap() {
        String java = javaExecutable();
        Map<String, Double> heap = parse(output(List.of(java, "-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=org/legcds/cli/logback-cli.xml",
                "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName())));
        double retained = heap.get("retained") / (1024.0 * 1024.0);
        double first = heap.get("first") / (1024.0 * 1024.0);
        summary.put("kiebase_heap_mib", round(retained));
        summary.put("kiebase_heap_mib_first_load", round(first));
        row(Variant.A, "kiebase_heap_mib", retained, "MiB", "heap one more loaded packaged knowledge base keeps "
                + "(after full GCs)");
        row(Variant.A, "  first load", first, "MiB", "heap added by the first load (knowledge base + Drools' one-time "
                + "state)");
    }

    // ---- JMH --------------------------------------------------------------------------------------------------------

    private ChainedOptionsBuilder jmh(Variant variant, String benchmark) {
        List<String> jvmArgs = new ArrayList<>(List.of(JVM_ARGS));
        jvmArgs.addAll(variant.jvmArgs());
        return new OptionsBuilder()
                .include(benchmark.replace("$", "\\$").replace(".", "\\.") + "$")
                .forks(1)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .warmupIterations(quick ? 2 : 4).warmupTime(TimeValue.seconds(quick ? 2 : 5))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 2 : 5))
                .verbosity(VerboseMode.NORMAL);
    }

    private void latency(Variant variant) throws RunnerException {
        RunResult result = new Runner(jmh(variant, AssessBenchmark.class.getName() + ".assess").mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MICROSECONDS).threads(1).addProfiler(GCProfiler.class).build()).runSingle();
        var stats = result.getPrimaryResult().getStatistics();
        double p50 = stats.getPercentile(50);
        double p99 = stats.getPercentile(99);
        double alloc = secondary(result, "gc.alloc.rate.norm") / 1024.0;
        put(variant, "assess_p50_us", round(p50));
        put(variant, "assess_p99_us", round(p99));
        put(variant, "assess_p999_us", round(stats.getPercentile(99.9)));
        put(variant, "alloc_kib_per_assessment", round(alloc));
        row(variant, "assess_p50_us", p50, "us", "one thread, warm, explanation on, over the case mix (JMH SampleTime)");
        row(variant, "assess_p99_us", p99, "us", "");
        row(variant, "alloc_kib_per_assessment", alloc, "KiB", "JMH gc.alloc.rate.norm");
    }

    private void throughput(Variant variant) {
        for (int threads : new int[] {1, 2}) {
            double score = throughput(variant, AssessBenchmark.class.getName() + ".assess", threads);
            put(variant, "throughput_" + threads + "t", whole(score));
            row(variant, "throughput_" + threads + "t", score, "/s", "assessments per second, " + threads
                    + (threads == 1 ? " thread" : " threads") + " (JMH Throughput)");
        }
    }

    /** The throughput, or NaN when the benchmark failed (a lever that breaks the engine must not hide the rest). */
    private double throughput(Variant variant, String benchmark, int threads) {
        try {
            RunResult result = new Runner(jmh(variant, benchmark).mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)
                    .threads(threads).build()).runSingle();
            return result.getPrimaryResult().getScore();
        } catch (RunnerException e) {
            System.out.println("FAILED: " + benchmark + " on " + threads + " threads with " + variant.describe()
                    + ": " + e.getMessage() + " (the benchmark's output above says why)");
            failures.add(benchmark.substring(benchmark.lastIndexOf('.') + 1) + " " + threads + "t " + variant.name());
            return Double.NaN;
        }
    }

    /** The I/O floor and the assessed batch path against it, on two threads. */
    private void io(Variant variant) {
        String bench = IoFloorBenchmark.class.getName();
        double floor = throughput(variant, bench + ".ioFloor", 2);
        double full = throughput(variant, bench + ".assessedFull", 2);
        double compact = throughput(variant, bench + ".assessedCompact", 2);
        put(variant, "io_floor_2t", whole(floor));
        put(variant, "io_assessed_full_2t", whole(full));
        put(variant, "io_assessed_compact_2t", whole(compact));
        put(variant, "io_ratio_full", Double.isNaN(full / floor) ? null : Math.round(full / floor * 1000) / 1000.0);
        put(variant, "io_ratio_compact", Double.isNaN(compact / floor) ? null
                : Math.round(compact / floor * 1000) / 1000.0);
        row(variant, "io_floor_2t", floor, "/s", "read a case line, write a fixed full assessment (no rules), 2 threads");
        row(variant, "io_assessed_full_2t", full, "/s", "read, assess, write the full assessment, 2 threads");
        row(variant, "io_assessed_compact_2t", compact, "/s", "read, assess, write the compact assessment, 2 threads");
        row(variant, "io_ratio_full", full / floor, "", "assessed full / I/O floor (target >= 0.5)");
        row(variant, "io_ratio_compact", compact / floor, "", "assessed compact / I/O floor");
    }

    private static double secondary(RunResult result, String label) {
        Result<?> r = result.getSecondaryResults().get(label);
        if (r == null) {
            throw new IllegalStateException("JMH gave no " + label + "; results: " + result.getSecondaryResults().keySet());
        }
        return r.getScore();
    }

    // ---- batch: a generated population through the command line -----------------------------------------------------

    /**
     * {@code legcds batch} on a generated population (PopulationGenerator, seed 42) at both detail levels, wall time
     * and peak RSS from {@code /usr/bin/time -v}; the compact level also on a tenth of the cases, to show memory does
     * not grow with the input. A and B alternate run by run.
     */
    private void batch() throws IOException {
        String given = System.getProperty("bench.batch.cases", "");
        long cases = given.isBlank() ? quick ? 100_000 : 1_000_000 : Long.parseLong(given);
        Path population = population(cases);
        Path tenth = population(cases / 10);
        String size = cases % 1_000_000 == 0 ? cases / 1_000_000 + "m" : cases % 1000 == 0 ? cases / 1000 + "k"
                : String.valueOf(cases);
        for (String detail : List.of("compact", "full")) {
            for (Variant variant : variants) {
                Map<String, Double> run = batchRun(variant, population, detail);
                put(variant, "batch_" + size + "_" + detail + "_wall_s", round(run.get("wall")));
                put(variant, "batch_" + size + "_" + detail + "_peak_rss_mib", round(run.get("rss")));
                row(variant, "batch_" + size + "_" + detail + "_wall_s", run.get("wall"), "s", String.format(
                        "legcds batch --detail %s, %,d cases, -Xmx256m, -o /dev/null: %,.0f cases/s, %.0f%% CPU",
                        detail, cases, cases / run.get("wall"), run.get("cpu")));
                row(variant, "batch_" + size + "_" + detail + "_peak_rss_mib", run.get("rss"), "MiB",
                        "peak resident set (/usr/bin/time -v)");
            }
        }
        for (Variant variant : variants) {
            Map<String, Double> small = batchRun(variant, tenth, "compact");
            put(variant, "batch_tenth_compact_peak_rss_mib", round(small.get("rss")));
            row(variant, "batch_tenth_compact_peak_rss_mib", small.get("rss"), "MiB", String.format(
                    "the same, compact, on %,d cases (memory flat: about the same peak)", cases / 10));
        }
    }

    private Path population(long cases) throws IOException {
        Path file = Path.of("target/bench/population-" + cases + "-seed42.ndjson");
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
                new PopulationGenerator(42, 0).write(cases, out);
            }
            Files.move(partial, file);
        }
        return file;
    }

    private Map<String, Double> batchRun(Variant variant, Path population, String detail) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        command.addAll(variant.java(javaExecutable(), "-Xmx256m", "-jar", variant.jar().toString(), "batch",
                population.toString(), "-o", "/dev/null", "--quiet", "--detail", detail));
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            for (String line : err.lines().map(String::trim).toList()) {
                if (line.startsWith("Elapsed (wall clock) time")) {
                    String[] clock = line.substring(line.lastIndexOf(' ') + 1).split(":");
                    double seconds = 0;
                    for (String part : clock) {
                        seconds = seconds * 60 + Double.parseDouble(part);
                    }
                    figures.put("wall", seconds);
                } else if (line.startsWith("Maximum resident set size")) {
                    figures.put("rss", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1024);
                } else if (line.startsWith("Percent of CPU")) {
                    figures.put("cpu", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).replace("%", "")));
                }
            }
            if (figures.size() != 3) {
                throw new IllegalStateException("unexpected /usr/bin/time output: " + err);
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- targets and A/B ratios --------------------------------------------------------------------------------------

    /** The targets of issue 14, each beside its figure; written under {@code targets}. */
    private void targets() {
        Map<String, Object> targets = new LinkedHashMap<>();
        target(targets, "assess_p50_us", "<=", 25);
        target(targets, "assess_p99_us", "<=", 100);
        target(targets, "throughput_2t", ">=", 80_000);
        target(targets, "alloc_kib_per_assessment", "<=", 20);
        target(targets, summary.containsKey("startup_ms_launcher") ? "startup_ms_launcher" : "startup_ms_packaged",
                "<=", 500);
        summary.keySet().stream().filter(k -> k.matches("batch_1m_(compact|full)_wall_s")).toList()
                .forEach(k -> target(targets, k, "<=", 30));
        target(targets, "io_ratio_full", ">=", 0.5);
        target(targets, "io_ratio_compact", ">=", 0.5);
        summary.put("targets", targets);
    }

    private void target(Map<String, Object> targets, String key, String relation, double bound) {
        Object value = summary.get(key);
        if (!(value instanceof Number number)) {
            return;
        }
        boolean met = relation.equals("<=") ? number.doubleValue() <= bound : number.doubleValue() >= bound;
        targets.put(key, Map.of("target", relation + " " + (bound == Math.rint(bound) ? String.valueOf((long) bound)
                : String.valueOf(bound)), "measured", number, "met", met));
    }

    /** B over A for every figure measured for both. */
    private void ratios() {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String key : List.copyOf(summary.keySet())) {
            Object b = summary.get(key + "_b");
            if (summary.get(key) instanceof Number a && b instanceof Number bb && a.doubleValue() != 0) {
                ratios.put(key, Math.round(bb.doubleValue() / a.doubleValue() * 1000) / 1000.0);
            }
        }
        summary.put("ab_ratio_b_over_a", ratios);
        ratios.forEach((key, ratio) -> table.add(new String[] {key + " B/A", String.format("%.3f", (Double) ratio),
                "", "", ""}));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** One build or setting under test: JVM arguments and the command-line jar. */
    record Variant(String name, List<String> jvmArgs, Path jar) {

        static final Variant A = new Variant("A", List.of(), CLI_JAR);

        static List<Variant> fromProperties() {
            Variant a = new Variant("A", args(System.getProperty("bench.a", "")), CLI_JAR);
            String b = blankToNull(System.getProperty("bench.b"));
            String bJar = blankToNull(System.getProperty("bench.b.jar"));
            if (b == null && bJar == null) {
                return List.of(a);
            }
            return List.of(a, new Variant("B", args(b == null ? "" : b), bJar == null ? CLI_JAR : Path.of(bJar)));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }

        private static List<String> args(String text) {
            return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
        }

        boolean isA() {
            return name.equals("A");
        }

        String suffix() {
            return isA() ? "" : "_b";
        }

        List<String> java(String java, String... arguments) {
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmArgs);
            command.addAll(List.of(arguments));
            return command;
        }

        String describe() {
            return (jvmArgs.isEmpty() ? "(no extra JVM arguments)" : String.join(" ", jvmArgs)) + ", " + jar;
        }
    }

    private void put(Variant variant, String key, Object value) {
        summary.put(key + variant.suffix(), value);
    }

    private void row(Variant variant, String name, double value, String unit, String how) {
        String formatted = Math.abs(value) >= 100 ? String.format("%,.0f", value) : Math.abs(value) >= 1
                ? String.format("%.1f", value) : String.format("%.3f", value);
        table.add(new String[] {name + (variant.isA() ? "" : " [B]"), formatted, unit, how,
                String.format("%.1f", loadAverage())});
    }

    private void print() {
        System.out.println();
        System.out.printf("legcds benchmarks: %s rules, %s cases, %s CPUs, %s%s%n", summary.get("rules"),
                summary.get("cases"), summary.get("cpus"), summary.get("java"), quick ? " (QUICK: rough figures)" : "");
        System.out.printf("load average: %.2f at start, %.2f at end (figures are noisy when the machine is busy)%n",
                (Double) summary.get("load_average_at_start"), (Double) summary.get("load_average_at_end"));
        if (variants.size() > 1) {
            System.out.println("A/B: A = " + variants.get(0).describe() + "; B = " + variants.get(1).describe());
        }
        if (!failures.isEmpty()) {
            System.out.println("FAILED (no figure): " + String.join(", ", failures));
        }
        System.out.printf("%-36s %10s %-4s %5s  %s%n", "metric", "value", "", "load", "how");
        for (String[] r : table) {
            System.out.printf("%-36s %10s %-4s %5s  %s%n", r[0], r[1], r[2], r[4], r[3]);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> targets = (Map<String, Map<String, Object>>) summary.get("targets");
        System.out.println();
        System.out.println("targets (issue 14):");
        targets.forEach((key, t) -> System.out.printf("  %-34s %-10s measured %-10s %s%n", key, t.get("target"),
                t.get("measured"), Boolean.TRUE.equals(t.get("met")) ? "met" : "NOT MET"));
    }

    /** The one-minute system load average, recorded beside every figure (the machine may be shared). */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String codeSource() {
        try {
            return Path.of(StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out.lines().reduce((a, b) -> b).orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code key=number key=number ...}. */
    private static Map<String, Double> parse(String line) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : line.trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalStateException("unexpected probe output: " + line);
            }
            values.put(kv[0], Double.parseDouble(kv[1]));
        }
        return values;
    }

    private interface Measure<T> {
        T once();
    }

    private static <T> List<T> repeat(int times, Measure<T> measure) {
        List<T> results = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            results.add(measure.once());
        }
        return results;
    }

    private static double median(List<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A whole number, or null (written as JSON null) for a figure that could not be measured. */
    private static Long whole(double value) {
        return Double.isNaN(value) ? null : Math.round(value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
