package org.legcds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code legcds} command line. Exit codes: 0 success, 1 anything unexpected, 2 bad input or usage, 3 rules that do
 * not compile, 4 scenarios that failed ({@code legcds test}), 5 rules that compile but that the safety gate refuses
 * ({@code check}, {@code assess --rules}, {@code batch --rules}). Errors are one line on stderr, never a stack trace,
 * unless {@code --debug} is given (anywhere on the command line).
 */
@Command(name = "legcds", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Clinical decision support for bilateral leg pain. It supports clinicians; it does not diagnose "
                + "patients.",
        subcommands = {AssessCommand.class, BatchCommand.class, CheckCommand.class, VocabularyCommand.class,
                TestCommand.class, RulesCommand.class, CoverageCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int BAD_INPUT = 2;
    public static final int RULES_DO_NOT_COMPILE = 3;
    public static final int SCENARIOS_FAILED = 4;
    public static final int REFUSED_BY_SAFETY_GATE = 5;

    /** The exit codes each command can return, shown in its help (commands not listed: 0, 1, 2). */
    private static final Map<String, Map<String, String>> EXIT_CODES = Map.of(
            "legcds", codes(OK, "success", UNEXPECTED, "an unexpected failure (a defect: please report it)",
                    BAD_INPUT, "bad input or usage", RULES_DO_NOT_COMPILE, "rules that do not compile",
                    SCENARIOS_FAILED, "scenarios that failed (legcds test)"),
            "assess", codes(OK, "assessed", UNEXPECTED, "an unexpected failure", BAD_INPUT,
                    "a bad case file or usage", RULES_DO_NOT_COMPILE, "--rules that do not compile",
                    REFUSED_BY_SAFETY_GATE, "--rules refused by the safety gate"),
            "batch", codes(OK, "every case assessed", UNEXPECTED, "an unexpected failure on some case", BAD_INPUT,
                    "some input was bad (each bad item has an error record; the run went on), no case at all, or usage",
                    REFUSED_BY_SAFETY_GATE, "--rules refused by the safety gate"),
            "check", codes(OK, "the rules compile", UNEXPECTED, "an unexpected failure", BAD_INPUT, "usage",
                    RULES_DO_NOT_COMPILE, "rules that do not compile (each error with its file and line)",
                    REFUSED_BY_SAFETY_GATE, "rules refused by the safety gate (each reason with its file)"),
            "test", codes(OK, "all passed", UNEXPECTED, "an unexpected failure", BAD_INPUT,
                    "a bad scenario file or folder (reported after the others ran) or usage", RULES_DO_NOT_COMPILE,
                    "--rules that do not compile", SCENARIOS_FAILED, "a scenario failed"),
            "rules", codes(OK, "ok", UNEXPECTED, "an unexpected failure", BAD_INPUT, "bad input or usage",
                    RULES_DO_NOT_COMPILE, "--rules that do not compile"),
            "coverage", codes(OK, "ok", UNEXPECTED, "an unexpected failure", BAD_INPUT,
                    "a bad scenario file or folder (reported; the others still count) or usage",
                    RULES_DO_NOT_COMPILE, "--rules that do not compile"));

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
        CommandLine commandLine = new CommandLine(new Main());
        exitCodesInHelp(commandLine);
        commandLine
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> UNEXPECTED)
                .setParameterExceptionHandler((e, arguments) -> {
                    Failure.report(e.getCommandLine().getErr(), e.getMessage());
                    UnmatchedArgumentException.printSuggestions(e, e.getCommandLine().getErr());
                    e.getCommandLine().getErr().println("Try 'legcds help' for usage.");
                    return BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, commandLine1, parseResult) -> {
                    if (e instanceof Failure failure) {
                        commandLine1.getErr().println("legcds: " + failure.getMessage());
                        return failure.exitCode();
                    }
                    Failure.report(commandLine1.getErr(), "unexpected error: " + e);
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

    /** Adds each command's exit codes to its help, in picocli's "Exit codes:" section. */
    private static void exitCodesInHelp(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        Map<String, String> codes = EXIT_CODES.getOrDefault(name, codes(OK, "success", UNEXPECTED,
                "an unexpected failure", BAD_INPUT, "bad input or usage"));
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        commandLine.getSubcommands().values().stream().distinct()
                .filter(sub -> sub.getParent() == commandLine)
                .forEach(Main::exitCodesInHelp);
    }

    private static Map<String, String> codes(Object... pairs) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            codes.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
        }
        return codes;
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

    /** The version Maven wrote into {@code org/legcds/build.properties} at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = build();
            return new String[] {"legcds " + version() + " (Drools " + build.getProperty("drools.version", "?") + ")"};
        }

        /** The version Maven wrote at build time (resource filtering), right in the jar and in target/classes. */
        static String version() {
            String version = build().getProperty("version", "");
            return version.isEmpty() || version.startsWith("${") ? "(development build)" : version;
        }

        private static Properties build() {
            Properties build = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/org/legcds/build.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                build.setProperty("version", "(version unreadable: " + e.getMessage() + ")");
            }
            return build;
        }
    }
}
