package org.legcds.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Spelling;
import org.legcds.facts.Status;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;
import org.legcds.problems.RuleCompilationException;

/**
 * A knowledge base's clinical vocabulary, read from the YAML files of its {@value #FOLDER} folder: any number of files,
 * each holding any of the sections {@code findings}, {@code modifiers}, {@code conditions}, {@code steps},
 * {@code checks} and {@code thresholds}. Ids are unique within a section; every reference (a condition's
 * {@code decidedBy}, a check's {@code screenedBy}, a step's order) must name an entry. Every mistake is reported with
 * its file and line and, for an unknown id, the nearest ids.
 *
 * <p>Immutable and thread-safe.
 */
public final class Vocabulary {

    /** The folder of a rules directory that holds the vocabulary files. */
    public static final String FOLDER = "vocabulary";
    private static final String PRECOMPILED = "org/legcds/rules/precompiled.properties";
    private static final String PACKAGED_ROOT = "org/legcds/rules/";
    private static final List<String> SECTIONS = List.of("findings", "modifiers", "conditions", "steps", "checks",
            "thresholds", "presentations");
    private static volatile Vocabulary packaged;

    private final Map<String, FindingDefinition> findings;
    private final Map<ModifierDefinition.Kind, Map<String, ModifierDefinition>> modifiers;
    private final Map<String, ConditionDefinition> conditions;
    private final Map<String, StepDefinition> steps;
    private final Map<String, RedFlagCheckDefinition> checks;
    private final Map<String, Threshold> thresholds;
    private final List<FindingDefinition> presentations;
    private final Set<String> presentationIds;

    private Vocabulary(Reader reader) {
        this.findings = Collections.unmodifiableMap(reader.findings);
        Map<ModifierDefinition.Kind, Map<String, ModifierDefinition>> mods = new EnumMap<>(ModifierDefinition.Kind.class);
        reader.modifiers.forEach((kind, map) -> mods.put(kind, Collections.unmodifiableMap(map)));
        this.modifiers = Collections.unmodifiableMap(mods);
        this.conditions = Collections.unmodifiableMap(reader.conditions);
        this.steps = Collections.unmodifiableMap(reader.steps);
        this.checks = Collections.unmodifiableMap(reader.checks);
        this.thresholds = Collections.unmodifiableMap(reader.thresholds);
        this.presentations = List.copyOf(reader.presentations.values());
        this.presentationIds = Set.copyOf(reader.presentations.keySet());
    }

    /**
     * The vocabulary packaged in the jar with the precompiled rules (read once, then shared).
     *
     * @return the packaged vocabulary
     * @throws IllegalStateException if the jar's vocabulary files are missing
     * @throws RuleCompilationException if they do not parse (a damaged jar)
     */
    public static Vocabulary packaged() {
        Vocabulary result = packaged;
        if (result == null) {
            synchronized (Vocabulary.class) {
                result = packaged;
                if (result == null) {
                    packaged = result = parse(packagedFiles());
                }
            }
        }
        return result;
    }

    /**
     * The packaged vocabulary files, by path relative to the rules folder.
     *
     * @return path to YAML text, sorted by path; a new map on every call
     * @throws IllegalStateException if the jar's vocabulary files are missing
     * @throws UncheckedIOException if they cannot be read
     */
    public static Map<String, String> packagedFiles() {
        ClassLoader loader = Vocabulary.class.getClassLoader();
        Properties precompiled = new Properties();
        try (InputStream in = loader.getResourceAsStream(PRECOMPILED)) {
            if (in == null) {
                throw new IllegalStateException(PRECOMPILED + " is missing from the classpath; was the jar built with "
                        + "`mvn package`?");
            }
            precompiled.load(in);
            Map<String, String> files = new TreeMap<>();
            for (String name : precompiled.getProperty("vocabulary", "").split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream file = loader.getResourceAsStream(PACKAGED_ROOT + name.trim())) {
                    if (file == null) {
                        throw new IllegalStateException("the packaged vocabulary file " + name + " is missing");
                    }
                    files.put(name.trim(), new String(file.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged vocabulary", e);
        }
    }

    /**
     * Reads the vocabulary folder of a rules directory.
     *
     * @param rulesDirectory a rules directory; its {@value #FOLDER} folder is read at any depth
     * @return the vocabulary (empty if the folder is missing)
     * @throws RuleCompilationException listing every mistake with its file and line
     * @throws UncheckedIOException if a file cannot be read
     */
    public static Vocabulary read(Path rulesDirectory) {
        return parse(files(rulesDirectory));
    }

    /**
     * The vocabulary files of a rules directory, by path relative to it with forward slashes, sorted.
     *
     * @param rulesDirectory a rules directory
     * @return path to YAML text; empty if the directory has no {@value #FOLDER} folder
     * @throws UncheckedIOException if a file cannot be read
     */
    public static Map<String, String> files(Path rulesDirectory) {
        Path folder = rulesDirectory.resolve(FOLDER);
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted()
                    .toList()) {
                String relative = rulesDirectory.relativize(file).toString().replace('\\', '/');
                files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vocabulary folder " + folder, e);
        }
        return files;
    }

    /**
     * Parses vocabulary files (path relative to the rules folder to YAML text).
     *
     * @param files path to YAML text; the paths are used in error messages
     * @return the vocabulary
     * @throws RuleCompilationException listing every mistake with its file and line
     */
    public static Vocabulary parse(Map<String, String> files) {
        Reader reader = new Reader();
        files.forEach(reader::file);
        reader.readSections();
        if (!reader.errors.isEmpty()) {
            throw new RuleCompilationException(reader.errors);
        }
        return new Vocabulary(reader);
    }

    // ---------------------------------------------------------------------------------------------------- look-ups

    /**
     * The presentations this knowledge base is for: findings of which one recorded present (or conflicting) makes a
     * chart relevant, so that decision support speaks (a CDS Hooks service answers with no cards otherwise).
     *
     * @return the presentations in vocabulary order; immutable
     */
    public List<FindingDefinition> presentations() {
        return presentations;
    }

    /**
     * Whether a finding id is one of the {@link #presentations()}.
     *
     * @param id a finding id
     * @return true if a chart with it present is one this knowledge base speaks about
     */
    public boolean isPresentation(String id) {
        return presentationIds.contains(id);
    }

    /**
     * Every finding, in vocabulary order.
     *
     * @return an unmodifiable view
     */
    public Collection<FindingDefinition> findings() {
        return findings.values();
    }

    /**
     * The finding with this id.
     *
     * @param id a finding id, or null
     * @return the entry, or empty when the id is null or not in the vocabulary
     */
    public Optional<FindingDefinition> finding(String id) {
        return Optional.ofNullable(id == null ? null : findings.get(id));
    }

    /**
     * Every modifier of a kind (trigger, relief or site), in vocabulary order.
     *
     * @param kind trigger, relief or site
     * @return an unmodifiable view; empty if the vocabulary has none of that kind
     */
    public Collection<ModifierDefinition> modifiers(ModifierDefinition.Kind kind) {
        return modifiers.getOrDefault(kind, Map.of()).values();
    }

    /**
     * The modifier of a kind with this id.
     *
     * @param kind trigger, relief or site
     * @param id   a modifier id, or null
     * @return the entry, or empty when the id is null or not a modifier of that kind
     */
    public Optional<ModifierDefinition> modifier(ModifierDefinition.Kind kind, String id) {
        return Optional.ofNullable(id == null ? null : modifiers.getOrDefault(kind, Map.of()).get(id));
    }

    /**
     * Every condition, in vocabulary order.
     *
     * @return an unmodifiable view
     */
    public Collection<ConditionDefinition> conditions() {
        return conditions.values();
    }

    /**
     * The condition with this id.
     *
     * @param id a condition id, or null
     * @return the entry, or empty when the id is null or not in the vocabulary
     */
    public Optional<ConditionDefinition> condition(String id) {
        return Optional.ofNullable(id == null ? null : conditions.get(id));
    }

    /**
     * Every next step, in vocabulary order.
     *
     * @return an unmodifiable view
     */
    public Collection<StepDefinition> steps() {
        return steps.values();
    }

    /**
     * The next step with this id.
     *
     * @param id a step id, or null
     * @return the entry, or empty when the id is null or not in the vocabulary
     */
    public Optional<StepDefinition> step(String id) {
        return Optional.ofNullable(id == null ? null : steps.get(id));
    }

    /**
     * Every red-flag check, in vocabulary order.
     *
     * @return an unmodifiable view
     */
    public Collection<RedFlagCheckDefinition> checks() {
        return checks.values();
    }

    /**
     * The red-flag check with this id.
     *
     * @param id a check id, or null
     * @return the entry, or empty when the id is null or not in the vocabulary
     */
    public Optional<RedFlagCheckDefinition> check(String id) {
        return Optional.ofNullable(id == null ? null : checks.get(id));
    }

    /**
     * Every named threshold, in vocabulary order.
     *
     * @return an unmodifiable view
     */
    public Collection<Threshold> thresholds() {
        return thresholds.values();
    }

    /**
     * The threshold with this id.
     *
     * @param id a threshold id, or null
     * @return the entry, or empty when the id is null or not in the vocabulary
     */
    public Optional<Threshold> threshold(String id) {
        return Optional.ofNullable(id == null ? null : thresholds.get(id));
    }

    /**
     * Every finding a red-flag screen records: each check's {@code screenedBy}, in check order, each once.
     *
     * @return finding ids, most dangerous check first; immutable
     */
    public List<String> redFlagScreen() {
        Set<String> screen = new LinkedHashSet<>();
        checks.values().stream().sorted(java.util.Comparator.comparingInt(RedFlagCheckDefinition::priority)
                        .thenComparing(RedFlagCheckDefinition::order))
                .forEach(check -> screen.addAll(check.screenedBy()));
        return List.copyOf(screen);
    }

    /**
     * The ids nearest a misspelt one among some entries, nearest first, for error messages.
     *
     * @param wanted the id as written, or null
     * @param among  the entries to choose from
     * @param limit  the most to return
     * @return up to {@code limit} ids, nearest first
     */
    public static List<String> nearest(String wanted, Collection<? extends Definition> among, int limit) {
        return Spelling.nearest(wanted, among.stream().map(Definition::id).toList(), limit);
    }

    /**
     * The finding with this id, or an exception naming the nearest ids.
     *
     * @param id a finding id
     * @return the entry
     * @throws IllegalArgumentException if there is none, naming the nearest ids
     */
    public FindingDefinition requireFinding(String id) {
        return finding(id).orElseThrow(() -> unknown("finding", id, findings.values()));
    }

    /**
     * The condition with this id, or an exception naming the nearest ids.
     *
     * @param id a condition id
     * @return the entry
     * @throws IllegalArgumentException if there is none, naming the nearest ids
     */
    public ConditionDefinition requireCondition(String id) {
        return condition(id).orElseThrow(() -> unknown("condition", id, conditions.values()));
    }

    /**
     * The step with this id, or an exception naming the nearest ids.
     *
     * @param id a step id
     * @return the entry
     * @throws IllegalArgumentException if there is none, naming the nearest ids
     */
    public StepDefinition requireStep(String id) {
        return step(id).orElseThrow(() -> unknown("next step", id, steps.values()));
    }

    /**
     * The red-flag check with this id, or an exception naming the nearest ids.
     *
     * @param id a check id
     * @return the entry
     * @throws IllegalArgumentException if there is none, naming the nearest ids
     */
    public RedFlagCheckDefinition requireCheck(String id) {
        return check(id).orElseThrow(() -> unknown("red-flag check", id, checks.values()));
    }

    private static IllegalArgumentException unknown(String what, String id, Collection<? extends Definition> among) {
        return new IllegalArgumentException("unknown " + what + " id '" + id + "' (nearest: "
                + String.join(", ", nearest(id, among, 3)) + ")");
    }

    // --------------------------------------------------------------------------------------------------- validation

    /**
     * Checks a case against this vocabulary: ids, qualifiers, modifiers, answers, units and plausible values.
     *
     * @param patientCase the case
     * @throws InvalidCaseException listing every problem, each naming the finding ({@code findings[2].unit}), the value
     *                              and what was expected (for an unknown id, the nearest ids)
     */
    public void validate(Case patientCase) {
        List<Problem> problems = new ArrayList<>();
        List<Finding> list = patientCase.findings();
        for (int i = 0; i < list.size(); i++) {
            problems.addAll(problems(list.get(i), "findings[" + i + "]"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
    }

    /**
     * What is wrong with a finding by this vocabulary, each problem's field prefixed with {@code path}.
     *
     * @param finding a finding
     * @param path    where it sits in the input, e.g. {@code findings[2]}
     * @return the problems; empty if the finding fits
     */
    public List<Problem> problems(Finding finding, String path) {
        List<Problem> problems = new ArrayList<>();
        FindingDefinition definition = findings.get(finding.code());
        if (definition == null) {
            problems.add(new Problem(path + ".code", quoted(finding.code()), "a finding id of the vocabulary (nearest: "
                    + String.join(", ", nearest(finding.code(), findings.values(), 3)) + ")"));
            return problems;
        }
        String id = definition.id();
        Set<Qualifier> allowed = definition.qualifiers();
        qualifier(allowed, Qualifier.LATERALITY, finding.laterality(), id, path, ".laterality", problems);
        qualifier(allowed, Qualifier.ONSET, finding.onset(), id, path, ".onset", problems);
        qualifier(allowed, Qualifier.TRIGGERS, finding.triggers().isEmpty() && finding.absentTriggers().isEmpty()
                ? null : "", id, path, ".triggers", problems);
        qualifier(allowed, Qualifier.RELIEFS, finding.reliefs().isEmpty() && finding.absentReliefs().isEmpty()
                ? null : "", id, path, ".reliefs", problems);
        qualifier(allowed, Qualifier.SEVERITY, finding.severity(), id, path, ".severity", problems);
        qualifier(allowed, Qualifier.COURSE, finding.course(), id, path, ".course", problems);
        qualifier(allowed, Qualifier.TEMPO, finding.tempo(), id, path, ".tempo", problems);
        qualifier(allowed, Qualifier.TIMING, finding.since() != null ? finding.since() : finding.duration(), id,
                path, ".since", problems);
        qualifier(allowed, Qualifier.SITE, finding.site(), id, path, ".site", problems);
        qualifier(allowed, Qualifier.ANSWER, finding.answer(), id, path, ".answer", problems);
        modifiers(finding.triggers(), ModifierDefinition.Kind.TRIGGER, path, ".triggers", problems);
        modifiers(finding.absentTriggers(), ModifierDefinition.Kind.TRIGGER, path, ".absentTriggers", problems);
        modifiers(finding.reliefs(), ModifierDefinition.Kind.RELIEF, path, ".reliefs", problems);
        modifiers(finding.absentReliefs(), ModifierDefinition.Kind.RELIEF, path, ".absentReliefs", problems);
        if (finding.site() != null) {
            modifiers(Set.of(finding.site()), ModifierDefinition.Kind.SITE, path, ".site", problems);
        }
        if (finding.answer() != null && allowed.contains(Qualifier.ANSWER) && !definition.answers().isEmpty()
                && !definition.answers().contains(finding.answer())) {
            problems.add(new Problem(path + ".answer", quoted(finding.answer()), "one of " + definition.answers()
                    + " for " + id));
        } else if (finding.answer() != null && definition.answers().isEmpty()) {
            problems.add(new Problem(path + ".answer", quoted(finding.answer()), "no answer: " + id
                    + " has no graded answers"));
        }
        if (definition.isMeasurement()) {
            measurement(definition, finding, path, problems);
        } else {
            if (finding.value() != null) {
                problems.add(new Problem(path + ".value", String.valueOf(finding.value()), "no value: " + id
                        + " is not a measurement"));
            }
            if (finding.unit() != null) {
                problems.add(new Problem(path + ".unit", quoted(finding.unit()), "no unit: " + id
                        + " is not a measurement"));
            }
        }
        return problems;
    }

    /** A measurement: present with a value in its unit's range, or an answer; unknown without one; never absent. */
    private static void measurement(FindingDefinition definition, Finding finding, String path, List<Problem> problems) {
        String id = definition.id();
        switch (finding.status()) {
            case ABSENT -> problems.add(new Problem(path + ".status", "absent", "present (measured, with a value) or "
                    + "unknown (not measured): status of " + id + ", a measurement, is never absent"));
            case UNKNOWN -> {
                if (finding.value() != null) {
                    problems.add(new Problem(path + ".value", String.valueOf(finding.value()), "no value of " + id
                            + " when its status is unknown (not measured)"));
                }
            }
            case PRESENT, CONFLICTING -> {
                if (finding.value() == null) {
                    if (finding.answer() == null && finding.status() == Status.PRESENT) {
                        problems.add(new Problem(path + ".value", "missing", "the measured value of " + id
                                + " (required when it is present" + (definition.answers().isEmpty() ? ""
                                : ", unless an answer such as " + definition.answers().get(0) + " is given")
                                + "), in " + units(definition)));
                    }
                    if (finding.unit() != null) {
                        problems.add(new Problem(path + ".unit", quoted(finding.unit()), "no unit without a value"));
                    }
                    return;
                }
                Optional<UnitRange> range = definition.unit(finding.unit());
                if (range.isEmpty()) {
                    problems.add(new Problem(path + ".unit", finding.unit() == null ? "missing" : quoted(finding.unit()),
                            "a unit of " + id + ": one of " + definition.unitNames()));
                    if (definition.units().stream().noneMatch(u -> u.accepts(finding.value()))) {
                        // impossible in any unit (a negative level): say so too, every problem at once
                        problems.add(new Problem(path + ".value", String.valueOf(finding.value()), "a value of " + id
                                + " in one of its units: " + units(definition)));
                    }
                } else if (!range.get().accepts(finding.value())) {
                    problems.add(new Problem(path + ".value", String.valueOf(finding.value()), "a value of " + id
                            + " in " + range.get().unit() + " between " + UnitRange.format(range.get().min()) + " and "
                            + UnitRange.format(range.get().max())));
                }
            }
            default -> throw new IllegalStateException(finding.status().name());
        }
    }

    private static String units(FindingDefinition definition) {
        return definition.units().stream().map(UnitRange::toString).reduce((a, b) -> a + " or " + b).orElse("");
    }

    // the field's name (path + suffix) is built only for a problem: a valid finding, the common case, allocates nothing
    private static void qualifier(Set<Qualifier> allowed, Qualifier qualifier, Object given, String id, String path,
                                  String suffix, List<Problem> problems) {
        if (given != null && !allowed.contains(qualifier)) {
            problems.add(new Problem(path + suffix, quoted(String.valueOf(given).toLowerCase(Locale.ROOT)),
                    "no " + qualifier.key() + " for " + id + " (it takes " + allowed.stream().map(Qualifier::key)
                            .sorted().toList() + ")"));
        }
    }

    private void modifiers(Set<String> ids, ModifierDefinition.Kind kind, String path, String suffix,
                           List<Problem> problems) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, ModifierDefinition> known = modifiers.getOrDefault(kind, Map.of());
        for (String id : ids) {
            if (!known.containsKey(id)) {
                problems.add(new Problem(path + suffix, quoted(id), "a " + kind.name().toLowerCase(Locale.ROOT) + " of "
                        + "the vocabulary (nearest: " + String.join(", ", nearest(id, known.values(), 3)) + ")"));
            }
        }
    }

    private static String quoted(String text) {
        return "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
    }

    // ------------------------------------------------------------------------------------------------------ reading

    /** Reads the files one by one, then resolves references; collects every error with file and line. */
    private static final class Reader {
        private static final YAMLMapper YAML = new YAMLMapper();
        final Map<String, FindingDefinition> findings = new LinkedHashMap<>();
        final Map<ModifierDefinition.Kind, Map<String, ModifierDefinition>> modifiers =
                new EnumMap<>(ModifierDefinition.Kind.class);
        final Map<String, ConditionDefinition> conditions = new LinkedHashMap<>();
        final Map<String, StepDefinition> steps = new LinkedHashMap<>();
        final Map<String, RedFlagCheckDefinition> checks = new LinkedHashMap<>();
        final Map<String, Threshold> thresholds = new LinkedHashMap<>();
        final Map<String, FindingDefinition> presentations = new LinkedHashMap<>();
        final List<RuleCompilationException.Error> errors = new ArrayList<>();
        /** Where each entry was defined, by section and id, for errors found when resolving. */
        final Map<String, Where> defined = new LinkedHashMap<>();
        int order;

        record Where(String file, int line) {
        }

        void file(String file, String text) {
            JsonNode root;
            try {
                root = YAML.readTree(text);
            } catch (IOException e) {
                int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                        ? p.getLocation().getLineNr() : 0;
                String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                        ? p.getOriginalMessage() : e.getMessage();
                error(file, line, "not valid YAML: " + String.valueOf(message).lines().findFirst().orElse(""));
                return;
            }
            if (root == null || root.isMissingNode() || root.isNull()) {
                return;
            }
            if (!root.isObject()) {
                error(file, 1, "a vocabulary file is a mapping of sections (" + String.join(", ", SECTIONS) + ")");
                return;
            }
            Lines lines = new Lines(text);
            root.fieldNames().forEachRemaining(section -> {
                JsonNode entries = root.get(section);
                int sectionLine = lines.key(section, 0);
                if (!SECTIONS.contains(section)) {
                    error(file, sectionLine, "unknown section '" + section + "' (expected one of "
                            + String.join(", ", SECTIONS) + "; nearest: "
                            + String.join(", ", Spelling.nearestKeys(section, SECTIONS, 1)) + ")");
                    return;
                }
                if (entries.isNull()) {
                    return;
                }
                if (!entries.isArray()) {
                    error(file, sectionLine, "'" + section + "' must be a list of entries");
                    return;
                }
                int from = sectionLine;
                for (JsonNode entry : entries) {
                    String id = text(entry, "id");
                    int line = id == null ? from : lines.id(id, from);
                    if (line > from) {
                        from = line;
                    }
                    pending.computeIfAbsent(section, k -> new ArrayList<>()).add(new Raw(file, line, entry));
                }
            });
        }

        /** An entry as read, before its section is processed. */
        record Raw(String file, int line, JsonNode node) {
        }

        /** Entries by section, in file order. */
        final Map<String, List<Raw>> pending = new LinkedHashMap<>();

        /** Processes the sections in dependency order, so every reference names an entry already read. */
        void readSections() {
            for (String section : List.of("findings", "presentations", "modifiers", "thresholds", "checks", "conditions",
                    "steps")) {
                for (Raw raw : pending.getOrDefault(section, List.of())) {
                    entry(raw.file(), raw.line(), section, raw.node());
                }
            }
        }

        private void entry(String file, int line, String section, JsonNode entry) {
            if (!entry.isObject()) {
                error(file, line, "an entry of '" + section + "' must be a mapping with at least an id and a label");
                return;
            }
            Entry e = new Entry(file, line, section, entry);
            String id = e.id();
            if (id == null) {
                return;
            }
            switch (section) {
                case "findings" -> finding(e, id);
                case "modifiers" -> modifier(e, id);
                case "conditions" -> condition(e, id);
                case "steps" -> step(e, id);
                case "checks" -> check(e, id);
                case "thresholds" -> threshold(e, id);
                case "presentations" -> presentation(e, id);
                default -> throw new IllegalStateException(section);
            }
        }

        private void finding(Entry e, String id) {
            e.keys("id", "kind", "label", "snomed", "loinc", "units", "answers", "qualifiers", "note");
            FindingKind kind = e.choice("kind", FindingKind.class, true);
            String label = e.label();
            List<UnitRange> units = new ArrayList<>();
            JsonNode unitsNode = e.node.get("units");
            if (unitsNode != null && !unitsNode.isNull()) {
                if (!unitsNode.isArray() || unitsNode.isEmpty()) {
                    e.error("'units' must be a non-empty list of {unit, min, max}");
                } else {
                    for (JsonNode u : unitsNode) {
                        String unit = text(u, "unit");
                        JsonNode min = u.get("min");
                        JsonNode max = u.get("max");
                        if (unit == null || unit.isBlank() || min == null || !min.isNumber() || max == null
                                || !max.isNumber()) {
                            e.error("each unit needs 'unit' (text), 'min' and 'max' (numbers), but one is " + u);
                        } else if (min.asDouble() > max.asDouble()) {
                            e.error("unit " + unit + ": min " + min.asDouble() + " is above max " + max.asDouble());
                        } else if (units.stream().anyMatch(r -> r.unit().equals(unit))) {
                            e.error("unit " + unit + " is listed twice");
                        } else {
                            units.add(new UnitRange(unit, min.asDouble(), max.asDouble()));
                        }
                    }
                }
            }
            List<String> answers = e.strings("answers").stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
            Set<Qualifier> qualifiers = kind == null ? Set.of() : Qualifier.defaults(kind);
            if (e.node.has("qualifiers")) {
                Set<Qualifier> listed = EnumSet.noneOf(Qualifier.class);
                for (String q : e.strings("qualifiers")) {
                    try {
                        listed.add(Qualifier.valueOf(q.trim().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException bad) {
                        e.error("unknown qualifier '" + q + "' (expected " + names(Qualifier.values()) + ")");
                    }
                }
                qualifiers = listed;
            }
            if (!answers.isEmpty()) {
                qualifiers = EnumSet.copyOf(qualifiers.isEmpty() ? EnumSet.of(Qualifier.ANSWER) : qualifiers);
                qualifiers.add(Qualifier.ANSWER);
            }
            String snomed = e.code("snomed");
            String loinc = e.code("loinc");
            if (kind != null && label != null && define(e, id)) {
                findings.put(id, new FindingDefinition(id, kind, label, snomed, loinc, units, answers, qualifiers,
                        order++));
            }
        }

        private void modifier(Entry e, String id) {
            e.keys("id", "kind", "label", "note");
            ModifierDefinition.Kind kind = e.choice("kind", ModifierDefinition.Kind.class, true);
            String label = e.label();
            if (kind == null || label == null) {
                return;
            }
            Map<String, ModifierDefinition> ofKind = modifiers.computeIfAbsent(kind, k -> new LinkedHashMap<>());
            if (defineAs(e, "modifiers." + kind.name().toLowerCase(Locale.ROOT), id)) {
                ofKind.put(id, new ModifierDefinition(id, kind, label, order++));
            }
        }

        private void condition(Entry e, String id) {
            e.keys("id", "label", "category", "snomed", "decidedBy", "note");
            CauseCategory category = e.choice("category", CauseCategory.class, true);
            String label = e.label();
            List<String> decidedBy = e.strings("decidedBy");
            String snomed = e.code("snomed");
            for (String finding : decidedBy) {
                later(() -> known(e, "decidedBy", finding, findings));
            }
            if (category != null && label != null && define(e, id)) {
                conditions.put(id, new ConditionDefinition(id, label, category, snomed, decidedBy, order++));
            }
        }

        private void step(Entry e, String id) {
            e.keys("id", "kind", "label", "timeCritical", "order", "note");
            StepKind kind = e.choice("kind", StepKind.class, true);
            String label = e.label();
            JsonNode critical = e.node.get("timeCritical");
            if (critical != null && !critical.isBoolean()) {
                e.error("'timeCritical' must be true or false");
            }
            StepDefinition.Order draft = null;
            JsonNode order = e.node.get("order");
            if (order != null && !order.isNull()) {
                draft = order(e, order);
            }
            if (kind != null && label != null && define(e, id)) {
                steps.put(id, new StepDefinition(id, kind, label, critical != null && critical.asBoolean(), draft,
                        this.order++));
            }
        }

        private StepDefinition.Order order(Entry e, JsonNode order) {
            Entry o = new Entry(e.file, e.line, "steps.order", order);
            o.keys("priority", "items", "measures", "answers");
            String priority = text(order, "priority");
            if (priority == null || !List.of("routine", "urgent", "stat").contains(priority)) {
                e.error("order.priority must be routine, urgent or stat, but is " + priority);
            }
            List<StepDefinition.OrderItem> items = new ArrayList<>();
            JsonNode itemsNode = order.get("items");
            if (itemsNode == null || !itemsNode.isArray() || itemsNode.isEmpty()) {
                e.error("order.items must list at least one {text, loinc, display} or {result: FINDING_ID}");
            } else {
                for (JsonNode item : itemsNode) {
                    String result = text(item, "result");
                    if (result != null) {
                        FindingDefinition f = findings.get(result);
                        if (f == null) {
                            known(e, "order.items.result", result, findings);
                        } else if (f.loinc() == null) {
                            e.error("order.items.result " + result + " has no loinc code to order it by");
                        } else {
                            items.add(new StepDefinition.OrderItem(f.label(),
                                    new StandardCode(StandardCode.LOINC, f.loinc()), f.label()));
                        }
                        continue;
                    }
                    String text = text(item, "text");
                    if (text == null || text.isBlank()) {
                        e.error("each order item needs 'text' (or 'result'), but one is " + item);
                        continue;
                    }
                    String loinc = text(item, "loinc");
                    String snomed = text(item, "snomed");
                    StandardCode code = loinc != null ? new StandardCode(StandardCode.LOINC, loinc)
                            : snomed != null ? new StandardCode(StandardCode.SNOMED_CT, snomed) : null;
                    items.add(new StepDefinition.OrderItem(text, code, code == null ? null : text(item, "display")));
                }
            }
            List<String> measures = o.strings("measures");
            List<String> answers = o.strings("answers");
            measures.forEach(m -> later(() -> known(e, "order.measures", m, findings)));
            answers.forEach(a -> later(() -> known(e, "order.answers", a, checks)));
            return new StepDefinition.Order(priority == null ? "routine" : priority, items, Set.copyOf(measures),
                    Set.copyOf(answers));
        }

        private void check(Entry e, String id) {
            e.keys("id", "label", "priority", "actions", "screenedBy", "note");
            String label = e.label();
            JsonNode priority = e.node.get("priority");
            if (priority == null || !priority.canConvertToInt() || priority.asInt() < 1) {
                e.error("'priority' must be a whole number from 1 (asked first)");
            }
            Map<Urgency, String> actions = new EnumMap<>(Urgency.class);
            JsonNode actionsNode = e.node.get("actions");
            if (actionsNode == null || !actionsNode.isObject() || actionsNode.isEmpty()) {
                e.error("'actions' must map EMERGENCY and/or URGENT to what to do");
            } else {
                actionsNode.fieldNames().forEachRemaining(level -> {
                    Urgency urgency = null;
                    try {
                        urgency = Urgency.valueOf(level.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException bad) {
                        e.error("actions: unknown urgency '" + level + "' (expected EMERGENCY or URGENT)");
                    }
                    if (urgency == Urgency.ROUTINE) {
                        e.error("actions: a red flag is EMERGENCY or URGENT, never ROUTINE");
                    } else if (urgency != null) {
                        String action = actionsNode.get(level).asText("");
                        if (action.isBlank()) {
                            e.error("actions." + level + " must say what to do");
                        }
                        actions.put(urgency, action);
                    }
                });
            }
            List<String> screenedBy = e.strings("screenedBy");
            screenedBy.forEach(f -> later(() -> known(e, "screenedBy", f, findings)));
            if (label != null && priority != null && define(e, id)) {
                checks.put(id, new RedFlagCheckDefinition(id, label, priority.asInt(1), actions, screenedBy, order++));
            }
        }

        private void presentation(Entry e, String id) {
            e.keys("id", "note");
            FindingDefinition finding = findings.get(id);
            if (finding == null) {
                e.error("a presentation is a finding id of the vocabulary (nearest: "
                        + String.join(", ", nearest(id, findings.values(), 3)) + ")");
            } else if (presentations.putIfAbsent(id, finding) != null) {
                e.error("is listed twice as a presentation");
            }
        }

        private void threshold(Entry e, String id) {
            e.keys("id", "label", "value", "unit", "values", "source", "note");
            String label = e.label();
            Map<String, Double> values = new LinkedHashMap<>();
            JsonNode value = e.node.get("value");
            JsonNode valuesNode = e.node.get("values");
            if (value != null && valuesNode != null) {
                e.error("give either 'value' with 'unit' or 'values' (unit: number), not both");
            } else if (value != null) {
                if (!value.isNumber()) {
                    e.error("'value' must be a number, but is " + value);
                } else {
                    String unit = text(e.node, "unit");
                    values.put(unit == null ? "1" : unit, value.asDouble());
                }
            } else if (valuesNode != null && valuesNode.isObject() && !valuesNode.isEmpty()) {
                valuesNode.fieldNames().forEachRemaining(unit -> {
                    JsonNode v = valuesNode.get(unit);
                    if (!v.isNumber()) {
                        e.error("values." + unit + " must be a number, but is " + v);
                    } else {
                        values.put(unit, v.asDouble());
                    }
                });
            } else {
                e.error("a threshold needs 'value' (and 'unit') or 'values' (unit: number)");
            }
            if (label != null && !values.isEmpty() && define(e, id)) {
                thresholds.put(id, new Threshold(id, label, values, text(e.node, "source"), order++));
            }
        }

        private boolean define(Entry e, String id) {
            return defineAs(e, e.section, id);
        }

        private boolean defineAs(Entry e, String section, String id) {
            Where earlier = defined.putIfAbsent(section + "/" + id, new Where(e.file, e.line));
            if (earlier != null) {
                e.error("'" + id + "' is defined twice in " + section + " (first at " + earlier.file() + ":"
                        + earlier.line() + ")");
                return false;
            }
            return true;
        }

        private void later(Runnable check) {
            check.run(); // sections are read in dependency order, so what it names is already read
        }

        private void known(Entry e, String field, String id, Map<String, ? extends Definition> among) {
            if (!among.containsKey(id)) {
                e.error(field + ": unknown id '" + id + "' (nearest: "
                        + String.join(", ", nearest(id, among.values(), 3)) + ")");
            }
        }

        void error(String file, int line, String message) {
            errors.add(new RuleCompilationException.Error(file, line, message));
        }

        /** One entry being read, so that its errors carry its file and line. */
        final class Entry {
            final String file;
            final int line;
            final String section;
            final JsonNode node;

            Entry(String file, int line, String section, JsonNode node) {
                this.file = file;
                this.line = line;
                this.section = section;
                this.node = node;
            }

            void error(String message) {
                Reader.this.error(file, line, (node.has("id") ? text(node, "id") + ": " : "") + message);
            }

            String id() {
                String id = text(node, "id");
                if (id == null || id.isBlank()) {
                    error("every entry needs an 'id'");
                    return null;
                }
                if (!id.matches("[A-Z][A-Z0-9_]*")) {
                    error("an id is written in capitals, digits and underscores (e.g. LEG_PAIN), but is '" + id + "'");
                    return null;
                }
                return id;
            }

            String label() {
                String label = text(node, "label");
                if (label == null || label.isBlank()) {
                    error("every entry needs a 'label' in clinician words");
                    return null;
                }
                return label;
            }

            String code(String field) {
                JsonNode code = node.get(field);
                if (code == null || code.isNull()) {
                    return null;
                }
                if (!code.isTextual() || !code.asText().matches("[0-9][0-9-]*")) {
                    error("'" + field + "' must be a code in quotes, e.g. \"10601006\", but is " + code);
                    return null;
                }
                return code.asText();
            }

            void keys(String... allowed) {
                List<String> known = List.of(allowed);
                node.fieldNames().forEachRemaining(key -> {
                    if (!known.contains(key)) {
                        error("unknown key '" + key + "' (expected " + String.join(", ", known) + "; nearest: "
                                + String.join(", ", Spelling.nearestKeys(key, known, 1)) + ")");
                    }
                });
            }

            <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
                String value = text(node, field);
                if (value == null) {
                    if (required) {
                        error("'" + field + "' is required (one of " + names(type.getEnumConstants()) + ")");
                    }
                    return null;
                }
                try {
                    return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException bad) {
                    error("'" + field + "' must be one of " + names(type.getEnumConstants()) + ", but is '" + value
                            + "'");
                    return null;
                }
            }

            List<String> strings(String field) {
                JsonNode list = node.get(field);
                if (list == null || list.isNull()) {
                    return List.of();
                }
                if (!list.isArray()) {
                    error("'" + field + "' must be a list, e.g. [A, B]");
                    return List.of();
                }
                List<String> values = new ArrayList<>();
                for (JsonNode item : list) {
                    if (!item.isTextual() || item.asText().isBlank()) {
                        error("'" + field + "' must list ids, but holds " + item);
                    } else {
                        values.add(item.asText().trim());
                    }
                }
                return values;
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node == null ? null : node.get(field);
            return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
        }

        private static String names(Enum<?>[] values) {
            return String.join(", ", java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT))
                    .toList());
        }
    }

    /** Finds the line of a key or of an entry's id in a YAML text, for error messages. */
    private static final class Lines {
        private final List<String> lines;

        Lines(String text) {
            this.lines = text.lines().toList();
        }

        int key(String key, int from) {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(key)
                    + "\\s*:");
            return find(pattern, from);
        }

        int id(String id, int from) {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("\\bid:\\s*[\"']?"
                    + java.util.regex.Pattern.quote(id) + "[\"']?\\s*(,|}|$)");
            return find(pattern, from);
        }

        private int find(java.util.regex.Pattern pattern, int from) {
            for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
                Matcher m = pattern.matcher(lines.get(i));
                if (m.find()) {
                    return i + 1;
                }
            }
            return Math.max(from, 1);
        }
    }
}
