package org.legcds.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.legcds.json.AssessmentJson;
import org.legcds.vocabulary.ConditionDefinition;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.ModifierDefinition;
import org.legcds.vocabulary.RedFlagCheckDefinition;
import org.legcds.vocabulary.StepDefinition;
import org.legcds.vocabulary.Threshold;
import org.legcds.vocabulary.UnitRange;
import org.legcds.vocabulary.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "vocabulary", mixinStandardHelpOptions = true,
        description = "Print the knowledge base's vocabulary: the findings a case may record (with their standard "
                + "codes, units and answers), the modifiers, conditions, next steps, red-flag checks and thresholds.")
final class VocabularyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the whole vocabulary as JSON (what `vocabulary/*.yaml` define).")
    boolean json;

    @Option(names = "--rules", paramLabel = "DIR", description = "A rules directory instead of the packaged rules.")
    Path rulesDir;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        Vocabulary vocabulary = Engines.load(rulesDir).vocabulary();
        if (json) {
            out.println(AssessmentJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                    published(vocabulary)));
            return Main.OK;
        }
        out.printf("FINDINGS%n%-32s %-10s %-24s %s%n", "ID", "KIND", "STANDARD CODE", "LABEL");
        for (FindingDefinition f : vocabulary.findings()) {
            String standard = f.standardCode().map(c -> (c.system().contains("loinc") ? "LOINC " : "SNOMED CT ")
                    + c.code()).orElse("-");
            String units = f.isMeasurement() ? " [" + String.join("; ", f.units().stream().map(UnitRange::toString)
                    .toList()) + "]" : "";
            String answers = f.answers().isEmpty() ? "" : " {" + String.join(", ", f.answers()) + "}";
            out.printf("%-32s %-10s %-24s %s%s%s%n", f.id(), lower(f.kind()), standard, f.label(), units, answers);
        }
        for (ModifierDefinition.Kind kind : ModifierDefinition.Kind.values()) {
            out.printf("%n%sS%n", kind.name());
            vocabulary.modifiers(kind).forEach(m -> out.printf("  %-30s %s%n", m.id(), m.label()));
        }
        out.printf("%nCONDITIONS%n");
        vocabulary.conditions().forEach(c -> out.printf("  %-36s %-12s %s%n", c.id(), lower(c.category()), c.label()));
        out.printf("%nNEXT STEPS%n");
        vocabulary.steps().forEach(s -> out.printf("  %-36s %-12s %s%n", s.id(), lower(s.kind()), s.label()));
        out.printf("%nRED-FLAG CHECKS%n");
        vocabulary.checks().forEach(c -> out.printf("  %-36s %s; screened by %s%n", c.id(), c.label(),
                c.screenedBy().isEmpty() ? "-" : String.join(", ", c.screenedBy())));
        out.printf("%nTHRESHOLDS%n");
        vocabulary.thresholds().forEach(t -> out.printf("  %-24s %-22s %s%n", t.id(), t.describe(), t.label()));
        out.printf("%nPRESENTATIONS (a chart with one of these present is one decision support speaks on)%n");
        out.printf("  %s%n", vocabulary.presentations().stream().map(f -> f.id())
                .collect(java.util.stream.Collectors.joining(", ")));
        out.printf("%n%d findings. Status is present, absent, unknown or conflicting; anything not listed in a case is "
                + "unknown.%n", vocabulary.findings().size());
        return Main.OK;
    }

    /** The vocabulary as `vocabulary --json` publishes it: one list per section, each entry as its file gives it. */
    static Map<String, Object> published(Vocabulary vocabulary) {
        Map<String, Object> all = new LinkedHashMap<>();
        List<Map<String, Object>> findings = new ArrayList<>();
        for (FindingDefinition f : vocabulary.findings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", f.id());
            item.put("kind", lower(f.kind()));
            item.put("label", f.label());
            if (f.snomed() != null) {
                item.put("snomed", f.snomed());
            }
            if (f.loinc() != null) {
                item.put("loinc", f.loinc());
            }
            if (f.isMeasurement()) {
                item.put("units", f.units());
            }
            if (!f.answers().isEmpty()) {
                item.put("answers", f.answers());
            }
            item.put("qualifiers", f.qualifiers().stream().map(q -> q.key()).sorted().toList());
            findings.add(item);
        }
        all.put("findings", findings);
        List<Map<String, Object>> modifiers = new ArrayList<>();
        for (ModifierDefinition.Kind kind : ModifierDefinition.Kind.values()) {
            vocabulary.modifiers(kind).forEach(m -> modifiers.add(Map.of("id", m.id(), "kind", lower(kind),
                    "label", m.label())));
        }
        all.put("modifiers", modifiers);
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (ConditionDefinition c : vocabulary.conditions()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", c.id());
            item.put("label", c.label());
            item.put("category", lower(c.category()));
            if (c.snomed() != null) {
                item.put("snomed", c.snomed());
            }
            item.put("decidedBy", c.decidedBy());
            conditions.add(item);
        }
        all.put("conditions", conditions);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepDefinition s : vocabulary.steps()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", s.id());
            item.put("kind", lower(s.kind()));
            item.put("label", s.label());
            item.put("timeCritical", s.timeCritical());
            s.orderable().ifPresent(o -> item.put("order", o));
            steps.add(item);
        }
        all.put("steps", steps);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (RedFlagCheckDefinition c : vocabulary.checks()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", c.id());
            item.put("label", c.label());
            item.put("priority", c.priority());
            item.put("actions", c.actions());
            item.put("screenedBy", c.screenedBy());
            checks.add(item);
        }
        all.put("checks", checks);
        List<Map<String, Object>> thresholds = new ArrayList<>();
        for (Threshold t : vocabulary.thresholds()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", t.id());
            item.put("label", t.label());
            item.put("values", t.values());
            if (t.source() != null) {
                item.put("source", t.source());
            }
            thresholds.add(item);
        }
        all.put("thresholds", thresholds);
        all.put("presentations", vocabulary.presentations().stream().map(f -> f.id()).toList());
        return all;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
