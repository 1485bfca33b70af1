package org.legcds.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.legcds.LegCds;
import org.legcds.facts.Escaping;
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
        LegCds engine = Engines.load(rulesDir);
        spec.commandLine().getOut().printf("OK: %d rules compiled from %s (%s, version %s, %s)%n",
                engine.rules().size(), Escaping.inline(rulesDir.toString()), engine.knowledgeBase().contentHash(),
                Escaping.inline(engine.knowledgeBase().version()), Escaping.inline(engine.knowledgeBase().status()));
        return Main.OK;
    }
}
