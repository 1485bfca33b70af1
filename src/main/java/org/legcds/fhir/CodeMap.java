package org.legcds.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.Vocabulary;
import org.legcds.facts.Laterality;
import org.legcds.facts.Status;

/**
 * The code maps: which standard codes (SNOMED CT, ICD-10-CM, LOINC, RxNorm, ...) stand for which vocabulary item, how an
 * observation's value is read, which answer codes mean present or absent, which body sites name a side, and which unit
 * spellings are the same unit. Loaded from CSV files that a clinical informatician edits in a spreadsheet (see the
 * README beside the packaged files). Immutable and thread-safe.
 */
final class CodeMap {

    /** The pseudo-target for codes that say whether the patient is pregnant (a property of the patient, not a finding). */
    static final String PREGNANCY = "PREGNANCY";

    static final String ANSWERS = "answers.csv";
    static final String BODY_SITES = "body-sites.csv";
    static final String UNITS = "units.csv";
    static final String SAFE_SIDE = "safe-side.csv";
    private static final List<String> TABLES = List.of(ANSWERS, BODY_SITES, UNITS, SAFE_SIDE);

    /** The packaged files, in load order: code maps first, then the answer, body-site, unit and safe-side tables. */
    static final List<String> PACKAGED = List.of("snomed-ct.csv", "icd-10-cm.csv", "loinc.csv", "rxnorm.csv",
            "other-systems.csv", ANSWERS, BODY_SITES, UNITS, SAFE_SIDE);

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /** Short names an informatician may write in the system column instead of the FHIR system URI. */
    private static final Map<String, String> SYSTEM_NAMES = Map.of(
            "SNOMED", SNOMED, "SNOMED-CT", SNOMED, "SNOMED CT", SNOMED, "SCT", SNOMED,
            "LOINC", LOINC, "ICD-10-CM", ICD10CM, "ICD10CM", ICD10CM, "RXNORM", RXNORM);

    private static final Set<String> MAPPING_COLUMNS = Set.of("system", "code", "display", "target", "read", "units",
            "laterality", "history", "threshold", "comment");
    private static final Set<String> ANSWER_COLUMNS = Set.of("system", "code", "display", "status", "comment");
    private static final Set<String> BODY_SITE_COLUMNS = Set.of("system", "code", "display", "laterality", "comment");
    private static final Set<String> UNIT_COLUMNS = Set.of("unit", "alias", "comment");
    private static final Set<String> SAFE_SIDE_COLUMNS = Set.of("target", "comment");

    /** How an observation's value is read for a mapped code. */
    enum Read {
        /** The code names the finding: recorded means present; a yes/no answer, if given, says present or absent. */
        PRESENCE,
        /** The code itself states absence (e.g. "Never smoked tobacco"): recorded means absent. */
        ABSENCE,
        /** The code is a question: its coded or yes/no value (see {@code answers.csv}) says present or absent. */
        ANSWER,
        /** The code is a measurement: a quantity in one of the target's units. */
        QUANTITY,
        /**
         * The code is a measurement that stands for a finding above a limit (total cholesterol -> high cholesterol):
         * a value at or above the row's {@code threshold} means present; a value below it says nothing (a normal
         * cholesterol on a statin is not "no high cholesterol").
         */
        THRESHOLD
    }

    /** A limit for {@link Read#THRESHOLD}: a value at or above {@code value}, in {@code unit}, means present. */
    record Threshold(double value, String unit) {
        @Override
        public String toString() {
            return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " " + unit;
        }
    }

    /**
     * One row of a code map.
     *
     * @param system     FHIR system URI
     * @param code       the code, or a prefix ending in {@code *}
     * @param display    the code's display text (documentation only)
     * @param target     the vocabulary item, or null for {@link #PREGNANCY}
     * @param read       how an observation's value is read
     * @param units      units accepted for this code (a subset of the target's), empty for all of them
     * @param laterality the side the code itself names (e.g. ICD-10-CM "pain in left leg"), or null
     * @param history    whether a resolved or inactive condition still counts (the item is a history, e.g. cancer)
     * @param threshold  for {@link Read#THRESHOLD}: the limit at or above which the target is present, else null
     * @param also       further targets the code stands for, read the same way (diabetic neuropathy is diabetes and
     *                   a neuropathy); empty for most rows
     * @param source     file and line, for messages
     */
    record Mapping(String system, String code, String display, FindingDefinition target, Read read, List<String> units,
                   Laterality laterality, boolean history, Threshold threshold, List<FindingDefinition> also,
                   String source) {

        boolean pregnancy() {
            return target == null;
        }

        String targetName() {
            return target == null ? PREGNANCY : target.id();
        }

        /** Every target: the first, then the further ones. */
        List<FindingDefinition> targets() {
            if (target == null) {
                return List.of();
            }
            List<FindingDefinition> all = new ArrayList<>(List.of(target));
            all.addAll(also);
            return all;
        }

        /** The units a value of this code may be given in. */
        List<String> acceptedUnits() {
            return units.isEmpty() && target != null ? target.unitNames() : units;
        }
    }

    private final Map<String, Map<String, Mapping>> exact;
    private final Map<String, TreeMap<String, Mapping>> prefixes;
    private final List<Mapping> mappings;
    private final Map<String, Status> answers;
    private final Map<String, Laterality> bodySites;
    private final Map<String, String> units;
    private final Vocabulary vocabulary;
    private final Set<FindingDefinition> safeSide;

    private CodeMap(Loader loader) {
        this.exact = loader.exact;
        this.prefixes = loader.prefixes;
        this.mappings = List.copyOf(loader.mappings);
        this.answers = Map.copyOf(loader.answers);
        this.bodySites = Map.copyOf(loader.bodySites);
        this.units = Map.copyOf(loader.units);
        this.vocabulary = loader.vocabulary;
        this.safeSide = Set.copyOf(loader.safeSide);
    }

    /** The vocabulary whose findings the maps' targets are. */
    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The code maps packaged in the jar. */
    static CodeMap packaged() {
        Loader loader = new Loader(Vocabulary.packaged());
        for (String name : PACKAGED) {
            try (InputStream in = CodeMap.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the packaged FHIR code map " + name + " is missing from the jar");
                }
                loader.load(name, new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the packaged FHIR code map " + name, e);
            }
        }
        return loader.finish();
    }

    /**
     * The code maps in a directory: every {@code *.csv} file, where {@code answers.csv}, {@code body-sites.csv} and
     * {@code units.csv} are the answer, body-site and unit tables and every other file is a code map.
     *
     * @throws IllegalArgumentException naming every file and line that is wrong, or a table that is missing
     */
    static CodeMap load(Path directory) {
        return load(directory, Vocabulary.packaged());
    }

    /** The code maps in a directory, whose targets are findings of the given vocabulary. */
    static CodeMap load(Path directory, Vocabulary vocabulary) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("FHIR code maps: " + directory + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        Loader loader = new Loader(vocabulary);
        for (String table : TABLES) {
            if (files.stream().noneMatch(p -> p.getFileName().toString().equals(table))) {
                loader.problems.add(directory.resolve(table) + ": missing (copy it from the packaged code maps)");
            }
        }
        // code maps first, then the tables, as in the jar
        List<Path> ordered = new ArrayList<>(files.stream().filter(p -> !TABLES.contains(p.getFileName().toString())).toList());
        ordered.addAll(files.stream().filter(p -> TABLES.contains(p.getFileName().toString())).toList());
        if (files.stream().allMatch(p -> TABLES.contains(p.getFileName().toString()))) {
            loader.problems.add(directory + ": no code map (*.csv besides the three tables) found");
        }
        for (Path file : ordered) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                loader.load(file.toString(), reader);
            } catch (IOException e) {
                loader.problems.add(file + ": cannot be read: " + e.getMessage());
            }
        }
        return loader.finish();
    }

    /** The mapping for a code, exact first, then the longest matching prefix; empty when the code means nothing to us. */
    Optional<Mapping> find(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        String key = key(system, code);
        Map<String, Mapping> bySystem = exact.get(system);
        if (bySystem != null && bySystem.containsKey(key)) {
            return Optional.of(bySystem.get(key));
        }
        TreeMap<String, Mapping> byPrefix = prefixes.get(system);
        if (byPrefix != null && !byPrefix.isEmpty()) {
            // only as long as the longest prefix: a code of a million characters costs no more than a short one
            int longest = byPrefix.keySet().stream().mapToInt(String::length).max().orElse(0);
            for (int length = Math.min(key.length(), longest); length > 0; length--) {
                Mapping mapping = byPrefix.get(key.substring(0, length));
                if (mapping != null) {
                    return Optional.of(mapping);
                }
            }
        }
        return Optional.empty();
    }

    /** What an answer code says: present, absent or unknown; empty when it is not a known answer. */
    Optional<Status> answer(String system, String code) {
        return system == null || code == null ? Optional.empty() : Optional.ofNullable(answers.get(system + "|" + code));
    }

    /** The side a body-site code names; empty when it names none we know. */
    Optional<Laterality> side(String system, String code) {
        return system == null || code == null ? Optional.empty() : Optional.ofNullable(bodySites.get(system + "|" + code));
    }

    /** The canonical spelling of a unit ({@code m[IU]/L} is {@code mIU/L}); the unit itself when it has no alias. */
    String unit(String unit) {
        return unit == null ? null : units.getOrDefault(unit.trim(), unit.trim());
    }

    /**
     * Whether a record of this item that is not established (unconfirmed, provisional, preliminary, without status,
     * dated after the evaluation date) is still read as present, with an issue: a red flag, where a missed one costs
     * more than a false alarm ({@code safe-side.csv}).
     */
    boolean safeSide(FindingDefinition target) {
        return target != null && safeSide.contains(target);
    }

    /** Every mapping row, in file order. */
    List<Mapping> mappings() {
        return mappings;
    }

    /** The FHIR system URI for a system column value: a short name (SNOMED, LOINC, ICD-10-CM, RxNorm) or a URI. */
    static Optional<String> systemUri(String name) {
        String trimmed = name.trim();
        if (trimmed.contains(":")) {
            return Optional.of(trimmed);
        }
        return Optional.ofNullable(SYSTEM_NAMES.get(trimmed.toUpperCase(Locale.ROOT)));
    }

    /** ICD-10-CM codes are compared without their dot and in upper case ("m79.605" is M79.605 is M79605). */
    private static String key(String system, String code) {
        String trimmed = code.trim();
        return ICD10CM.equals(system) ? trimmed.replace(".", "").toUpperCase(Locale.ROOT) : trimmed;
    }

    /** Reads files, collecting every problem with its file and line; {@link #finish} throws them all together. */
    private static final class Loader {
        private static final CsvMapper CSV = CsvMapper.builder()
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.ALLOW_COMMENTS)
                .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
                .build();

        final Map<String, Map<String, Mapping>> exact = new HashMap<>();
        final Map<String, TreeMap<String, Mapping>> prefixes = new HashMap<>();
        final List<Mapping> mappings = new ArrayList<>();
        final Map<String, Status> answers = new HashMap<>();
        final Map<String, String> answerSources = new HashMap<>();
        final Map<String, Laterality> bodySites = new HashMap<>();
        final Map<String, String> bodySiteSources = new HashMap<>();
        final Map<String, String> units = new HashMap<>();
        final Map<String, String> unitSources = new HashMap<>();
        final Map<FindingDefinition, String> safeSideSources = new HashMap<>();
        final Set<FindingDefinition> safeSide = new java.util.HashSet<>();
        final List<String> problems = new ArrayList<>();
        final Vocabulary vocabulary;

        Loader(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
        }

        void load(String file, Reader reader) throws IOException {
            String name = Path.of(file).getFileName().toString();
            Set<String> columns = switch (name) {
                case ANSWERS -> ANSWER_COLUMNS;
                case BODY_SITES -> BODY_SITE_COLUMNS;
                case UNITS -> UNIT_COLUMNS;
                case SAFE_SIDE -> SAFE_SIDE_COLUMNS;
                default -> MAPPING_COLUMNS;
            };
            CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
            try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                    .readValues(reader)) {
                boolean headerChecked = false;
                while (rows.hasNextValue()) {
                    int line = rows.getCurrentLocation().getLineNr();
                    Map<String, String> row = rows.nextValue();
                    if (!headerChecked) {
                        headerChecked = true;
                        if (!header(file, row.keySet(), columns, name)) {
                            return;
                        }
                    }
                    String where = file + ":" + line;
                    switch (name) {
                        case ANSWERS -> answer(where, row);
                        case BODY_SITES -> bodySite(where, row);
                        case UNITS -> unit(where, row);
                        case SAFE_SIDE -> safeSide(where, row);
                        default -> mapping(where, row);
                    }
                }
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
                problems.add(file + ":" + line + ": not a valid CSV row: " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                if (e.getCause() instanceof JsonProcessingException cause) {
                    int line = cause.getLocation() == null ? -1 : cause.getLocation().getLineNr();
                    problems.add(file + ":" + line + ": not a valid CSV row: " + cause.getOriginalMessage());
                } else {
                    throw e;
                }
            }
        }

        private boolean header(String file, Collection<String> present, Set<String> allowed, String name) {
            List<String> unknown = present.stream().filter(c -> !allowed.contains(c)).sorted().toList();
            if (!unknown.isEmpty()) {
                problems.add(file + ":1: unknown column(s) " + unknown + "; the columns of " + name + " are "
                        + allowed.stream().sorted().toList());
                return false;
            }
            return true;
        }

        private static String cell(Map<String, String> row, String column) {
            String value = row.get(column);
            return value == null ? "" : value.trim();
        }

        private String system(String where, Map<String, String> row) {
            String written = cell(row, "system");
            if (written.isEmpty()) {
                problems.add(where + ": system is empty; expected SNOMED, LOINC, ICD-10-CM, RxNorm or a system URI");
                return null;
            }
            Optional<String> uri = systemUri(written);
            if (uri.isEmpty()) {
                problems.add(where + ": system '" + written + "' is not known; expected SNOMED, LOINC, ICD-10-CM, "
                        + "RxNorm or a system URI");
            }
            return uri.orElse(null);
        }

        private void mapping(String where, Map<String, String> row) {
            int before = problems.size();
            String system = system(where, row);
            String code = cell(row, "code");
            if (code.isEmpty()) {
                problems.add(where + ": code is empty");
            }
            // one target, or several separated by spaces (the first is the main one; all are read the same way)
            List<String> targetTexts = Arrays.stream(cell(row, "target").split("\\s+")).filter(t -> !t.isEmpty())
                    .toList();
            String targetText = targetTexts.isEmpty() ? "" : targetTexts.get(0);
            FindingDefinition target = null;
            List<FindingDefinition> also = new ArrayList<>();
            if (targetTexts.size() > 1 && targetTexts.stream().anyMatch(t -> t.equalsIgnoreCase(PREGNANCY))) {
                problems.add(where + ": PREGNANCY is a target on its own, not one of several");
            }
            List<String> texts = targetTexts.isEmpty() ? List.of("") : targetTexts;
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                if (text.equalsIgnoreCase(PREGNANCY)) {
                    continue;
                }
                FindingDefinition parsed = finding(text);
                if (parsed == null) {
                    problems.add(where + ": target '" + text + "' is not a finding id of the vocabulary (nearest: "
                            + String.join(", ", Vocabulary.nearest(text, vocabulary.findings(), 3))
                            + "; or PREGNANCY)");
                } else if (i == 0) {
                    target = parsed;
                } else if (parsed == target || also.contains(parsed)) {
                    problems.add(where + ": target " + parsed.id() + " is listed twice");
                } else {
                    also.add(parsed);
                }
            }
            Read read = Read.PRESENCE;
            String readText = cell(row, "read");
            if (!readText.isEmpty()) {
                read = parse(Read.class, readText).orElse(null);
                if (read == null) {
                    problems.add(where + ": read '" + readText + "' is not valid; expected presence, absence, answer, quantity or "
                            + "threshold");
                }
            }
            List<String> unitList = cell(row, "units").isEmpty() ? List.of()
                    : Arrays.stream(cell(row, "units").split("\\s+")).toList();
            Laterality side = null;
            if (!cell(row, "laterality").isEmpty()) {
                side = parse(Laterality.class, cell(row, "laterality")).orElse(null);
                if (side == null) {
                    problems.add(where + ": laterality '" + cell(row, "laterality") + "' is not valid; expected left, right or bilateral");
                }
            }
            String historyText = cell(row, "history").toLowerCase(Locale.ROOT);
            if (!historyText.isEmpty() && !historyText.equals("yes") && !historyText.equals("no")) {
                problems.add(where + ": history '" + historyText + "' is not valid; expected yes, no or empty");
            }
            Threshold threshold = null;
            String thresholdText = cell(row, "threshold");
            if (!thresholdText.isEmpty()) {
                String[] parts = thresholdText.split("\\s+", 2);
                try {
                    threshold = new Threshold(Double.parseDouble(parts[0]), parts.length > 1 ? parts[1].trim() : "");
                } catch (NumberFormatException e) {
                    threshold = null;
                }
                if (threshold == null || threshold.unit().isEmpty() || !Double.isFinite(threshold.value())) {
                    problems.add(where + ": threshold '" + thresholdText + "' is not valid; expected a number and a "
                            + "unit, e.g. 240 mg/dL");
                }
            }
            if (problems.size() > before) {
                return;
            }
            if ((read == Read.THRESHOLD) != (threshold != null)) {
                problems.add(where + ": read threshold and a threshold column go together (read '"
                        + read.name().toLowerCase(Locale.ROOT) + "', threshold '" + thresholdText + "')");
                return;
            }
            if (read == Read.THRESHOLD && (target == null || target.isMeasurement() || !also.isEmpty()
                    || !unitList.isEmpty())) {
                problems.add(where + ": read threshold needs one target that is not a measurement (it is present when "
                        + "the value reaches the threshold), and no units column (the threshold names its unit)");
                return;
            }
            if (!also.isEmpty() && (read == Read.QUANTITY || read == Read.ANSWER
                    || also.stream().anyMatch(FindingDefinition::isMeasurement) || target.isMeasurement())) {
                problems.add(where + ": several targets are read as presence or absence only, and none may be a "
                        + "measurement");
                return;
            }
            if (target == null && (read == Read.QUANTITY || side != null)) {
                problems.add(where + ": PREGNANCY is read as presence, absence or answer, without laterality");
                return;
            }
            if (target != null && read != Read.THRESHOLD && (read == Read.QUANTITY) != target.isMeasurement()) {
                problems.add(where + ": read '" + read.name().toLowerCase(Locale.ROOT) + "' does not fit " + target.id()
                        + (target.isMeasurement() ? ", a measurement: use read quantity"
                        : ", which is not a measurement: use presence, absence or answer"));
                return;
            }
            if (!unitList.isEmpty() && (read != Read.QUANTITY || !target.unitNames().containsAll(unitList))) {
                problems.add(where + ": units " + unitList + " must be a subset of " + (target == null ? PREGNANCY : target.id()) + "'s units "
                        + (target == null ? List.of() : target.unitNames()) + ", for read quantity only");
                return;
            }
            Mapping mapping = new Mapping(system, code, cell(row, "display"), target, read, unitList, side,
                    historyText.equals("yes"), threshold, List.copyOf(also), where);
            add(mapping);
        }

        private void add(Mapping mapping) {
            String system = mapping.system();
            boolean prefix = mapping.code().endsWith("*");
            String key = key(system, prefix ? mapping.code().substring(0, mapping.code().length() - 1) : mapping.code());
            if (key.isEmpty()) {
                problems.add(mapping.source() + ": a prefix needs at least one character before '*'");
                return;
            }
            Map<String, Mapping> bySystem = exact.computeIfAbsent(system, s -> new HashMap<>());
            TreeMap<String, Mapping> byPrefix = prefixes.computeIfAbsent(system, s -> new TreeMap<>());
            // no code may map twice: not the same code, not a code a prefix covers, not overlapping prefixes
            Mapping clash = prefix ? byPrefix.get(key) : bySystem.get(key);
            if (clash == null) {
                for (Mapping p : byPrefix.values()) {
                    String other = key(system, p.code().substring(0, p.code().length() - 1));
                    if (key.startsWith(other) || (prefix && other.startsWith(key))) {
                        clash = p;
                        break;
                    }
                }
            }
            if (clash == null && prefix) {
                clash = bySystem.entrySet().stream().filter(e -> e.getKey().startsWith(key)).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }
            if (clash != null) {
                problems.add(mapping.source() + ": " + mapping.code() + " maps twice: " + clash.source() + " already maps "
                        + clash.code() + " to " + clash.targetName());
                return;
            }
            (prefix ? byPrefix : bySystem).put(key, mapping);
            mappings.add(mapping);
        }

        private void answer(String where, Map<String, String> row) {
            String system = system(where, row);
            String code = cell(row, "code");
            Status status = parse(Status.class, cell(row, "status")).orElse(null);
            if (code.isEmpty()) {
                problems.add(where + ": code is empty");
            }
            if (status == null) {
                problems.add(where + ": status '" + cell(row, "status") + "' is not valid; expected present, absent or unknown");
            }
            if (system != null && !code.isEmpty() && status != null) {
                String key = system + "|" + code;
                String earlier = answerSources.putIfAbsent(key, where);
                if (earlier != null) {
                    problems.add(where + ": answer " + code + " is listed twice (also at " + earlier + ")");
                } else {
                    answers.put(key, status);
                }
            }
        }

        private void bodySite(String where, Map<String, String> row) {
            String system = system(where, row);
            String code = cell(row, "code");
            Laterality side = parse(Laterality.class, cell(row, "laterality")).orElse(null);
            if (code.isEmpty()) {
                problems.add(where + ": code is empty");
            }
            if (side == null) {
                problems.add(where + ": laterality '" + cell(row, "laterality") + "' is not valid; expected left, right or bilateral");
            }
            if (system != null && !code.isEmpty() && side != null) {
                String key = system + "|" + code;
                String earlier = bodySiteSources.putIfAbsent(key, where);
                if (earlier != null) {
                    problems.add(where + ": body site " + code + " is listed twice (also at " + earlier + ")");
                } else {
                    bodySites.put(key, side);
                }
            }
        }

        private void unit(String where, Map<String, String> row) {
            String unit = cell(row, "unit");
            String alias = cell(row, "alias");
            if (unit.isEmpty() || alias.isEmpty()) {
                problems.add(where + ": unit and alias must both be given");
                return;
            }
            String earlier = unitSources.putIfAbsent(alias, where);
            if (earlier != null) {
                problems.add(where + ": alias '" + alias + "' is listed twice (also at " + earlier + ")");
                return;
            }
            units.put(alias, unit);
        }

        private FindingDefinition finding(String text) {
            return vocabulary.finding(org.legcds.facts.Spelling.normalise(text)).orElse(null);
        }

        private void vocabularyCode(FindingDefinition finding, String system, String code) {
            if (code == null || exact.getOrDefault(system, Map.of()).containsKey(key(system, code))) {
                return;
            }
            add(new Mapping(system, code, finding.label(), finding, finding.isMeasurement() ? Read.QUANTITY
                    : Read.PRESENCE, List.of(), null, false, null, List.of(), "vocabulary " + finding.id()));
        }

        private void safeSide(String where, Map<String, String> row) {
            String text = cell(row, "target");
            FindingDefinition target = finding(text);
            if (target == null) {
                problems.add(where + ": target '" + text + "' is not a finding id of the vocabulary (nearest: "
                        + String.join(", ", Vocabulary.nearest(text, vocabulary.findings(), 3)) + ")");
                return;
            }
            String earlier = safeSideSources.putIfAbsent(target, where);
            if (earlier != null) {
                problems.add(where + ": " + target.id() + " is listed twice (also at " + earlier + ")");
                return;
            }
            safeSide.add(target);
        }

        CodeMap finish() {
            // each vocabulary finding's own SNOMED CT and LOINC code maps to it (written once, in the vocabulary);
            // the CSV maps add other codes (ICD-10-CM, RxNorm, more SNOMED CT) and may refine how a code is read
            for (FindingDefinition finding : vocabulary.findings()) {
                vocabularyCode(finding, SNOMED, finding.snomed());
                vocabularyCode(finding, LOINC, finding.loinc());
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("FHIR code maps are not valid (" + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
            }
            return new CodeMap(this);
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        return org.legcds.facts.Spelling.parse(type, text);
    }

    /** For tests and reports: the rows grouped by target, in file order. */
    Map<String, List<Mapping>> byTarget() {
        Map<String, List<Mapping>> grouped = new LinkedHashMap<>();
        mappings.forEach(m -> grouped.computeIfAbsent(m.targetName(), t -> new ArrayList<>()).add(m));
        return grouped;
    }
}
