package org.legcds.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * comma-separated subset of {@code startup,heap,latency,throughput}.
 */
public final class Benchmarks {

    static final Path CLI_JAR = Path.of("target/legcds-cli.jar");
    static final Path SUMMARY = Path.of("target/bench/summary.json");
    static final String STARTUP_CASE = "examples/cases/vascular-claudication.json";
    /** The benchmark JVMs' heap: fixed, so that heap sizing does not vary between runs. */
    static final String[] JVM_ARGS = {"-Xms2g", "-Xmx2g"};

    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final Set<String> parts = Set.of(System.getProperty("bench.parts", "startup,heap,latency,throughput")
            .split(","));
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();

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
        summary.put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        summary.put("quick", quick);
        if (parts.contains("startup")) {
            startup();
        }
        if (parts.contains("heap")) {
            heap();
        }
        if (parts.contains("latency")) {
            latency();
        }
        if (parts.contains("throughput")) {
            throughput();
        }
        summary.put("load_average_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        summary.put("bench_seconds", Math.round((System.nanoTime() - began) / 1e9));
        print();
        Files.createDirectories(SUMMARY.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(SUMMARY.toFile(), summary);
        System.out.println("written " + SUMMARY);
    }

    // ---- start-up: fresh JVMs ------------------------------------------------------------------------------------

    private void startup() throws IOException, InterruptedException {
        if (!Files.isRegularFile(CLI_JAR)) {
            throw new IllegalStateException(CLI_JAR + " is missing: run `mvn -Pbench -DskipTests verify`");
        }
        int runs = quick ? 3 : 7;
        String java = javaExecutable();
        List<String> packaged = List.of(java, "-jar", CLI_JAR.toString(), "assess", STARTUP_CASE);
        List<String> directory = List.of(java, "-jar", CLI_JAR.toString(), "assess", STARTUP_CASE, "--rules", "rules");
        time(packaged); // once unmeasured, so the jar is in the OS file cache for every measured run
        double packagedMs = median(repeat(runs, () -> time(packaged))) / 1e6;
        double directoryMs = median(repeat(quick ? 1 : 3, () -> time(directory))) / 1e6;
        summary.put("startup_ms_packaged", round(packagedMs));
        summary.put("startup_ms_directory", round(directoryMs));
        row("startup_ms_packaged", packagedMs, "ms", "java -jar legcds-cli.jar assess <case>: spawn to exit, median of "
                + runs + " JVMs");
        row("startup_ms_directory", directoryMs, "ms", "same with --rules rules (compiles the DRL), median of "
                + (quick ? 1 : 3) + " JVMs");

        // the same with an application class-data-sharing archive of the classes the CLI loads (JDK 13+)
        Path archive = Path.of("target/bench/legcds-cli.jsa");
        Files.createDirectories(archive.getParent());
        Files.deleteIfExists(archive);
        time(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-jar", CLI_JAR.toString(), "assess", STARTUP_CASE));
        List<String> withArchive = List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar",
                CLI_JAR.toString(), "assess", STARTUP_CASE);
        time(withArchive);
        double cdsMs = median(repeat(runs, () -> time(withArchive))) / 1e6;
        summary.put("startup_ms_packaged_appcds", round(cdsMs));
        row("startup_ms_packaged_appcds", cdsMs, "ms", "same as packaged, with -XX:SharedArchiveFile (AppCDS), median of "
                + runs + " JVMs");

        // where the time goes, inside the JVM
        String classpath = CLI_JAR + File.pathSeparator + codeSource();
        List<String> probe = List.of(java, "-Dlogback.configurationFile=org/legcds/cli/logback-cli.xml", "-cp",
                classpath, StartupProbe.class.getName(), "packaged", STARTUP_CASE);
        List<Map<String, Double>> probes = repeat(runs, () -> parse(output(probe)));
        double atMain = median(probes.stream().map(p -> p.get("main")).toList());
        double load = median(probes.stream().map(p -> p.get("load")).toList());
        double first = median(probes.stream().map(p -> p.get("first")).toList());
        summary.put("startup_inprocess", Map.of("jvm_to_main_ms", round(atMain), "load_packaged_ms", round(load),
                "first_assessment_ms", round(first)));
        row("  jvm to main()", atMain, "ms", "JVM uptime when main starts (median)");
        row("  LegCds.packaged()", load, "ms", "loading the precompiled knowledge base, in-process (median)");
        row("  first assessment", first, "ms", "reading the case and the first assess(), in-process (median)");
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
        row("kiebase_heap_mib", retained, "MiB", "heap one more loaded packaged knowledge base keeps (after full GCs)");
        row("  first load", first, "MiB", "heap added by the first load (knowledge base + Drools' one-time state)");
    }

    // ---- JMH --------------------------------------------------------------------------------------------------------

    private ChainedOptionsBuilder jmh() {
        return new OptionsBuilder()
                .include(AssessBenchmark.class.getName() + ".assess")
                .forks(1)
                .jvmArgs(JVM_ARGS)
                .warmupIterations(quick ? 2 : 4).warmupTime(TimeValue.seconds(quick ? 2 : 5))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 2 : 5))
                .verbosity(VerboseMode.NORMAL);
    }

    private void latency() throws RunnerException {
        RunResult result = new Runner(jmh().mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS).threads(1)
                .addProfiler(GCProfiler.class).build()).runSingle();
        var stats = result.getPrimaryResult().getStatistics();
        double p50 = stats.getPercentile(50);
        double p99 = stats.getPercentile(99);
        double alloc = secondary(result, "gc.alloc.rate.norm") / 1024.0;
        summary.put("assess_p50_us", round(p50));
        summary.put("assess_p99_us", round(p99));
        summary.put("assess_p999_us", round(stats.getPercentile(99.9)));
        summary.put("alloc_kib_per_assessment", round(alloc));
        row("assess_p50_us", p50, "us", "one thread, warm, explanation on, over the case mix (JMH SampleTime)");
        row("assess_p99_us", p99, "us", "");
        row("alloc_kib_per_assessment", alloc, "KiB", "JMH gc.alloc.rate.norm");
    }

    private void throughput() throws RunnerException {
        for (int threads : new int[] {1, 2}) {
            RunResult result = new Runner(jmh().mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).threads(threads)
                    .build()).runSingle();
            double score = result.getPrimaryResult().getScore();
            summary.put("throughput_" + threads + "t", Math.round(score));
            row("throughput_" + threads + "t", score, "/s", "assessments per second, " + threads
                    + (threads == 1 ? " thread" : " threads") + " (JMH Throughput)");
        }
    }

    private static double secondary(RunResult result, String label) {
        Result<?> r = result.getSecondaryResults().get(label);
        if (r == null) {
            throw new IllegalStateException("JMH gave no " + label + "; results: " + result.getSecondaryResults().keySet());
        }
        return r.getScore();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private void row(String name, double value, String unit, String how) {
        table.add(new String[] {name, value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value), unit,
                how});
    }

    private void print() {
        System.out.println();
        System.out.printf("legcds benchmarks: %s rules, %s cases, %s CPUs, %s%s%n", summary.get("rules"),
                summary.get("cases"), summary.get("cpus"), summary.get("java"), quick ? " (QUICK: rough figures)" : "");
        System.out.printf("load average: %.2f at start, %.2f at end (figures are noisy when the machine is busy)%n",
                (Double) summary.get("load_average_at_start"), (Double) summary.get("load_average_at_end"));
        System.out.printf("%-28s %10s %-4s %s%n", "metric", "value", "", "how");
        for (String[] r : table) {
            System.out.printf("%-28s %10s %-4s %s%n", (Object[]) r);
        }
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

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
