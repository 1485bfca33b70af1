package org.legcds.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell-completion script for legcds (bash; zsh with bashcompinit), generated from the "
                + "commands and options of this build.",
                "Install for the current shell:  source <(legcds completion)",
                "or for every shell:  legcds completion > /etc/bash_completion.d/legcds"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("legcds", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
