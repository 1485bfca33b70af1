package org.legcds.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.json.CaseJson;

/**
 * Run in a fresh JVM by {@link Benchmarks}: where the start-up time goes, in-process. Prints one line
 * {@code main=<ms> load=<ms> first=<ms>}: JVM uptime when {@code main} starts, the time to load the engine, and the
 * time of the first assessment (reading the case included).
 *
 * <p>Usage: {@code StartupProbe packaged|<rules-dir> <case.json>}.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        double atMain = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        LegCds engine = "packaged".equals(args[0]) ? LegCds.packaged() : LegCds.fromDirectory(Path.of(args[0]));
        long t1 = System.nanoTime();
        Case patientCase = CaseJson.read(Files.readString(Path.of(args[1])));
        Assessment assessment = engine.assess(patientCase);
        long t2 = System.nanoTime();
        if (assessment.trace().isEmpty()) {
            throw new IllegalStateException("no rule fired");
        }
        System.out.printf("main=%.1f load=%.1f first=%.1f%n", atMain, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
}
