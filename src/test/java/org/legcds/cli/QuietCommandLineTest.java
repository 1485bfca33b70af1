package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drools' own chatter stays off the user's terminal: the command line runs in a JVM of its own (as a user runs it, with
 * its own logging configuration) and its stderr is checked. {@link CliTest} cannot see this, because logging writes to
 * the process's {@code System.err}, not to the writer it hands {@link Main#run}.
 */
@DisplayName("The command line prints nothing from Drools")
class QuietCommandLineTest {

    @TempDir
    Path tmp;

    @Test
    void assessingAnExamplePrintsTheAssessmentAndNothingOnStderr() throws Exception {
        Run run = legcds("assess", "examples/cases/cauda-equina.json");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("URGENCY: EMERGENCY"), run::toString);
        assertEquals("", run.err(), "nothing on stderr");
    }

    @Test
    void compilingRulesPrintsNoCompilerLog() throws Exception {
        // a part of the knowledge base, to keep the test quick: the compiler is the same for any size
        Path rules = tmp.resolve("rules");
        for (String file : List.of("knowledge-base.yaml", "4-red-flags/cauda-equina.drl", "2-claudication/type.drl")) {
            Files.createDirectories(rules.resolve(file).getParent());
            Files.copy(Path.of("rules", file), rules.resolve(file));
        }
        org.legcds.Clinic.copyTree(Path.of("rules", "vocabulary"), rules.resolve("vocabulary")); // the ids the rules name
        // (`rules` compiles without the safety gate, which a part of the knowledge base would not pass)
        Run run = legcds("rules", "--rules", rules);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("ID "), run::toString);
        assertEquals("", run.err(), "nothing on stderr");
    }

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    /** Runs {@code java org.legcds.cli.Main args} on the test classpath, in the project directory. */
    private Run legcds(Object... args) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "org.legcds.cli.Main"));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("legcds " + List.of(args) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
