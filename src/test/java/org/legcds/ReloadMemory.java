package org.legcds;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;

/**
 * Measures memory over repeated reloads of a rules directory: each reload follows a change (a comment appended to a
 * DRL file, so the content hash changes and the whole directory is really recompiled), then assesses a case. Prints
 * heap used after full GC, metaspace used and loaded classes at checkpoints. Not a test: a figure for the README.
 *
 * <pre>
 * mvn -q -o -DskipTests package test-compile
 * java -Xmx1g -cp target/legcds-cli.jar:target/test-classes org.legcds.ReloadMemory rules 30
 * </pre>
 */
public final class ReloadMemory {

    private static final Set<Integer> CHECKPOINTS = Set.of(1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100);

    private ReloadMemory() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/legcds/cli/logback-cli.xml");
        }
        Path source = Path.of(args.length > 0 ? args[0] : "rules").toAbsolutePath();
        int reloads = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path rules = Clinic.copyTree(source, Files.createTempDirectory("legcds-reload-memory").resolve("rules"));
        Path edited = Files.walk(rules).filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        Case patientCase = new Case(new Patient("memory-check", 60, Sex.MALE, Status.ABSENT), LocalDate.of(2026, 11, 21),
                List.of(Finding.present("SADDLE_ANAESTHESIA")));

        ReloadableEngine engine = ReloadableEngine.fromDirectory(rules);
        engine.assess(patientCase);
        System.out.printf("rules: %s (%d rules), edited file: %s%n", source, engine.knowledgeBase().rules(),
                rules.relativize(edited));
        System.out.printf("%8s %14s %16s %15s %14s %10s%n", "reloads", "heap MiB (GC)", "metaspace MiB", "loaded classes",
                "unloaded", "reload s");
        report(0, 0);
        for (int i = 1; i <= reloads; i++) {
            Files.writeString(edited, "\n// reload " + i + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            long start = System.nanoTime();
            ReloadResult result = engine.reload();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.swapped()) {
                throw new IllegalStateException("reload " + i + " did not swap: " + result);
            }
            engine.assess(patientCase);
            if (CHECKPOINTS.contains(i) || i == reloads) {
                report(i, seconds);
            }
        }
    }

    private static void report(int reloads, double seconds) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace")).mapToLong(pool -> pool.getUsage().getUsed())
                .sum();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        System.out.printf("%8d %14.1f %16.1f %15d %14d %10.2f%n", reloads,
                memory.getHeapMemoryUsage().getUsed() / 1048576.0, metaspace / 1048576.0, classes.getLoadedClassCount(),
                classes.getUnloadedClassCount(), seconds);
    }
}
