package org.legcds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.legcds.LegCds;
import org.legcds.problems.Escaping;
import org.legcds.scenario.Scenario;
import org.legcds.scenario.ScenarioResult;
import org.legcds.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run clinical scenarios (scenarios/README.md), given as files and folders, against the rules and "
                + "print a pass/fail table, then 'N passed, M failed'. A bad scenario file is reported and the others "
                + "still run."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<scenarios>",
            description = "Scenario files and folders, e.g. scenarios/ or scenarios/red-flags/saddle-anaesthesia-alone.yaml")
    List<Path> paths;

    @Option(names = "--rules", paramLabel = "<rules-dir>",
            description = "Compile and use the rules in this directory instead of the packaged ones.")
    Path rulesDir;

    @Option(names = {"-v", "--verbose"}, description = "List every unmet expectation of each failed scenario.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LegCds engine = Engines.load(rulesDir, false); // trying an edited copy is what this is for
        ScenarioInputs inputs = ScenarioInputs.read(paths, engine.vocabulary());
        List<Scenario> scenarios = inputs.scenarios();
        if (scenarios.isEmpty()) {
            inputs.problems().forEach(p -> spec.commandLine().getErr().println("legcds: " + p));
            return fail(Main.BAD_INPUT, "no scenario could be read from " + paths.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
        }
        List<ScenarioResult> results = new ScenarioRunner(engine).run(scenarios);

        int width = Math.max("SCENARIO".length(), results.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String row = "%-" + width + "s  %-6s  %s";
        out.printf("legcds test: %d scenarios in %s against %s %s (%s)%n%n", results.size(),
                Escaping.inline(paths.stream().map(Path::toString).collect(Collectors.joining(", "))),
                Escaping.inline(engine.knowledgeBase().name()), Escaping.inline(engine.knowledgeBase().version()),
                rulesDir == null ? "packaged rules" : "rules from " + Escaping.inline(rulesDir.toString()));
        line(out, row, "SCENARIO", "RESULT", "FIRST FAILURE");
        int failed = 0;
        for (ScenarioResult result : results) {
            if (result.passed()) {
                line(out, row, result.name(), "PASS", "");
                continue;
            }
            failed++;
            int more = result.failures().size() - 1;
            line(out, row, result.name(), "FAIL", result.firstFailure().orElse("")
                    + (more > 0 && !verbose ? " (+" + more + " more)" : ""));
            if (verbose) {
                result.messages().stream().skip(1).forEach(m -> line(out, row, "", "", m));
            }
        }
        out.println();
        out.println((results.size() - failed) + " passed, " + failed + " failed"
                + (inputs.problems().isEmpty() ? "" : ", " + inputs.problems().size() + " bad file"
                + (inputs.problems().size() == 1 ? "" : "s") + " not run"));
        inputs.problems().forEach(p -> spec.commandLine().getErr().println("legcds: " + p));
        if (!inputs.problems().isEmpty()) {
            return Main.BAD_INPUT;
        }
        return failed == 0 ? Main.OK : Main.SCENARIOS_FAILED;
    }

    private static void line(PrintWriter out, String row, String scenario, String result, String failure) {
        out.println(String.format(row, Escaping.inline(scenario), result, Escaping.inline(failure)).stripTrailing());
    }

    private int fail(int code, String message) {
        Failure.report(spec.commandLine().getErr(), message);
        return code;
    }
}
