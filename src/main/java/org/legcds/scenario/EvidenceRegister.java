package org.legcds.scenario;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.legcds.assessment.RuleRef;

/**
 * The evidence register ({@code seeds/}): the clinical claims the rules may cite, and the claims deliberately left out
 * of scope. {@link #check} ties it to a knowledge base in both directions: every {@code @source} of every rule names a
 * claim of the register, and every claim is cited by some rule or listed out of scope with a reason.
 *
 * <p>Files: every {@code *.yaml} of the directory holds {@code claims: [{id, kind, claim, ...}]} (other keys are
 * ignored), except {@value #OUT_OF_SCOPE}, which holds {@code outOfScope: [{id, reason}]}. Immutable and thread-safe.
 */
public final class EvidenceRegister {

    /** The file listing the claims no rule implements, each with a reason. */
    public static final String OUT_OF_SCOPE = "out-of-scope.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    /**
     * A claim of the register.
     *
     * @param id   its id, e.g. {@code S001-C04}
     * @param kind cause, pattern, red-flag, test, threshold, management or referral (as written; not checked here)
     * @param text the claim, paraphrased in one sentence
     * @param file the register file it is in, e.g. {@code S001.yaml}
     */
    public record Claim(String id, String kind, String text, String file) {
        /**
         * Reads a missing kind, text or file as empty.
         *
         * @param id   its id, e.g. {@code S001-C04}
         * @param kind its kind as written, or null (read as empty)
         * @param text the claim, or null (read as empty)
         * @param file the register file it is in, or null (read as empty)
         * @throws NullPointerException if {@code id} is null
         */
        public Claim {
            requireNonNull(id, "id must not be null");
            kind = kind == null ? "" : kind;
            text = text == null ? "" : text;
            file = file == null ? "" : file;
        }
    }

    /**
     * What {@link #check} found. Every list is sorted; all empty means the register and the rules agree.
     *
     * @param unknownCitations        {@code RULE-ID -> CLAIM-ID} for each citation of a claim not in the register
     * @param uncited                 claims neither cited by a rule nor listed out of scope
     * @param outOfScopeButCited      {@code CLAIM-ID (cited by RULE-ID, ...)} for claims both out of scope and cited
     * @param outOfScopeUnknown       out-of-scope ids that are not claims of the register
     * @param outOfScopeWithoutReason out-of-scope ids listed without a reason
     */
    public record Check(List<String> unknownCitations, List<String> uncited, List<String> outOfScopeButCited,
                        List<String> outOfScopeUnknown, List<String> outOfScopeWithoutReason) {
        /**
         * Copies the lists.
         *
         * @param unknownCitations        {@code RULE-ID -> CLAIM-ID} for each citation of a claim not in the register
         * @param uncited                 claims neither cited by a rule nor listed out of scope
         * @param outOfScopeButCited      {@code CLAIM-ID (cited by RULE-ID, ...)} for claims both out of scope and
         *                                cited
         * @param outOfScopeUnknown       out-of-scope ids that are not claims of the register
         * @param outOfScopeWithoutReason out-of-scope ids listed without a reason
         * @throws NullPointerException if a list is null or holds null
         */
        public Check {
            unknownCitations = List.copyOf(unknownCitations);
            uncited = List.copyOf(uncited);
            outOfScopeButCited = List.copyOf(outOfScopeButCited);
            outOfScopeUnknown = List.copyOf(outOfScopeUnknown);
            outOfScopeWithoutReason = List.copyOf(outOfScopeWithoutReason);
        }

        /**
         * Whether the rules and the register agree in both directions.
         *
         * @return true when every list is empty
         */
        public boolean ok() {
            return unknownCitations.isEmpty() && uncited.isEmpty() && outOfScopeButCited.isEmpty()
                    && outOfScopeUnknown.isEmpty() && outOfScopeWithoutReason.isEmpty();
        }

        /**
         * Every disagreement, one readable line per kind.
         *
         * @return the lines; empty when {@link #ok()}
         */
        public List<String> problems() {
            List<String> lines = new ArrayList<>();
            if (!unknownCitations.isEmpty()) {
                lines.add(unknownCitations.size() + " citation(s) of claims not in the evidence register (rule -> claim): "
                        + String.join(", ", unknownCitations));
            }
            if (!uncited.isEmpty()) {
                lines.add(uncited.size() + " claim(s) neither cited by a rule's @source nor listed in " + OUT_OF_SCOPE
                        + ": " + String.join(", ", uncited));
            }
            if (!outOfScopeButCited.isEmpty()) {
                lines.add(outOfScopeButCited.size() + " claim(s) listed out of scope but cited by rules: "
                        + String.join(", ", outOfScopeButCited));
            }
            if (!outOfScopeUnknown.isEmpty()) {
                lines.add(outOfScopeUnknown.size() + " out-of-scope id(s) not in the evidence register: "
                        + String.join(", ", outOfScopeUnknown));
            }
            if (!outOfScopeWithoutReason.isEmpty()) {
                lines.add(outOfScopeWithoutReason.size() + " out-of-scope claim(s) without a reason: "
                        + String.join(", ", outOfScopeWithoutReason));
            }
            return lines;
        }
    }

    private final Map<String, Claim> claims;
    private final Map<String, String> outOfScope;

    private EvidenceRegister(Map<String, Claim> claims, Map<String, String> outOfScope) {
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        this.outOfScope = Collections.unmodifiableMap(new LinkedHashMap<>(outOfScope));
    }

    /**
     * A register built in memory (for tests and tools).
     *
     * @param claims     the claims; ids must be unique
     * @param outOfScope out-of-scope claim id to reason (a blank reason is reported by {@link #check})
     * @return the register, in the order given
     * @throws IllegalArgumentException if a claim id repeats
     */
    public static EvidenceRegister of(Collection<Claim> claims, Map<String, String> outOfScope) {
        Map<String, Claim> byId = new LinkedHashMap<>();
        for (Claim claim : claims) {
            Claim earlier = byId.putIfAbsent(claim.id(), claim);
            if (earlier != null) {
                throw new IllegalArgumentException("claim " + claim.id() + " is in the register twice ("
                        + earlier.file() + " and " + claim.file() + ")");
            }
        }
        return new EvidenceRegister(byId, outOfScope);
    }

    /**
     * Reads a register directory (e.g. {@code seeds/}).
     *
     * @param directory the register's directory; its {@code *.yaml} files are read, not its subdirectories
     * @return the register
     * @throws IllegalArgumentException naming the file and the problem if a file is malformed, a claim lacks an id, an
     *                                  id repeats, or the directory does not exist
     * @throws UncheckedIOException     if the directory cannot be listed
     */
    public static EvidenceRegister read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("evidence register " + directory + " does not exist or is not a directory");
        }
        List<Claim> claims = new ArrayList<>();
        Map<String, String> outOfScope = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonNode root;
            try {
                root = YAML.readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            if (name.equals(OUT_OF_SCOPE)) {
                JsonNode list = root == null ? null : root.get("outOfScope");
                if (list == null || !list.isArray()) {
                    throw new IllegalArgumentException(file + ": expected outOfScope: [{id, reason}, ...] ([] for none)");
                }
                for (int i = 0; i < list.size(); i++) {
                    JsonNode item = list.get(i);
                    String id = text(item, "id");
                    if (id.isEmpty()) {
                        throw new IllegalArgumentException(file + ": outOfScope[" + i + "] has no id");
                    }
                    if (outOfScope.putIfAbsent(id, text(item, "reason")) != null) {
                        throw new IllegalArgumentException(file + ": outOfScope lists " + id + " twice");
                    }
                }
                continue;
            }
            JsonNode list = root == null ? null : root.get("claims");
            if (list == null || !list.isArray()) {
                throw new IllegalArgumentException(file + ": expected claims: [{id, kind, claim}, ...]");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String id = text(item, "id");
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(file + ": claims[" + i + "] has no id");
                }
                claims.add(new Claim(id, text(item, "kind"), text(item, "claim"), name));
            }
        }
        try {
            return of(claims, outOfScope);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every claim by id, in file order.
     *
     * @return an unmodifiable map
     */
    public Map<String, Claim> claims() {
        return claims;
    }

    /**
     * A claim by id.
     *
     * @param id a claim id, e.g. {@code S001-C04}
     * @return the claim, or empty when the register has none with that id
     */
    public Optional<Claim> claim(String id) {
        return Optional.ofNullable(claims.get(id));
    }

    /**
     * The claims no rule implements, by id, with their reasons.
     *
     * @return an unmodifiable map, in file order
     */
    public Map<String, String> outOfScope() {
        return outOfScope;
    }

    /**
     * Checks the rules' citations against this register in both directions.
     *
     * @param rules every rule of a knowledge base, e.g. {@code LegCds.rules()}
     * @return what disagrees; {@link Check#ok()} when nothing does
     */
    public Check check(Collection<RuleRef> rules) {
        Map<String, TreeSet<String>> citedBy = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (RuleRef rule : rules) {
            for (String source : rule.sources()) {
                citedBy.computeIfAbsent(source, s -> new TreeSet<>()).add(rule.id());
                if (!claims.containsKey(source)) {
                    unknown.add(rule.id() + " -> " + source);
                }
            }
        }
        List<String> uncited = claims.keySet().stream()
                .filter(id -> !citedBy.containsKey(id) && !outOfScope.containsKey(id)).sorted().toList();
        List<String> outButCited = outOfScope.keySet().stream().filter(citedBy::containsKey).sorted()
                .map(id -> id + " (cited by " + String.join(", ", citedBy.get(id)) + ")").toList();
        List<String> outUnknown = outOfScope.keySet().stream().filter(id -> !claims.containsKey(id)).sorted().toList();
        List<String> noReason = outOfScope.entrySet().stream().filter(e -> e.getValue().isBlank())
                .map(Map.Entry::getKey).sorted().toList();
        return new Check(unknown.stream().sorted().toList(), uncited, outButCited, outUnknown, noReason);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asText().trim();
    }
}
