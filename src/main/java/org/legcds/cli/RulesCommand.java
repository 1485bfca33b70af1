package org.legcds.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.legcds.LegCds;
import org.legcds.assessment.KnowledgeBaseInfo;
import org.legcds.assessment.RuleRef;
import org.legcds.engine.RuleSet;
import org.legcds.problems.Escaping;
import org.legcds.report.DrlRules;
import org.legcds.report.KnowledgeBaseDocument;
import org.legcds.scenario.EvidenceRegister;
import org.legcds.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Print the rule catalogue: id, name, layer (the rules/ folder of its DRL file) and source claims.",
                "With --markdown or --html, a document of the knowledge base for clinical review: each rule's "
                        + "conditions (thresholds as written in the DRL) and the claim texts of the evidence register; "
                        + "--html adds the scenarios that exercise each rule and the red-flag checks with their screens."})
final class RulesCommand implements Callable<Integer> {

    /** The evidence register used by default, when it exists in the working directory. */
    static final Path DEFAULT_SEEDS = Path.of("seeds");
    /** The scenarios run for --html by default, when they exist in the working directory. */
    static final Path DEFAULT_SCENARIOS = Path.of("scenarios");

    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "Write a Markdown document of the knowledge base for clinical review.")
    boolean markdown;

    @Option(names = "--html", description = "Write a self-contained HTML document of the knowledge base for clinical "
            + "review (rules by layer with conditions, claims and scenarios; red-flag checks and their screens).")
    boolean html;

    @Option(names = "--scenarios", paramLabel = "<scenario-dir>", description = "The scenarios whose runs --html "
            + "shows per rule (default: scenarios, if it exists).")
    Path scenariosDir;

    @Option(names = "--rules", paramLabel = "<rules-dir>",
            description = "Compile and list the rules in this directory instead of the packaged ones.")
    Path rulesDir;

    @Option(names = "--seeds", paramLabel = "<seeds-dir>",
            description = "The evidence register whose claim texts --markdown shows (default: seeds, if it exists).")
    Path seedsDir;

    @Override
    public Integer call() {
        LegCds engine = Engines.load(rulesDir, false);
        RuleSet files = rulesDir == null ? RuleLayers.packaged() : RuleSet.read(rulesDir);
        EvidenceRegister register = null;
        Path seeds = seedsDir != null ? seedsDir : Files.isDirectory(DEFAULT_SEEDS) ? DEFAULT_SEEDS : null;
        if (seeds != null) {
            try {
                register = EvidenceRegister.read(seeds);
            } catch (IllegalArgumentException e) {
                return fail(Main.BAD_INPUT, e.getMessage());
            }
        }
        Map<String, String> layers = RuleLayers.byRuleName(files.drl());
        Map<String, List<RuleRef>> byLayer = RuleLayers.group(engine.rules(),
                rule -> layers.getOrDefault(rule.name(), RuleLayers.TOP_LEVEL));
        PrintWriter out = spec.commandLine().getOut();
        if (markdown && html) {
            return fail(Main.BAD_INPUT, "--markdown and --html are exclusive: choose one document");
        }
        Map<String, DrlRules.Rule> written = new HashMap<>();
        DrlRules.parse(files.drl(), engine.vocabulary()).forEach(r -> written.putIfAbsent(r.name(), r));
        if (html) {
            return html(out, engine, files, register);
        }
        if (markdown) {
            markdown(out, engine.knowledgeBase(), byLayer, register, seeds, written);
            vocabularyMarkdown(out, engine.vocabulary());
        } else {
            table(out, engine, layers);
        }
        return Main.OK;
    }

    private int html(PrintWriter out, LegCds engine, RuleSet files, EvidenceRegister register) {
        Path scenarios = scenariosDir != null ? scenariosDir
                : Files.isDirectory(DEFAULT_SCENARIOS) ? DEFAULT_SCENARIOS : null;
        Map<String, List<String>> byRule = null;
        if (scenarios != null) {
            ScenarioInputs inputs = ScenarioInputs.read(List.of(scenarios), engine.vocabulary());
            inputs.problems().forEach(p -> spec.commandLine().getErr().println("legcds: " + p));
            if (!inputs.problems().isEmpty()) {
                return Main.BAD_INPUT;
            }
            byRule = Coverage.of(engine.rules(), new ScenarioRunner(engine).run(inputs.scenarios())).byRule();
        }
        out.print(KnowledgeBaseDocument.render(new KnowledgeBaseDocument.Content(engine.knowledgeBase(),
                engine.rules(), DrlRules.parse(files.drl(), engine.vocabulary()), RuleLayers.order(),
                id -> register == null ? Optional.empty() : register.claim(id).map(EvidenceRegister.Claim::text),
                byRule)));
        return Main.OK;
    }

    private static void table(PrintWriter out, LegCds engine, Map<String, String> layers) {
        List<RuleRef> rules = engine.rules();
        int id = Math.max(2, rules.stream().mapToInt(r -> r.id().length()).max().orElse(0));
        int name = Math.max(4, rules.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        int layer = Math.max(5, layers.values().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + id + "s  %-" + name + "s  %-" + layer + "s  %s";
        out.println(String.format(row, "ID", "NAME", "LAYER", "SOURCES"));
        for (RuleRef rule : rules) {
            out.println(String.format(row, Escaping.inline(rule.id()), Escaping.inline(rule.name()),
                    Escaping.inline(layers.getOrDefault(rule.name(), RuleLayers.TOP_LEVEL)),
                    Escaping.inline(String.join(", ", rule.sources()))).stripTrailing());
        }
        KnowledgeBaseInfo kb = engine.knowledgeBase();
        out.printf("%n%d rules; %s %s (%s)%n", rules.size(), Escaping.inline(kb.name()), Escaping.inline(kb.version()),
                Escaping.inline(kb.status()));
    }

    private static void markdown(PrintWriter out, KnowledgeBaseInfo kb, Map<String, List<RuleRef>> byLayer,
                                 EvidenceRegister register, Path seeds, Map<String, DrlRules.Rule> written) {
        out.println("# " + cell(kb.name()));
        out.println();
        out.println("Decision support for clinicians; it does not diagnose patients. Generated by `legcds rules "
                + "--markdown` for clinical review.");
        out.println();
        out.println("## Metadata");
        out.println();
        out.println("| | |");
        out.println("| --- | --- |");
        out.println("| Name | " + cell(kb.name()) + " |");
        out.println("| Version | " + cell(kb.version()) + " |");
        out.println("| Release date | " + cell(kb.releaseDate()) + " |");
        out.println("| Status | " + cell(kb.status()) + " |");
        out.println("| Maintainers | " + cell(String.join(", ", kb.maintainers())) + " |");
        out.println("| Rules | " + kb.rules() + " |");
        out.println("| Content hash | `" + kb.contentHash() + "` |");
        out.println("| Evidence register | " + (register == null
                ? "not available: claim texts omitted (use --seeds <dir>)"
                : cell(seeds.toString()) + ", " + register.claims().size() + " claims") + " |");
        out.println();
        out.println("## Sources");
        out.println();
        out.println("| Id | Title | Publisher | Citation |");
        out.println("| --- | --- | --- | --- |");
        for (KnowledgeBaseInfo.Source source : kb.sources()) {
            out.println("| " + cell(source.id()) + " | " + cell(source.title()) + " | " + cell(source.publisher())
                    + " | " + cell(source.citation()) + " |");
        }
        out.println();
        out.println("## Rules by layer");
        byLayer.forEach((layer, rules) -> {
            out.println();
            out.println("### " + layer);
            out.println();
            out.println(rules.size() + (rules.size() == 1 ? " rule." : " rules."));
            out.println();
            out.println("| Id | Name | When | Sources |");
            out.println("| --- | --- | --- | --- |");
            for (RuleRef rule : rules) {
                String sources = rule.sources().stream().map(id -> claim(id, register))
                        .collect(Collectors.joining("<br>"));
                DrlRules.Rule drl = written.get(rule.name());
                String when = drl == null ? "" : drl.conditions().stream().map(RulesCommand::cell)
                        .collect(Collectors.joining("<br>"));
                out.println("| " + cell(rule.id()) + " | " + cell(rule.name()) + " | " + when + " | " + sources + " |");
            }
        });
    }

    /** The vocabulary the rules name: thresholds first (the cut-offs a reviewer checks), then every entry with codes. */
    private static void vocabularyMarkdown(PrintWriter out, org.legcds.vocabulary.Vocabulary v) {
        out.println();
        out.println("## Thresholds");
        out.println();
        out.println("| Id | Value | Meaning | Source |");
        out.println("| --- | --- | --- | --- |");
        for (org.legcds.vocabulary.Threshold t : v.thresholds()) {
            out.println("| " + cell(t.id()) + " | " + cell(t.describe()) + " | " + cell(t.label()) + " | " + cell(t.source())
                    + " |");
        }
        out.println();
        out.println("## Vocabulary");
        out.println();
        out.println("### Findings");
        out.println();
        out.println("| Id | Kind | Label | Codes | Units and plausible ranges | Answers |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        for (org.legcds.vocabulary.FindingDefinition f : v.findings()) {
            String codes = java.util.stream.Stream.of(f.snomed() == null ? null : "SNOMED CT " + f.snomed(),
                    f.loinc() == null ? null : "LOINC " + f.loinc()).filter(java.util.Objects::nonNull)
                    .collect(Collectors.joining(", "));
            String units = f.units().stream().map(String::valueOf) // "mm[Hg] 30 to 300", as the vocabulary writes it
                    .collect(Collectors.joining(", "));
            out.println("| " + cell(f.id()) + " | " + cell(f.kind().name().toLowerCase(java.util.Locale.ROOT)) + " | "
                    + cell(f.label()) + " | " + cell(codes) + " | " + cell(units) + " | "
                    + cell(String.join(", ", f.answers())) + " |");
        }
        out.println();
        out.println("### Conditions");
        out.println();
        out.println("| Id | Label | Category |");
        out.println("| --- | --- | --- |");
        v.conditions().forEach(c -> out.println("| " + cell(c.id()) + " | " + cell(c.label()) + " | "
                + cell(String.valueOf(c.category()).toLowerCase(java.util.Locale.ROOT)) + " |"));
        out.println();
        out.println("### Next steps");
        out.println();
        out.println("| Id | Kind | Label |");
        out.println("| --- | --- | --- |");
        v.steps().forEach(st -> out.println("| " + cell(st.id()) + " | "
                + cell(st.kind().name().toLowerCase(java.util.Locale.ROOT)) + " | " + cell(st.label()) + " |"));
        out.println();
        out.println("### Red-flag checks");
        out.println();
        out.println("| Id | Label | Actions | Screened by |");
        out.println("| --- | --- | --- | --- |");
        v.checks().forEach(c -> out.println("| " + cell(c.id()) + " | " + cell(c.label()) + " | "
                + cell(c.actions().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("; "))) + " | " + cell(String.join(", ", c.screenedBy())) + " |"));
    }

    private static String claim(String id, EvidenceRegister register) {
        if (register == null) {
            return cell(id);
        }
        return register.claim(id).map(c -> "**" + cell(id) + "**: " + cell(c.text()))
                .orElse("**" + cell(id) + "**: *not in the evidence register*");
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String text) {
        return Escaping.inline(text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").trim());
    }

    private int fail(int code, String message) {
        Failure.report(spec.commandLine().getErr(), message);
        return code;
    }
}
