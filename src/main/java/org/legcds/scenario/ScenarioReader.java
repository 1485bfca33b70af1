package org.legcds.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.SymptomPattern;
import org.legcds.assessment.Tier;
import org.legcds.facts.Case;
import org.legcds.json.CaseJson;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;
import org.legcds.vocabulary.CauseCategory;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.Vocabulary;

/**
 * Reads the scenarios of a scenario directory ({@code scenarios/<topic>/<situation>.yaml}; the format is documented in
 * {@code scenarios/README.md}).
 *
 * <p>Strict: an unknown key, an unknown name (condition, step, code, red-flag check, ...) or a contradiction (the same
 * item under {@code include} and {@code exclude}) is an error naming the file, the key and the value; the findings go
 * through the same validation as a case file ({@link CaseJson}). Every problem of a file is reported at once.
 *
 * <p>The red-flag screening findings that {@code screenedForRedFlags: true} adds are the vocabulary's: each red-flag
 * check's {@code screenedBy} ({@link Vocabulary#redFlagScreen()}). Ids (findings, conditions, steps, checks) are
 * checked against the vocabulary of the knowledge base the scenarios run on; a problem names the file and, where the
 * value can be found in it, the line.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScenarioReader {

    /** The evaluation date of a scenario that gives none. */
    public static final String DEFAULT_EVALUATION_DATE = "2026-11-21";
    /** The patient's age in a scenario that gives neither age nor birth date. */
    public static final int DEFAULT_AGE = 60;
    /** The largest scenario file accepted, in bytes (as for case files). */
    public static final int MAX_BYTES = CaseJson.MAX_BYTES;

    private static final List<String> SCENARIO_KEYS = List.of("description", "patient", "evaluationDate",
            "screenedForRedFlags", "findings", "expect", "cites");
    private static final List<String> EXPECT_KEYS = List.of("urgency", "redFlags", "notEvaluated", "claudication",
            "distribution", "causeCategories", "differential", "recommendations", "questions", "rulesFired");
    private static final List<String> INCLUDES_KEYS = List.of("include", "exclude");
    private static final List<String> QUESTIONS_KEYS = List.of("include", "exclude", "first");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final Vocabulary vocabulary;

    private ScenarioReader(Path root, Vocabulary vocabulary) {
        this.root = root;
        this.vocabulary = vocabulary;
    }

    /**
     * A reader for a scenario directory, checking ids against the packaged vocabulary.
     *
     * @param directory the scenario directory
     * @return a reader; nothing is read yet
     * @throws IllegalArgumentException if the directory does not exist
     */
    public static ScenarioReader of(Path directory) {
        return of(directory, Vocabulary.packaged());
    }

    /**
     * A reader for a scenario directory, checking ids against a knowledge base's vocabulary.
     *
     * @param directory  the scenario directory
     * @param vocabulary the vocabulary of the knowledge base the scenarios are for
     * @return a reader; nothing is read yet
     * @throws IllegalArgumentException if the directory does not exist
     */
    public static ScenarioReader of(Path directory, Vocabulary vocabulary) {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(vocabulary, "vocabulary must not be null");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("scenario directory " + directory + " does not exist or is not a directory");
        }
        return new ScenarioReader(directory, vocabulary);
    }

    /**
     * The scenario directory.
     *
     * @return the directory given to {@link #of(Path)}
     */
    public Path root() {
        return root;
    }

    /**
     * The findings {@code screenedForRedFlags: true} adds as absent: the vocabulary's red-flag screen.
     *
     * @return finding ids, most dangerous check first
     */
    public List<String> redFlagScreen() {
        return vocabulary.redFlagScreen();
    }

    /**
     * The scenario files under the directory at any depth ({@code .yaml}, and {@code .yml} so that it is reported
     * rather than skipped), sorted by name; hidden files and folders and the red-flag screen file are not scenarios.
     *
     * @return the files, sorted by name relative to the directory
     * @throws java.io.UncheckedIOException if the directory cannot be listed
     */
    public List<Path> files() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p)))
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals("red-flag-screen.yaml"))
                    .sorted(Comparator.comparing(this::nameOf))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list scenario directory " + root, e);
        }
    }

    /**
     * Reads every scenario file.
     *
     * @return the scenarios, sorted by name
     * @throws InvalidScenarioException with every problem of every bad file
     */
    public List<Scenario> readAll() {
        List<Scenario> scenarios = new ArrayList<>();
        List<InvalidScenarioException.Located> problems = new ArrayList<>();
        for (Path file : files()) {
            try {
                scenarios.add(read(file));
            } catch (InvalidScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return scenarios;
    }

    /**
     * Reads one scenario file of this directory.
     *
     * @param file a file under the directory, whose name ends in {@code .yaml}
     * @return the scenario
     * @throws InvalidScenarioException with every problem found in it
     */
    public Scenario read(Path file) {
        String where = file.toString();
        if (!file.getFileName().toString().endsWith(".yaml")) {
            throw invalid(where, List.of(new Problem("$", "the file name '" + file.getFileName() + "'",
                    "a scenario file whose name ends in .yaml")));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(where, List.of(new Problem("$", "an unreadable file (" + e + ")", "a readable UTF-8 file")));
        }
        return parse(nameOf(file), file, text);
    }

    /**
     * Parses a scenario's text as if it were the file {@code file} of this directory ({@code name} is its name relative
     * to the directory).
     *
     * @param name its name relative to the directory, e.g. {@code red-flags/x.yaml}
     * @param file the file it stands for (named in problems)
     * @param text the YAML text
     * @return the scenario
     * @throws InvalidScenarioException with every problem found
     */
    public Scenario parse(String name, Path file, String text) {
        String where = file.toString();
        JsonNode tree = yaml(where, text);
        Parser parser = new Parser(fileStem(file));
        Scenario scenario = parser.scenario(name, file, tree);
        if (!parser.problems.isEmpty()) {
            throw invalid(where, located(parser.problems, text));
        }
        return scenario;
    }

    private String nameOf(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String fileStem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Each problem whose value is a quoted text found in the file, with the line it is on. */
    private static List<Problem> located(List<Problem> problems, String text) {
        List<String> lines = text.lines().toList();
        List<Problem> located = new ArrayList<>();
        for (Problem problem : problems) {
            String value = problem.value();
            int line = 0;
            if (value.length() > 2 && value.startsWith("'") && value.endsWith("'")) {
                java.util.regex.Pattern word = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])"
                        + java.util.regex.Pattern.quote(value.substring(1, value.length() - 1)) + "(?![A-Za-z0-9_])");
                for (int i = 0; i < lines.size() && line == 0; i++) {
                    if (word.matcher(lines.get(i)).find()) {
                        line = i + 1;
                    }
                }
            }
            located.add(line == 0 ? problem : new Problem(problem.field() + " (line " + line + ")", value,
                    problem.expected()));
        }
        return located;
    }

    private static InvalidScenarioException invalid(String file, List<Problem> problems) {
        return new InvalidScenarioException(problems.stream()
                .map(p -> new InvalidScenarioException.Located(file, p)).toList());
    }

    private static JsonNode yaml(String where, String text) {
        if (text.length() > MAX_BYTES) {
            throw invalid(where, List.of(new Problem("$", text.length() + " characters",
                    "a file of at most " + MAX_BYTES + " bytes")));
        }
        try {
            JsonNode tree = YAML.readTree(text);
            return tree == null ? YAML.missingNode() : tree;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw invalid(where, List.of(new Problem("$", "malformed YAML" + at,
                    "well-formed YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")")));
        }
    }

    /** Maps one file's tree, collecting every problem. */
    private final class Parser {
        private final String stem;
        private final List<Problem> problems = new ArrayList<>();

        Parser(String stem) {
            this.stem = stem;
        }

        Scenario scenario(String name, Path file, JsonNode tree) {
            if (!tree.isObject()) {
                problem("$", describe(tree), "a mapping with description, findings and expect");
                return null;
            }
            unknownKeys(tree, "", SCENARIO_KEYS);
            String description = null;
            JsonNode descriptionNode = tree.get("description");
            if (descriptionNode == null || descriptionNode.isNull()) {
                problem("description", "missing", "a sentence describing the clinical situation");
            } else if (!descriptionNode.isTextual() || descriptionNode.asText().isBlank()) {
                problem("description", describe(descriptionNode), "a non-empty text");
            } else {
                description = descriptionNode.asText().trim();
            }
            boolean screened = false;
            JsonNode screenedNode = tree.get("screenedForRedFlags");
            if (screenedNode != null && !screenedNode.isNull()) {
                if (!screenedNode.isBoolean()) {
                    problem("screenedForRedFlags", describe(screenedNode), "true or false");
                } else {
                    screened = screenedNode.booleanValue();
                }
            }
            JsonNode cites = tree.get("cites");
            if (cites != null && !cites.isNull()) {
                items(cites, "cites", this::claimId);
            }
            Case patientCase = patientCase(tree, screened);
            Expectations expect = expect(tree.get("expect"));
            if (!problems.isEmpty()) {
                return null;
            }
            return new Scenario(name, file, description, patientCase, expect);
        }

        /** Builds the case-file tree (with defaults and screening findings) and reads it with {@link CaseJson}. */
        private Case patientCase(JsonNode tree, boolean screened) {
            ObjectNode caseNode = JSON.createObjectNode();
            JsonNode patient = tree.get("patient");
            if (patient == null || patient.isNull()) {
                ObjectNode defaults = JSON.createObjectNode();
                defaults.put("id", stem);
                defaults.put("age", DEFAULT_AGE);
                caseNode.set("patient", defaults);
            } else if (patient.isObject()) {
                ObjectNode filled = patient.deepCopy();
                if (!filled.has("id")) {
                    filled.put("id", stem);
                }
                if (!filled.has("age") && !filled.has("birthDate")) {
                    filled.put("age", DEFAULT_AGE);
                }
                caseNode.set("patient", filled);
            } else {
                caseNode.set("patient", patient); // CaseJson reports it
            }
            JsonNode date = tree.get("evaluationDate");
            caseNode.set("evaluationDate", date == null ? JSON.getNodeFactory().textNode(DEFAULT_EVALUATION_DATE) : date);
            JsonNode findings = tree.get("findings");
            if (findings != null) {
                if (findings.isArray() && screened) {
                    ArrayNode withScreen = findings.deepCopy();
                    Set<String> listed = new java.util.HashSet<>();
                    for (JsonNode finding : findings) {
                        JsonNode code = finding.get("code");
                        if (code != null && code.isTextual()) {
                            listed.add(normalise(code.asText()));
                        }
                    }
                    for (String code : vocabulary.redFlagScreen()) {
                        if (!listed.contains(code)) {
                            withScreen.addObject().put("code", code).put("status", "absent");
                        }
                    }
                    findings = withScreen;
                }
                caseNode.set("findings", findings);
            } // else CaseJson reports the missing findings
            try {
                return CaseJson.read(JSON.writeValueAsString(caseNode), vocabulary);
            } catch (InvalidCaseException e) {
                problems.addAll(e.problems());
                return null;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise a tree Jackson itself built", e);
            }
        }

        private Expectations expect(JsonNode node) {
            if (node == null || node.isNull()) {
                problem("expect", "missing", "a mapping of expectations (" + String.join(", ", EXPECT_KEYS)
                        + "): a scenario that expects nothing cannot fail");
                return null;
            }
            if (!node.isObject()) {
                problem("expect", describe(node), "a mapping of expectations (" + String.join(", ", EXPECT_KEYS) + ")");
                return null;
            }
            unknownKeys(node, "expect.", EXPECT_KEYS);
            Urgency urgency = single(node, "urgency", (t, p) -> enumName(t, p, Urgency.class));
            Set<String> redFlags = ids(node, "redFlags", this::check);
            Set<String> notEvaluated = ids(node, "notEvaluated", this::check);
            ClaudicationType claudication = single(node, "claudication",
                    (t, p) -> enumName(t, p, ClaudicationType.class));
            Set<SymptomPattern> distribution = set(node, "distribution", SymptomPattern.class);
            Expectations.Includes<CauseCategory> categories = includes(node, "causeCategories", INCLUDES_KEYS,
                    (t, p) -> enumName(t, p, CauseCategory.class), Object::equals);
            Expectations.Includes<Expectations.Ranked> differential = includes(node, "differential", INCLUDES_KEYS,
                    this::ranked, (in, out) -> in.condition().equals(out.condition())
                            && (out.tier() == null || out.tier() == in.tier()));
            Expectations.Includes<String> recommendations = includes(node, "recommendations", INCLUDES_KEYS,
                    this::step, Object::equals);
            Expectations.Includes<String> questions = includes(node, "questions", QUESTIONS_KEYS, this::code,
                    Object::equals);
            String first = null;
            JsonNode questionsNode = node.get("questions");
            if (questionsNode != null && questionsNode.isObject()) {
                first = single(questionsNode, "first", "expect.questions.first", this::code);
                if (first != null && questions != null && questions.exclude().contains(first)) {
                    problem("expect.questions", "'" + first + "' as first and under exclude",
                            "the first question not to be excluded too");
                }
            }
            Expectations.Includes<String> rules = includes(node, "rulesFired", INCLUDES_KEYS, this::ruleId,
                    Object::equals);
            Expectations expectations = new Expectations(urgency, redFlags, notEvaluated, claudication, distribution,
                    categories, differential, recommendations, questions, first, rules);
            if (problems.isEmpty() && expectations.isEmpty()) {
                problem("expect", "no expectation", "at least one of " + EXPECT_KEYS
                        + ": a scenario that expects nothing cannot fail");
            }
            return expectations;
        }

        private <T> T single(JsonNode parent, String key, BiFunction<String, String, T> parse) {
            return single(parent, key, "expect." + key, parse);
        }

        private <T> T single(JsonNode parent, String key, String path, BiFunction<String, String, T> parse) {
            JsonNode node = parent.get(key);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                problem(path, describe(node), "a name");
                return null;
            }
            return parse.apply(node.asText(), path);
        }

        private <E extends Enum<E>> Set<E> set(JsonNode parent, String key, Class<E> type) {
            JsonNode node = parent.get(key);
            if (node == null) {
                return null;
            }
            List<E> items = items(node, "expect." + key, (t, p) -> enumName(t, p, type));
            return items.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(items);
        }

        private Set<String> ids(JsonNode parent, String key, BiFunction<String, String, String> parse) {
            JsonNode node = parent.get(key);
            if (node == null) {
                return null;
            }
            return new java.util.LinkedHashSet<>(items(node, "expect." + key, parse));
        }

        private <T> Expectations.Includes<T> includes(JsonNode parent, String key, List<String> keys,
                                                      BiFunction<String, String, T> parse,
                                                      BiFunction<T, T, Boolean> contradicts) {
            JsonNode node = parent.get(key);
            String path = "expect." + key;
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                problem(path, describe(node), "a mapping with " + String.join(" and/or ", keys) + " (e.g. {include: [...]})");
                return null;
            }
            unknownKeys(node, path + ".", keys);
            List<T> include = node.has("include") ? items(node.get("include"), path + ".include", parse) : List.of();
            List<T> exclude = node.has("exclude") ? items(node.get("exclude"), path + ".exclude", parse) : List.of();
            for (T in : include) {
                for (T out : exclude) {
                    if (contradicts.apply(in, out)) {
                        problem(path, "'" + in + "' under include and '" + out + "' under exclude",
                                "each item under include or exclude, not both");
                    }
                }
            }
            return new Expectations.Includes<>(include, exclude);
        }

        /** A list of names (a single name is accepted as a list of one); each parsed, duplicates dropped. */
        <T> List<T> items(JsonNode node, String path, BiFunction<String, String, T> parse) {
            if (node.isTextual()) {
                T item = parse.apply(node.asText(), path);
                return item == null ? List.of() : List.of(item);
            }
            if (!node.isArray()) {
                problem(path, describe(node), "a list of names, e.g. [A, B] ([] for none)");
                return List.of();
            }
            Set<T> items = new LinkedHashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String at = path + "[" + i + "]";
                if (!item.isTextual()) {
                    problem(at, describe(item), "a name");
                    continue;
                }
                T parsed = parse.apply(item.asText(), at);
                if (parsed != null) {
                    items.add(parsed);
                }
            }
            return List.copyOf(items);
        }

        private Expectations.Ranked ranked(String text, String path) {
            String[] parts = text.split("=", -1);
            if (parts.length > 2) {
                problem(path, "'" + text + "'", "a condition, or CONDITION=TIER (e.g. PERIPHERAL_ARTERY_DISEASE=LIKELY)");
                return null;
            }
            String condition = known(parts[0], path, "condition", vocabulary.conditions());
            Tier tier = parts.length == 2 ? enumName(parts[1], path, Tier.class) : null;
            return condition == null || (parts.length == 2 && tier == null) ? null
                    : new Expectations.Ranked(condition, tier);
        }

        String code(String text, String path) {
            return known(text, path, "finding", vocabulary.findings());
        }

        private String step(String text, String path) {
            return known(text, path, "next step", vocabulary.steps());
        }

        private String check(String text, String path) {
            return known(text, path, "red-flag check", vocabulary.checks());
        }

        /** An id of the vocabulary section, or a problem naming the nearest ids. */
        private String known(String text, String path, String what,
                             java.util.Collection<? extends org.legcds.vocabulary.Definition> among) {
            String id = normalise(text);
            if (among.stream().anyMatch(d -> d.id().equals(id))) {
                return id;
            }
            problem(path, "'" + text + "'", "a " + what + " id of the vocabulary (nearest: "
                    + String.join(", ", Vocabulary.nearest(id, among, 3)) + "; `legcds vocabulary` lists them all)");
            return null;
        }

        private String claimId(String text, String path) {
            String id = text.trim();
            if (!id.matches("[A-Z]+[0-9]*-C[0-9]+")) {
                problem(path, "'" + text + "'", "an evidence-register claim id, e.g. EXT-C03 or S001-C04");
                return null;
            }
            return id;
        }

        private String ruleId(String text, String path) {
            String id = text.trim();
            if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
                problem(path, "'" + text + "'", "a rule id as in @id(...), e.g. CLAUD-VASC-01");
                return null;
            }
            return id;
        }

        private <E extends Enum<E>> E enumName(String text, String path, Class<E> type) {
            String wanted = normalise(text);
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(wanted)) {
                    return value;
                }
            }
            E[] values = type.getEnumConstants();
            String expected = values.length <= 12
                    ? "one of the " + type.getSimpleName() + " names " + Arrays.stream(values).map(Enum::name).toList()
                    : "one of the " + type.getSimpleName() + " names (nearest: " + nearest(wanted, values) + "; "
                            + values.length + " in all, see " + type.getName() + ")";
            problem(path, "'" + text + "'", expected);
            return null;
        }

        void unknownKeys(JsonNode node, String prefix, List<String> allowed) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problem(prefix + name, "an unknown key", "one of " + allowed);
                }
            }
        }

        void problem(String path, String value, String expected) {
            problems.add(new Problem(path, value, expected));
        }
    }

    private static String normalise(String name) {
        return org.legcds.facts.Spelling.normalise(name);
    }

    /** The three names nearest a misspelt one. */
    private static <E extends Enum<E>> String nearest(String wanted, E[] values) {
        return org.legcds.facts.Spelling.nearest(wanted, values, 3).stream().map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
