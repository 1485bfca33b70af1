package org.legcds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.legcds.LegCds;
import org.legcds.assessment.RuleRef;
import org.legcds.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Run scenarios and report, per rule, how many scenarios fire it and which; then the totals "
                + "(rules, fired, percentage, never fired). Whether a scenario passes does not matter here: "
                + "'legcds test' says that."})
final class CoverageCommand implements Callable<Integer> {

    enum Format { TEXT, CSV, MARKDOWN }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<scenarios>", description = "Scenario files and folders, e.g. scenarios/")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            converter = FormatConverter.class, description = "text (default), csv or markdown.")
    Format format;

    @Option(names = "--rules", paramLabel = "<rules-dir>",
            description = "Compile and use the rules in this directory instead of the packaged ones.")
    Path rulesDir;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a format: text, csv or markdown");
            }
        }
    }

    @Override
    public Integer call() {
        LegCds engine = Engines.load(rulesDir);
        ScenarioInputs inputs = ScenarioInputs.read(paths, engine.vocabulary());
        Coverage coverage = Coverage.of(engine.rules(), new ScenarioRunner(engine).run(inputs.scenarios()));
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case CSV -> csv(out, coverage);
            case MARKDOWN -> markdown(out, coverage);
            default -> text(out, coverage);
        }
        inputs.problems().forEach(p -> spec.commandLine().getErr().println("legcds: " + p));
        return inputs.problems().isEmpty() ? Main.OK : Main.BAD_INPUT;
    }

    private static String totals(Coverage c) {
        return String.format(java.util.Locale.ROOT, "%d scenarios; %d rules, %d fired (%s%%), %d never fired",
                c.scenarios(), c.rules().size(), c.fired(), c.percent(), c.rules().size() - c.fired());
    }

    private static void text(PrintWriter out, Coverage c) {
        int id = Math.max(4, c.rules().stream().mapToInt(r -> r.id().length()).max().orElse(0));
        String row = "%-" + id + "s  %9s  %s";
        out.println(String.format(row, "RULE", "SCENARIOS", "WHICH").stripTrailing());
        for (RuleRef rule : c.rules()) {
            List<String> names = c.byRule().get(rule.id());
            out.println(String.format(row, rule.id(), names.size(), names.isEmpty() ? "NEVER FIRED"
                    : String.join(", ", names)).stripTrailing());
        }
        out.println();
        out.println(totals(c));
    }

    private static void csv(PrintWriter out, Coverage c) {
        out.println("rule,name,scenarios,which");
        for (RuleRef rule : c.rules()) {
            List<String> names = c.byRule().get(rule.id());
            out.println(csv(rule.id()) + "," + csv(rule.name()) + "," + names.size() + "," + csv(String.join(";", names)));
        }
    }

    /** A CSV field (RFC 4180), quoted when needed; a leading formula character is defused for spreadsheets. */
    static String csv(String text) {
        String value = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static void markdown(PrintWriter out, Coverage c) {
        out.println("# Rule coverage");
        out.println();
        out.println(totals(c) + ".");
        out.println();
        out.println("| Rule | Name | Scenarios | Which |");
        out.println("| --- | --- | ---: | --- |");
        for (RuleRef rule : c.rules()) {
            List<String> names = c.byRule().get(rule.id());
            out.println("| " + cell(rule.id()) + " | " + cell(rule.name()) + " | " + names.size() + " | "
                    + (names.isEmpty() ? "**never fired**" : cell(String.join(", ", names))) + " |");
        }
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
