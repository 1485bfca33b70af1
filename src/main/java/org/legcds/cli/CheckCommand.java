package org.legcds.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.legcds.LegCds;
import org.legcds.RuleCompilationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile a rules directory and report every error with its file and line (exit 3 on errors).")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<rules-dir>", description = "The rules directory, e.g. rules/")
    Path rulesDir;

    @Override
    public Integer call() {
        try {
            LegCds engine = LegCds.fromDirectory(rulesDir);
            spec.commandLine().getOut().printf("OK: %d rules compiled from %s (%s, version %s, %s)%n",
                    engine.rules().size(), rulesDir, engine.knowledgeBase().contentHash(),
                    engine.knowledgeBase().version(), engine.knowledgeBase().status());
            return Main.OK;
        } catch (RuleCompilationException e) {
            spec.commandLine().getErr().println("legcds: " + e.getMessage());
            return Main.RULES_DO_NOT_COMPILE;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("legcds: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
