package org.legcds.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.legcds.InvalidCaseException;
import org.legcds.Problem;
import org.legcds.facts.Case;
import org.legcds.facts.Code;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.facts.Patient;
import org.legcds.facts.Relief;
import org.legcds.facts.Sex;
import org.legcds.facts.Spelling;
import org.legcds.facts.Status;
import org.legcds.facts.Trigger;

/**
 * Reads a case file:
 *
 * <pre>{@code
 * {"patient": {"id": "p1", "age": 67, "sex": "male", "pregnancy": "absent"},
 *  "evaluationDate": "2026-11-21",
 *  "findings": [{"code": "LEG_PAIN", "status": "present", "laterality": "bilateral",
 *                "triggers": ["walking"], "reliefs": ["standing_still"]}]}
 * }</pre>
 *
 * Every problem is reported at once, each with its JSON path, the value and what was expected; unknown fields are
 * errors (a typo must not be silently ignored). Enum values are case-insensitive. Thread-safe.
 */
public final class CaseJson {

    /** The largest case file accepted, in bytes. */
    public static final int MAX_BYTES = 1_000_000;

    private static final Set<String> CASE_FIELDS = Set.of("patient", "evaluationDate", "findings");
    private static final Set<String> PATIENT_FIELDS = Set.of("id", "age", "birthDate", "sex", "pregnancy");
    private static final Set<String> FINDING_FIELDS = Set.of("code", "status", "laterality", "onset", "value", "unit",
            "triggers", "reliefs");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(20).maxNumberLength(40).maxStringLength(100_000).build());
    }

    private CaseJson() {
    }

    /**
     * Parses a case.
     *
     * @throws InvalidCaseException listing every problem found
     */
    public static Case read(String json) {
        if (json.length() > MAX_BYTES) {
            throw new InvalidCaseException(List.of(new Problem("$", json.length() + " characters",
                    "a case file of at most " + MAX_BYTES + " bytes")));
        }
        if (json.isBlank()) {
            throw new InvalidCaseException(List.of(Problem.stated("$", "the case file is empty")));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String reason = e.getOriginalMessage().lines().findFirst().orElse("");
            int internals = reason.indexOf(" (start marker at");
            throw new InvalidCaseException(List.of(Problem.stated("$", "malformed JSON" + where + ": "
                    + (internals < 0 ? reason : reason.substring(0, internals)))));
        }
        return new Reader().read(root);
    }

    /** Collects problems while mapping; throws them all together at the end. */
    private static final class Reader {
        private final List<Problem> problems = new ArrayList<>();

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
                throw new InvalidCaseException(problems);
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
            if (problems.stream().anyMatch(p -> p.field().startsWith("patient"))) {
                return null;
            }
            if (sex == Sex.MALE && pregnancy == Status.PRESENT) {
                problems.add(new Problem("patient.pregnancy", "present",
                        "absent or unknown for a patient whose sex is male"));
                return null;
            }
            try {
                if (birthDate != null) {
                    if (evaluationDate == null) {
                        return null; // reported under evaluationDate
                    }
                    return Patient.bornOn(id, birthDate, evaluationDate, sex, pregnancy);
                }
                return new Patient(id, age, sex, pregnancy);
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(Problem.stated("patient", e.getMessage()));
                return null;
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
                Finding finding = finding(node.get(i), "findings[" + i + "]");
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
            Code code = null;
            String codeText = text(node, "code", path + ".code", true);
            if (codeText != null) {
                code = Code.parse(codeText).orElse(null);
                if (code == null) {
                    problems.add(new Problem(path + ".code", "'" + codeText + "'", "a vocabulary code (nearest: "
                            + Code.nearest(codeText, 3).stream().map(Enum::name).collect(Collectors.joining(", "))
                            + "; `legcds vocabulary` lists them all)"));
                }
            }
            Status status = enumValue(node, "status", path + ".status", Status.class, null);
            if (status == null && node.get("status") == null) {
                problems.add(new Problem(path + ".status", "missing",
                        "present, absent or unknown (a missing answer is never taken as absent)"));
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
            Set<Trigger> triggers = enumSet(node, "triggers", path + ".triggers", Trigger.class);
            Set<Relief> reliefs = enumSet(node, "reliefs", path + ".reliefs", Relief.class);
            if (problems.size() > before || code == null || status == null) {
                return null;
            }
            try {
                return new Finding(code, status, laterality, onset, value, unit, triggers, reliefs);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.stated(path + subfield(e.getMessage()), e.getMessage()));
                return null;
            }
        }

        /** Which field a fact-model message is about ("value of ABI must be ..." is about .value). */
        private static String subfield(String message) {
            for (String field : List.of("value", "unit", "status")) {
                if (message.startsWith(field + " of ")) {
                    return "." + field;
                }
            }
            return message.startsWith("onset, triggers and reliefs") ? ".status" : "";
        }

        private void unknownFields(JsonNode node, String prefix, Set<String> allowed) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problems.add(new Problem(prefix + name, "an unknown field", "one of " + allowed.stream().sorted().toList()));
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
                problems.add(new Problem(path, "'" + text + "'", "a date as YYYY-MM-DD"));
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

        private <E extends Enum<E>> Set<E> enumSet(JsonNode node, String field, String path, Class<E> type) {
            JsonNode value = node.get(field);
            Set<E> result = new LinkedHashSet<>();
            if (value == null || value.isNull()) {
                return result;
            }
            if (!value.isArray()) {
                problems.add(new Problem(path, describe(value), "an array of " + names(type)));
                return result;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                E parsed = item.isTextual() ? parse(type, item.asText()) : null;
                if (parsed == null) {
                    problems.add(new Problem(path + "[" + i + "]", describe(item), "one of " + names(type)));
                } else {
                    result.add(parsed);
                }
            }
            return result;
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
