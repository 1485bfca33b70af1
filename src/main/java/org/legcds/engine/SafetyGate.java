package org.legcds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.legcds.assessment.Assessor;
import org.legcds.problems.RuleCompilationException.Error;
import org.legcds.problems.SafetyGateException;
import org.legcds.scenario.ScenarioReader;
import org.legcds.scenario.ScenarioResult;
import org.legcds.scenario.ScenarioRunner;

/**
 * The safety gate every knowledge base passes before it serves (the packaged build, {@code legcds check},
 * {@code assess --rules}, {@code batch --rules} and every {@code ReloadableEngine} load and reload):
 * <ol>
 *   <li>every red-flag check has a rule that raises it and a rule that leaves it open when its findings are unknown
 *       ({@link RedFlagCoverage});
 *   <li>the rules match the knowledge base's manifest, {@value #MANIFEST} in the rules directory: the rules in each
 *       DRL file and the rules raising and leaving open each red-flag check. A file deleted, emptied or cut short, or a
 *       red-flag rule lost, is refused unless the manifest was deliberately regenerated
 *       ({@code legcds check --update-manifest <rules-dir>});
 *   <li>where a scenario folder is given, every clinical scenario passes.
 * </ol>
 * Stateless and thread-safe.
 */
public final class SafetyGate {

    /** The manifest file at the top of a rules directory. */
    public static final String MANIFEST = "manifest.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SafetyGate() {
    }

    /**
     * Checks 1 and 2 on rules read from a directory (which holds the manifest).
     *
     * @throws SafetyGateException naming every problem's file
     */
    public static void check(Path directory, RuleSet rules) {
        List<Error> problems = problems(directory, rules);
        if (!problems.isEmpty()) {
            throw new SafetyGateException(problems);
        }
    }

    /** Checks 1 and 2: every problem, each naming its file; empty when the rules pass. */
    public static List<Error> problems(Path directory, RuleSet rules) {
        RedFlagCoverage coverage = RedFlagCoverage.of(rules);
        List<Error> problems = new ArrayList<>();
        Path manifestFile = directory.resolve(MANIFEST);
        Map<String, String> exemptions = exemptions(manifestFile);
        coverage.gaps(exemptions.keySet()).forEach(gap -> problems.add(new Error("red-flag rules", 0, gap)));
        if (!Files.isRegularFile(manifestFile)) {
            problems.add(new Error(MANIFEST, 0, "missing: the gate cannot tell a lost rule from a removed one; review "
                    + "the rules, then write it with `legcds check --update-manifest " + directory + "`"));
            return problems;
        }
        JsonNode manifest;
        try {
            manifest = YAML.readTree(Files.readString(manifestFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new Error(MANIFEST, 0, "cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); regenerate it with `legcds check --update-manifest " + directory + "`"));
            return problems;
        }
        compareFiles(manifest == null ? null : manifest.get("files"), ruleCounts(rules), problems);
        Map<String, String> fileOfRule = fileOfRule(rules);
        compareChecks(manifest == null ? null : manifest.get("redFlagChecks"), coverage, fileOfRule, problems);
        return problems;
    }

    /**
     * Check 3: runs the scenarios of a folder against an engine; one problem per failing scenario, naming its file.
     */
    public static List<Error> scenarioProblems(Assessor engine, Path scenarioDirectory) {
        List<Error> problems = new ArrayList<>();
        try {
            List<ScenarioResult> results = new ScenarioRunner(engine).run(
                    ScenarioReader.of(scenarioDirectory, engine.vocabulary()).readAll());
            if (results.isEmpty()) {
                problems.add(new Error(scenarioDirectory.toString(), 0, "holds no scenarios (*.yaml)"));
            }
            for (ScenarioResult result : results) {
                if (!result.passed()) {
                    Path file = result.scenario().file();
                    problems.add(new Error(file == null ? result.name() : file.toString(), 0, "scenario fails: "
                            + result.firstFailure().orElse("") + (result.failures().size() > 1
                            ? " (+" + (result.failures().size() - 1) + " more)" : "")));
                }
            }
        } catch (IllegalArgumentException e) { // InvalidScenarioException too
            problems.add(new Error(scenarioDirectory.toString(), 0, "scenarios cannot be read: " + e.getMessage()));
        }
        return problems;
    }

    /** The manifest of a rule set, as written to {@value #MANIFEST}, keeping the exemptions of the one in directory. */
    public static String manifest(RuleSet rules, Path directory) {
        Map<String, Integer> files = ruleCounts(rules);
        Map<String, Integer> layers = new TreeMap<>();
        files.forEach((file, count) -> layers.merge(file.contains("/") ? file.substring(0, file.indexOf('/') + 1)
                : "(top level)", count, Integer::sum));
        RedFlagCoverage coverage = RedFlagCoverage.of(rules);
        StringBuilder text = new StringBuilder();
        text.append("# The safety gate's record of this knowledge base: a knowledge base that differs from it does not\n")
                .append("# serve. After a deliberate change, review the difference and regenerate it:\n")
                .append("#   legcds check --update-manifest <rules-dir>\n")
                .append("rules: ").append(files.values().stream().mapToInt(Integer::intValue).sum()).append('\n')
                .append("layers:\n");
        layers.forEach((layer, count) -> text.append("  ").append(quoted(layer)).append(": ").append(count)
                .append('\n'));
        text.append("files:\n");
        files.forEach((file, count) -> text.append("  ").append(quoted(file)).append(": ").append(count).append('\n'));
        Map<String, String> exemptions = exemptions(directory == null ? null : directory.resolve(MANIFEST));
        if (!exemptions.isEmpty()) {
            text.append("# Checks that may stay without a rule leaving them open: deliberate gaps, each with its reason,\n")
                    .append("# written by hand and kept when the manifest is regenerated. A check is never exempt from\n")
                    .append("# having a rule that raises it.\n")
                    .append("exemptions:\n");
            exemptions.forEach((check, reason) -> text.append("  ").append(check).append(": ").append(quoted(reason))
                    .append('\n'));
        }
        text.append("redFlagChecks:\n");
        coverage.raisedBy().forEach((check, raised) -> text.append("  ").append(check).append(":\n")
                .append("    raisedBy: ").append(list(raised)).append('\n')
                .append("    leftOpenBy: ").append(list(coverage.leftOpenBy().get(check))).append('\n'));
        return text.toString();
    }

    /** Writes the manifest of the rules in a directory, after a deliberate change; returns the file. */
    public static Path writeManifest(Path directory) {
        Path file = directory.resolve(MANIFEST);
        try {
            Files.writeString(file, manifest(RuleSet.read(directory), directory), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The hand-written exemptions of a manifest: check id to reason; empty when there is none or no manifest. */
    private static Map<String, String> exemptions(Path manifestFile) {
        Map<String, String> exemptions = new TreeMap<>();
        if (manifestFile == null || !Files.isRegularFile(manifestFile)) {
            return exemptions;
        }
        try {
            JsonNode section = YAML.readTree(Files.readString(manifestFile, StandardCharsets.UTF_8)).path("exemptions");
            section.properties().forEach(e -> {
                if (!e.getValue().asText().isBlank()) { // an exemption without a reason is none
                    exemptions.put(e.getKey(), e.getValue().asText());
                }
            });
        } catch (IOException | RuntimeException e) {
            // an unreadable manifest is reported by the comparison
        }
        return exemptions;
    }

    private static Map<String, Integer> ruleCounts(RuleSet rules) {
        Map<String, Integer> counts = new TreeMap<>();
        rules.drl().forEach((file, text) -> counts.put(file, RuleCompiler.DrlRule.all(text).size()));
        return counts;
    }

    private static Map<String, String> fileOfRule(RuleSet rules) {
        Map<String, String> files = new HashMap<>();
        rules.drl().forEach((file, text) -> RuleCompiler.DrlRule.all(text).forEach(rule -> files.put(rule.id(), file)));
        return files;
    }

    private static void compareFiles(JsonNode expected, Map<String, Integer> loaded, List<Error> problems) {
        if (expected == null || !expected.isObject()) {
            problems.add(new Error(MANIFEST, 0, "has no files section; regenerate it"));
            return;
        }
        expected.properties().forEach(entry -> {
            int want = entry.getValue().asInt(-1);
            Integer have = loaded.get(entry.getKey());
            if (have == null) {
                problems.add(new Error(entry.getKey(), 0, "is missing: " + MANIFEST + " expects " + want + " rules in "
                        + "it (deleted or renamed? if deliberate, regenerate the manifest)"));
            } else if (have != want) {
                problems.add(new Error(entry.getKey(), 0, "holds " + have + " rules, " + MANIFEST + " expects " + want
                        + (have < want ? " (emptied or cut short?" : " (rules added?") + " if deliberate, regenerate "
                        + "the manifest)"));
            }
        });
        loaded.forEach((file, count) -> {
            if (!expected.has(file)) {
                problems.add(new Error(file, 0, "is not in " + MANIFEST + " (" + count + " rules; a new file? if "
                        + "deliberate, regenerate the manifest)"));
            }
        });
    }

    private static void compareChecks(JsonNode expected, RedFlagCoverage coverage, Map<String, String> fileOfRule,
                                      List<Error> problems) {
        if (expected == null || !expected.isObject()) {
            problems.add(new Error(MANIFEST, 0, "has no redFlagChecks section; regenerate it"));
            return;
        }
        TreeSet<String> checks = new TreeSet<>(coverage.raisedBy().keySet());
        expected.fieldNames().forEachRemaining(checks::add);
        for (String check : checks) {
            JsonNode entry = expected.get(check);
            compareIds(check, "raises", entry == null ? null : entry.get("raisedBy"), coverage.raisedBy().get(check),
                    fileOfRule, problems);
            compareIds(check, "leaves open", entry == null ? null : entry.get("leftOpenBy"),
                    coverage.leftOpenBy().get(check), fileOfRule, problems);
        }
    }

    private static void compareIds(String check, String verb, JsonNode expected, SortedSet<String> loaded,
                                   Map<String, String> fileOfRule, List<Error> problems) {
        SortedSet<String> want = new TreeSet<>();
        if (expected != null) {
            expected.forEach(id -> want.add(id.asText()));
        }
        SortedSet<String> have = loaded == null ? new TreeSet<>() : loaded;
        for (String id : want) {
            if (!have.contains(id)) {
                problems.add(new Error(fileOfRule.getOrDefault(id, MANIFEST), 0, "rule " + id + " " + verb + " "
                        + check + " per " + MANIFEST + ", but no loaded rule " + id + " does"
                        + (fileOfRule.containsKey(id) ? "" : " (its rule is gone)")));
            }
        }
        for (String id : have) {
            if (!want.contains(id)) {
                problems.add(new Error(fileOfRule.getOrDefault(id, "red-flag rules"), 0, "rule " + id + " " + verb + " "
                        + check + ", which " + MANIFEST + " does not list (if deliberate, regenerate the manifest)"));
            }
        }
    }

    private static String list(SortedSet<String> ids) {
        return "[" + String.join(", ", ids.stream().map(SafetyGate::quoted).toList()) + "]";
    }

    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9_.-]+") ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
