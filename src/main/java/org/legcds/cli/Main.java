package org.legcds.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code legcds} command line. Exit codes: 0 success, 1 anything unexpected, 2 bad input or usage, 3 rules that do
 * not compile, 4 scenarios that failed ({@code legcds test}). Errors are one line on stderr, never a stack trace,
 * unless {@code --debug} is given (anywhere on the command line).
 */
@Command(name = "legcds", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Clinical decision support for bilateral leg pain. It supports clinicians; it does not diagnose "
                + "patients.",
        subcommands = {AssessCommand.class, BatchCommand.class, CheckCommand.class, VocabularyCommand.class,
                TestCommand.class, RulesCommand.class, CoverageCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int BAD_INPUT = 2;
    public static final int RULES_DO_NOT_COMPILE = 3;
    public static final int SCENARIOS_FAILED = 4;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error (never needed for bad input; for bug reports).")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/legcds/cli/logback-cli.xml");
        }
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> UNEXPECTED)
                .setParameterExceptionHandler((e, arguments) -> {
                    e.getCommandLine().getErr().println("legcds: " + e.getMessage());
                    e.getCommandLine().getErr().println("Try 'legcds help' for usage.");
                    return BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, commandLine1, parseResult) -> {
                    if (e instanceof Failure failure) {
                        commandLine1.getErr().println("legcds: " + failure.getMessage());
                        return failure.exitCode();
                    }
                    commandLine1.getErr().println("legcds: unexpected error: " + e);
                    if (debug(commandLine1.getCommandSpec())) {
                        e.printStackTrace(commandLine1.getErr());
                    } else {
                        commandLine1.getErr().println("(run with --debug for the stack trace)");
                    }
                    return UNEXPECTED;
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Whether {@code --debug} was given to this command or a parent (or {@code -Dlegcds.debug=true} is set). */
    static boolean debug(CommandSpec spec) {
        if (Boolean.getBoolean("legcds.debug")) {
            return true;
        }
        for (CommandSpec command = spec; command != null; command = command.parent()) {
            ParseResult parsed = command.commandLine() == null ? null : command.commandLine().getParseResult();
            if (parsed != null && parsed.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** With {@code --debug}, the stack trace of an error a command has already reported in one line. */
    static void debugTrace(CommandSpec spec, Throwable error) {
        if (error != null && debug(spec)) {
            error.printStackTrace(spec.commandLine().getErr());
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"legcds " + (version == null ? "(development build)" : version)};
        }
    }
}
