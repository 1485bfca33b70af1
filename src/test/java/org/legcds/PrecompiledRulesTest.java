package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;

/**
 * The packaged rules start as a precompiled executable model: loading them and assessing a patient parses no DRL and
 * generates or compiles no Java. Checked in a fresh JVM that logs every class it loads (this test JVM has long since
 * compiled rules for other tests); the same check on a rules directory must see the compiler, or the test proves
 * nothing.
 */
@DisplayName("Packaged rules load precompiled: no DRL is compiled at start-up")
class PrecompiledRulesTest {

    /** Classes that only DRL compilation loads: the DRL parser, the executable-model generator, the Java compiler. */
    private static final List<String> COMPILER_PACKAGES = List.of("org.drools.drl.parser.",
            "org.drools.model.codegen.", "org.drools.compiler.compiler.", "org.eclipse.jdt.", "com.sun.tools.javac.");

    @Test
    void loadingThePackagedRulesAndAssessingAPatientCompilesNoDrl(@TempDir Path dir) throws Exception {
        List<String> loaded = classesLoadedBy(dir, "packaged");

        assertTrue(loaded.contains("org.legcds.LegCds"), "the probe ran");
        assertTrue(loaded.stream().anyMatch(c -> c.startsWith("org.drools.modelcompiler.")), "the model was loaded");
        assertEquals(List.of(), loaded.stream().filter(PrecompiledRulesTest::compiler).toList());
    }

    @Test
    void aRulesDirectoryIsCompiledAtRunTime(@TempDir Path dir) throws Exception {
        List<String> loaded = classesLoadedBy(dir, "rules");

        assertFalse(loaded.stream().filter(PrecompiledRulesTest::compiler).toList().isEmpty(),
                "compiling a rules directory loads the DRL compiler");
    }

    private static boolean compiler(String className) {
        return COMPILER_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** Runs {@link Probe} in a fresh JVM and returns the names of every class it loaded. */
    private static List<String> classesLoadedBy(Path dir, String rules) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), rules)
                .redirectErrorStream(true).redirectOutput(dir.resolve("probe.out").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM finished");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("probe.out")));
        // lines look like: [0.123s][info][class,load] org.drools.Foo source: jar:file:...
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(line -> line.substring(line.indexOf("] ", line.indexOf("class,load")) + 2))
                .map(rest -> rest.split(" ", 2)[0])
                .toList();
    }

    /** Loads the engine ({@code packaged}, or the directory given) and assesses one patient. */
    static final class Probe {
        public static void main(String[] args) {
            LegCds engine = "packaged".equals(args[0]) ? LegCds.packaged() : LegCds.fromDirectory(Path.of(args[0]));
            var assessment = engine.assess(new Patient("probe", 70, Sex.MALE, Status.ABSENT), LocalDate.of(2026, 11, 21),
                    List.of(Finding.present("SADDLE_ANAESTHESIA")));
            if (assessment.redFlags().isEmpty()) {
                throw new IllegalStateException("the probe's assessment raised no red flag");
            }
        }
    }
}
