package org.legcds.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.legcds.facts.Case;
import org.legcds.facts.Course;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.facts.Patient;
import org.legcds.facts.Severity;
import org.legcds.facts.Sex;
import org.legcds.facts.Spelling;
import org.legcds.facts.Status;
import org.legcds.facts.Tempo;
import org.legcds.problems.Escaping;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;
import org.legcds.vocabulary.Vocabulary;

/**
 * Reads a case file:
 *
 * <pre>{@code
 * {"patient": {"id": "p1", "age": 67, "sex": "male", "pregnancy": "absent"},
 *  "evaluationDate": "2026-11-21",
 *  "findings": [{"code": "LEG_PAIN", "status": "present", "laterality": "bilateral",
 *                "triggers": ["walking"], "reliefs": ["standing_still"], "absentReliefs": ["sitting"]}]}
 * }</pre>
 *
 * Every problem is reported at once, each with its JSON path (and, for a finding, its line), the value and what was
 * expected; unknown fields are errors (a typo must not be silently ignored). Codes and modifiers are checked against a
 * knowledge base's vocabulary (the packaged one unless one is given), naming the nearest ids of a misspelt one. Enum
 * values are case-insensitive. Two records of one finding that disagree become one CONFLICTING finding. Thread-safe.
 */
public final class CaseJson {

    /** The largest case file accepted, in bytes (UTF-8). */
    public static final int MAX_BYTES = 1_000_000;

    /** The most problems one report lists; beyond it, a last problem gives the count of the rest. */
    public static final int MAX_PROBLEMS = 100;

    /** How deep objects and arrays may nest (a case file needs 4 levels). */
    public static final int MAX_NESTING = 20;

    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 40;

    /** The longest string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;

    private static final Set<String> CASE_FIELDS = Set.of("patient", "evaluationDate", "findings");
    private static final Set<String> PATIENT_FIELDS = Set.of("id", "age", "birthDate", "sex", "pregnancy");
    private static final Set<String> FINDING_FIELDS = Set.of("code", "status", "laterality", "onset", "value", "unit",
            "triggers", "reliefs", "absentTriggers", "absentReliefs", "severity", "course", "tempo", "since",
            "duration", "site", "answer", "source");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH)
                .build());
    }

    private CaseJson() {
    }

    /**
     * Parses a case from JSON text.
     *
     * @param json the case file's text; at most {@value #MAX_BYTES} bytes when encoded as UTF-8, and valid Unicode (no
     *             unpaired surrogate)
     * @return the case, checked against the packaged vocabulary
     * @throws InvalidCaseException listing every problem found (at most {@value #MAX_PROBLEMS}, then a count of the
     *                              rest)
     */
    public static Case read(String json) {
        return read(json, Vocabulary.packaged());
    }

    /**
     * Parses a case from JSON text, checking its codes against a vocabulary.
     *
     * @param json       the case file's text, as for {@link #read(String)}
     * @param vocabulary the vocabulary of the knowledge base that will assess the case
     * @return the case
     * @throws InvalidCaseException listing every problem found
     */
    public static Case read(String json, Vocabulary vocabulary) {
        if (json == null) {
            throw new InvalidCaseException(List.of(Problem.stated("$", "there is no case file text")));
        }
        if (json.length() > MAX_BYTES) { // a char is at least one byte in UTF-8: too long whatever it holds
            throw tooLarge("more than " + MAX_BYTES + " bytes");
        }
        long bytes = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidCaseException(List.of(new Problem("$", String.format("an unpaired surrogate U+%04X at "
                        + "character %d", (int) c, i), "Unicode text")));
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (bytes > MAX_BYTES) {
            throw tooLarge(bytes + " bytes");
        }
        return parse(json, vocabulary);
    }

    /**
     * Parses a case from the bytes of a case file, which must be UTF-8 (a leading byte-order mark is skipped). Malformed
     * UTF-8 is reported as a problem, with its byte offset: it is never replaced by U+FFFD and read on.
     *
     * @param utf8 the file's bytes; at most {@value #MAX_BYTES}
     * @return the case, checked against the packaged vocabulary
     * @throws InvalidCaseException listing every problem found
     */
    public static Case read(byte[] utf8) {
        return read(utf8, Vocabulary.packaged());
    }

    /**
     * Parses a case from UTF-8 bytes, checking its codes against a vocabulary.
     *
     * @param utf8       the file's bytes, as for {@link #read(byte[])}
     * @param vocabulary the vocabulary of the knowledge base that will assess the case
     * @return the case
     * @throws InvalidCaseException listing every problem found
     */
    public static Case read(byte[] utf8, Vocabulary vocabulary) {
        if (utf8 == null) {
            throw new InvalidCaseException(List.of(Problem.stated("$", "there is no case file content")));
        }
        if (utf8.length > MAX_BYTES) {
            throw tooLarge(utf8.length + " bytes");
        }
        return parse(decode(utf8, utf8.length), vocabulary);
    }

    /**
     * Parses a case from a stream of UTF-8 bytes, as {@link #read(byte[])}; reads at most {@value #MAX_BYTES} + 1
     * bytes, so an oversized input is refused without being read whole. Does not close the stream.
     *
     * @param in the case file's bytes; not null
     * @return the case, checked against the packaged vocabulary
     * @throws InvalidCaseException listing every problem found
     * @throws IOException          if the stream cannot be read
     */
    public static Case read(InputStream in) throws IOException {
        return read(in, Vocabulary.packaged());
    }

    /**
     * Parses a case from a stream of UTF-8 bytes, checking its codes against a vocabulary. Does not close the stream.
     *
     * @param in         the case file's bytes; not null
     * @param vocabulary the vocabulary of the knowledge base that will assess the case
     * @return the case
     * @throws InvalidCaseException listing every problem found
     * @throws IOException          if the stream cannot be read
     */
    public static Case read(InputStream in, Vocabulary vocabulary) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge("more than " + MAX_BYTES + " bytes");
        }
        return read(bytes, vocabulary);
    }

    private static InvalidCaseException tooLarge(String size) {
        return new InvalidCaseException(List.of(new Problem("$", size, "a case file of at most " + MAX_BYTES
                + " bytes")));
    }

    /** Strict UTF-8: the first malformed or unmappable sequence is a problem naming its byte offset. */
    private static String decode(byte[] bytes, int length) {
        int start = length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            StringBuilder found = new StringBuilder();
            for (int i = offset; i < Math.min(length, offset + Math.max(1, result.length())); i++) {
                found.append(found.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
            }
            throw new InvalidCaseException(List.of(new Problem("$", "byte" + (result.length() > 1 ? "s " : " ")
                    + found + " at byte offset " + offset, "UTF-8 text (the case file is not valid UTF-8)")));
        }
        return out.flip().toString();
    }

    private static Case parse(String json, Vocabulary vocabulary) {
        if (json.isBlank()) {
            throw new InvalidCaseException(List.of(Problem.stated("$", "the case file is empty")));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new InvalidCaseException(List.of(Problem.stated("$", "the case file exceeds a limit of the JSON "
                    + "reader (" + limits() + ")" + where(e))));
        } catch (JsonProcessingException e) {
            String reason = Objects.toString(e.getOriginalMessage(), "").lines().findFirst().orElse("");
            int internals = reason.indexOf(" (start marker at");
            throw new InvalidCaseException(List.of(Problem.stated("$", "malformed JSON" + where(e) + ": "
                    + shorten(internals < 0 ? reason : reason.substring(0, internals), 200))));
        }
        return new Reader(vocabulary, findingLines(json)).read(root);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    private static String limits() {
        return "nesting at most " + MAX_NESTING + " levels deep, numbers of at most " + MAX_NUMBER_LENGTH
                + " digits, strings of at most " + MAX_STRING_LENGTH + " characters";
    }

    /** Text shortened for display: a problem report stays readable whatever the input. */
    static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max - 3) + "..." : text;
    }

    /** The problems as one exception: the first {@value #MAX_PROBLEMS}, then the count of the rest. */
    private static InvalidCaseException invalid(List<Problem> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return new InvalidCaseException(problems);
        }
        List<Problem> listed = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        listed.add(Problem.stated("$", (problems.size() - MAX_PROBLEMS) + " more problems not listed"));
        return new InvalidCaseException(listed);
    }

    /**
     * The line on which each element of the top-level "findings" array starts, for problem reports; none for text on
     * one line (an NDJSON line, a case a host or the scenario reader wrote compactly), where "(line 1)" on every finding
     * would say nothing and would turn the field into something that is no longer a JSON path.
     */
    private static List<Integer> findingLines(String json) {
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return List.of();
        }
        List<Integer> lines = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            int depth = 0;
            boolean inFindings = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && depth == 1) {
                    inFindings = "findings".equals(parser.currentName());
                }
                if (token.isStructStart()) {
                    if (depth == 2 && inFindings) {
                        lines.add(parser.currentTokenLocation().getLineNr());
                    }
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        } catch (IOException e) {
            // malformed JSON was already reported by readTree; lines are only a help
        }
        return lines;
    }

    /** Collects problems while mapping; throws them all together at the end. */
    private static final class Reader {
        private final List<Problem> problems = new ArrayList<>();
        private final Vocabulary vocabulary;
        private final List<Integer> lines;

        Reader(Vocabulary vocabulary, List<Integer> lines) {
            this.vocabulary = vocabulary;
            this.lines = lines;
        }

        Case read(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw new InvalidCaseException(List.of(new Problem("$", describe(root),
                        "a JSON object with patient, evaluationDate and findings")));
            }
            unknownFields(root, "", CASE_FIELDS);
            if (root.get("evaluationDate") == null) {
                problems.add(new Problem("evaluationDate", "missing", "the date of the assessment as YYYY-MM-DD"));
            }
            LocalDate evaluationDate = date(root, "evaluationDate", "evaluationDate", false);
            Patient patient = patient(root.get("patient"), evaluationDate);
            List<Finding> findings = findings(root.get("findings"));
            if (!problems.isEmpty()) {
                throw invalid(problems);
            }
            try {
                return new Case(patient, evaluationDate, findings);
            } catch (InvalidCaseException e) {
                throw e;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidCaseException(List.of(Problem.stated("$", e.getMessage())));
            }
        }

        private Patient patient(JsonNode node, LocalDate evaluationDate) {
            if (node == null || !node.isObject()) {
                problems.add(new Problem("patient", describe(node), "an object with id, age or birthDate, sex, pregnancy"));
                return null;
            }
            unknownFields(node, "patient.", PATIENT_FIELDS);
            String id = text(node, "id", "patient.id", true);
            Sex sex = enumValue(node, "sex", "patient.sex", Sex.class, Sex.UNKNOWN);
            Status pregnancy = enumValue(node, "pregnancy", "patient.pregnancy", Status.class, Status.UNKNOWN);
            Integer age = null;
            JsonNode ageNode = node.get("age");
            LocalDate birthDate = date(node, "birthDate", "patient.birthDate", false);
            if (ageNode != null && !ageNode.isNull()) {
                if (!ageNode.canConvertToExactIntegral() || !ageNode.canConvertToInt()) {
                    problems.add(new Problem("patient.age", describe(ageNode), "a whole number of years"));
                } else {
                    age = ageNode.intValue();
                }
                if (birthDate != null) {
                    problems.add(new Problem("patient.birthDate", birthDate.toString(),
                            "either age or birthDate, not both"));
                }
            }
            // the fact model checks the rest (age range, pregnancy and sex, ...); what was reported above is not repeated
            try {
                if (birthDate != null && (ageNode == null || ageNode.isNull())) {
                    if (evaluationDate == null) {
                        return null; // reported under evaluationDate
                    }
                    return Patient.bornOn(id, birthDate, evaluationDate, sex, pregnancy);
                }
                return new Patient(id, age, sex, pregnancy);
            } catch (InvalidCaseException e) {
                addUnreported("patient.", e);
                return null;
            }
        }

        /** The fact model's problems, under the JSON path, except for fields already reported. */
        private void addUnreported(String prefix, InvalidCaseException e) {
            Set<String> reported = problems.stream().map(Problem::field).collect(Collectors.toSet());
            for (Problem problem : e.problems()) {
                String field = prefix + problem.field();
                if (!reported.contains(field)) {
                    problems.add(new Problem(field, problem.value(), problem.expected()));
                }
            }
        }

        private List<Finding> findings(JsonNode node) {
            List<Finding> findings = new ArrayList<>();
            if (node == null || !node.isArray()) {
                problems.add(new Problem("findings", describe(node), "an array of findings (it may be empty)"));
                return findings;
            }
            if (node.size() > Case.MAX_FINDINGS) {
                problems.add(new Problem("findings", node.size() + " findings", "at most " + Case.MAX_FINDINGS));
                return findings;
            }
            for (int i = 0; i < node.size(); i++) {
                String where = "findings[" + i + "]" + (i < lines.size() ? " (line " + lines.get(i) + ")" : "");
                Finding finding = finding(node.get(i), where);
                if (finding != null) {
                    findings.add(finding);
                }
            }
            return findings;
        }

        private Finding finding(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problems.add(new Problem(path, describe(node), "an object with code and status"));
                return null;
            }
            int before = problems.size();
            unknownFields(node, path + ".", FINDING_FIELDS);
            String codeText = text(node, "code", path + ".code", true);
            String code = codeText == null ? null : Spelling.normalise(shorten(codeText, 200));
            Status status = enumValue(node, "status", path + ".status", Status.class, null);
            if (status == null && node.get("status") == null) {
                problems.add(new Problem(path + ".status", "missing",
                        "present, absent, unknown or conflicting (a missing answer is never taken as absent)"));
            }
            Laterality laterality = enumValue(node, "laterality", path + ".laterality", Laterality.class, null);
            Onset onset = enumValue(node, "onset", path + ".onset", Onset.class, null);
            Double value = null;
            JsonNode valueNode = node.get("value");
            if (valueNode != null && !valueNode.isNull()) {
                if (!valueNode.isNumber()) {
                    problems.add(new Problem(path + ".value", describe(valueNode), "a number"));
                } else {
                    value = valueNode.doubleValue();
                }
            }
            String unit = text(node, "unit", path + ".unit", false);
            Set<String> triggers = ids(node, "triggers", path + ".triggers");
            Set<String> reliefs = ids(node, "reliefs", path + ".reliefs");
            Set<String> absentTriggers = ids(node, "absentTriggers", path + ".absentTriggers");
            Set<String> absentReliefs = ids(node, "absentReliefs", path + ".absentReliefs");
            Severity severity = enumValue(node, "severity", path + ".severity", Severity.class, null);
            Course course = enumValue(node, "course", path + ".course", Course.class, null);
            Tempo tempo = enumValue(node, "tempo", path + ".tempo", Tempo.class, null);
            LocalDate since = date(node, "since", path + ".since", false);
            String duration = text(node, "duration", path + ".duration", false);
            String site = text(node, "site", path + ".site", false);
            String answer = text(node, "answer", path + ".answer", false);
            String source = text(node, "source", path + ".source", false);
            if (problems.size() > before || code == null || status == null) {
                return null;
            }
            // the fact model and the vocabulary check the rest (ids, ranges, units, qualifiers); not repeating the above
            try {
                Finding finding = new Finding(code, status, laterality, onset, value, unit, triggers, reliefs,
                        absentTriggers, absentReliefs, severity, course, tempo, since, duration,
                        site == null ? null : Spelling.normalise(site), answer, source);
                List<Problem> unfit = vocabulary.problems(finding, path);
                problems.addAll(unfit);
                return unfit.isEmpty() ? finding : null;
            } catch (InvalidCaseException e) {
                addUnreported(path + ".", e);
                return null;
            }
        }

        /** A list of modifier ids (case and spaces as a person writes them: "standing still" is STANDING_STILL). */
        private Set<String> ids(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            Set<String> result = new LinkedHashSet<>();
            if (value == null || value.isNull()) {
                return result;
            }
            if (!value.isArray()) {
                problems.add(new Problem(path, describe(value), "an array of modifier ids, e.g. [\"walking\"]"));
                return result;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isTextual() || item.asText().isBlank()) {
                    problems.add(new Problem(path + "[" + i + "]", describe(item), "a modifier id, e.g. \"walking\""));
                } else {
                    result.add(Spelling.normalise(shorten(item.asText(), 200)));
                }
            }
            return result;
        }

        private void unknownFields(JsonNode node, String prefix, Set<String> allowed) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problems.add(new Problem(prefix + Escaping.name(shorten(name, 60)), "an unknown field",
                            "one of " + allowed.stream().sorted().toList()));
                }
            }
        }

        private String text(JsonNode node, String field, String path, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problems.add(new Problem(path, "missing", "a string"));
                }
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problems.add(new Problem(path, describe(value), "a non-empty string"));
                return null;
            }
            return value.asText();
        }

        private LocalDate date(JsonNode node, String field, String path, boolean required) {
            String text = text(node, field, path, required);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(path, Escaping.quote(shorten(text, 60)), "a date as YYYY-MM-DD"));
                return null;
            }
        }

        private <E extends Enum<E>> E enumValue(JsonNode node, String field, String path, Class<E> type, E fallback) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            E parsed = value.isTextual() ? parse(type, value.asText()) : null;
            if (parsed == null) {
                problems.add(new Problem(path, describe(value), "one of " + names(type)));
            }
            return parsed;
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String text) {
            return Spelling.parse(type, text).orElse(null);
        }

        private static String names(Class<? extends Enum<?>> type) {
            return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList().toString();
        }

        private static String describe(JsonNode node) {
            if (node == null) {
                return "missing";
            }
            String text = node.toString();
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }
    }
}
