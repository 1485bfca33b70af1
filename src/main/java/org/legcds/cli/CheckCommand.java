package org.legcds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.legcds.LegCds;
import org.legcds.engine.SafetyGate;
import org.legcds.problems.Escaping;
import org.legcds.problems.RuleCompilationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compile a rules directory and pass it through the safety gate: every error with its file and "
                + "line.",
                "The gate: every red-flag check has a rule that raises it and one that leaves it open; the rules match "
                        + SafetyGate.MANIFEST + " (rules per file, red-flag rules per check); with --scenarios, every "
                        + "scenario passes.",
                "Exit codes: 0 ok, 3 rules that do not compile, 5 refused by the safety gate, 2 a bad directory."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<rules-dir>", description = "The rules directory, e.g. rules/")
    Path rulesDir;

    @Option(names = "--scenarios", paramLabel = "<scenario-dir>",
            description = "Also run the clinical scenarios of this directory; any failure refuses the rules.")
    Path scenarios;

    @Option(names = "--update-manifest",
            description = "After a deliberate change: write " + SafetyGate.MANIFEST + " from the rules as they are "
                    + "(review its diff like a rule change), then check.")
    boolean updateManifest;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (updateManifest) {
            Engines.load(rulesDir, false); // never write the manifest of rules that do not compile
            Path file = SafetyGate.writeManifest(rulesDir);
            out.println("Wrote " + Escaping.inline(file.toString()) + "; review its diff before committing it");
        }
        LegCds engine = Engines.load(rulesDir);
        if (scenarios != null) {
            List<RuleCompilationException.Error> failing = SafetyGate.scenarioProblems(engine, scenarios);
            if (!failing.isEmpty()) {
                StringBuilder text = new StringBuilder("knowledge base refused by the safety gate (" + failing.size()
                        + " scenario" + (failing.size() == 1 ? "" : "s") + " fail):");
                failing.forEach(e -> text.append(System.lineSeparator()).append("  ").append(e));
                throw Failure.lines(Main.REFUSED_BY_SAFETY_GATE, text.toString());
            }
        }
        out.printf("OK: %d rules compiled from %s (%s, version %s, %s); safety gate passed (red-flag checks, %s%s)%n",
                engine.rules().size(), Escaping.inline(rulesDir.toString()), engine.knowledgeBase().contentHash(),
                Escaping.inline(engine.knowledgeBase().version()), Escaping.inline(engine.knowledgeBase().status()),
                SafetyGate.MANIFEST, scenarios == null ? "" : ", scenarios in " + Escaping.inline(scenarios.toString()));
        return Main.OK;
    }
}
