package org.legcds.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of legcds measured against each other in one JVM, for a machine that is never idle: each CLI jar is
 * loaded in its own class loader (so each has its own classes, JIT profile and packaged knowledge base), and rounds
 * alternate A, B, B, A, ... on the same thread, so both see the same load. Each round assesses every case of an NDJSON
 * file ({@code mix}: the benchmark's case mix, {@link BenchCases}) once ({@code LegCds.assess}, explanations on; with {@code json}, also writes the full JSON assessment) and
 * records the thread's CPU time and allocated bytes per case. The first third of the rounds is warm-up.
 *
 * <p>Prints each side's median CPU microseconds and KiB allocated per case, and the median of the per-pair ratios
 * B/A, which the load disturbs far less than either figure. CPU time still rises with the load (shared caches, the
 * other hyper-thread), so compare ratios, not absolute figures, across runs.
 *
 * <pre>
 * mvn -o -q -Pbench -DskipTests test-compile          # compiles src/bench
 * java -cp target/test-classes:target/legcds-cli.jar org.legcds.bench.JarAB A.jar B.jar mix [rounds, default 60] [json]
 * </pre>
 */
public final class JarAB {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Side(String jar, ClassLoader loader, Object engine, Method assess, Object[] cases, Object mapper,
                        Method write) {
    }

    private JarAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: JarAB <A.jar> <B.jar> <cases.ndjson | mix> [rounds] [json]");
            System.exit(2);
        }
        List<String> lines = args[2].equals("mix") ? BenchCases.lines()
                : Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        boolean json = args.length > 4 && args[4].equals("json");
        Side[] sides = {side(args[0], lines), side(args[1], lines)};
        List<List<double[]>> perRound = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            for (int s : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                Side side = sides[s];
                Thread.currentThread().setContextClassLoader(side.loader()); // Drools finds its services through it
                long cpu = THREADS.getCurrentThreadCpuTime();
                long allocated = THREADS.getCurrentThreadAllocatedBytes();
                for (Object patientCase : side.cases()) {
                    Object assessment = side.assess().invoke(side.engine(), patientCase);
                    if (json) {
                        side.write().invoke(side.mapper(), assessment);
                    }
                }
                perRound.get(s).add(new double[] {(THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / lines.size(),
                        (THREADS.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / lines.size()});
            }
        }
        int warm = rounds / 3;
        for (int s = 0; s < 2; s++) {
            List<double[]> measured = perRound.get(s).subList(warm, rounds);
            System.out.printf(Locale.ROOT, "%s %s: %.0f us CPU per case (median of %d rounds; min %.0f, max %.0f), "
                            + "%.1f KiB allocated per case%s%n", s == 0 ? "A" : "B", sides[s].jar(),
                    median(measured, 0), measured.size(), min(measured), max(measured), median(measured, 1),
                    json ? " (assess and write the full JSON)" : " (assess)");
        }
        double[] ratios = new double[rounds - warm];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = perRound.get(1).get(warm + i)[0] / perRound.get(0).get(warm + i)[0];
        }
        Arrays.sort(ratios);
        double load = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "B/A CPU per case: median %.3f (%.3f-%.3f over %d pairs of rounds); "
                + "load average at the end %.1f%n", ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1],
                ratios.length, load);
    }

    private static Side side(String jar, List<String> lines) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> legcds = loader.loadClass("org.legcds.LegCds");
        Object engine = legcds.getMethod("packaged").invoke(null);
        Method read = loader.loadClass("org.legcds.json.CaseJson").getMethod("read", String.class);
        Object[] cases = new Object[lines.size()];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = read.invoke(null, lines.get(i));
        }
        Object mapper = loader.loadClass("org.legcds.json.AssessmentJson").getMethod("mapper").invoke(null);
        return new Side(jar, loader, engine, legcds.getMethod("assess", loader.loadClass("org.legcds.facts.Case")),
                cases, mapper, mapper.getClass().getMethod("writeValueAsString", Object.class));
    }

    private static double median(List<double[]> rounds, int field) {
        double[] values = rounds.stream().mapToDouble(r -> r[field]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double min(List<double[]> rounds) {
        return rounds.stream().mapToDouble(r -> r[0]).min().orElse(Double.NaN);
    }

    private static double max(List<double[]> rounds) {
        return rounds.stream().mapToDouble(r -> r[0]).max().orElse(Double.NaN);
    }
}
