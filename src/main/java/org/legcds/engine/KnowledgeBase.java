package org.legcds.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Assessor;
import org.legcds.assessment.KnowledgeBaseInfo;
import org.legcds.assessment.RuleRef;
import org.legcds.facts.Case;
import org.legcds.problems.RuleCompilationException;
import org.legcds.vocabulary.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded knowledge base: the Drools {@link KieBase}, the catalogue of its rules with their metadata, and the
 * knowledge-base metadata. Immutable and thread-safe; sessions are created from it per assessment.
 */
public final class KnowledgeBase implements Assessor {

    /** Where the build puts the list of precompiled model classes and the rules' content hash. */
    static final String PRECOMPILED = "org/legcds/rules/precompiled.properties";
    static final String PACKAGED_METADATA = "org/legcds/rules/" + RuleSet.METADATA;

    private final KieBase kieBase;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final Map<Rule, RuleRef> rules;
    private final List<RuleRef> catalogue;
    private final KnowledgeBaseInfo info;
    private final Vocabulary vocabulary;
    /**
     * Idle sessions, emptied by {@link #release}: creating a session (and the node memories it builds lazily on first
     * use) cost about a fifth of an assessment; resetting one costs half as much. Bounded, so a burst of threads does
     * not leave sessions behind for ever.
     */
    private final BlockingQueue<KieSession> idle = new ArrayBlockingQueue<>(
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    private KnowledgeBase(KieBase kieBase, Vocabulary vocabulary, String metadata, String contentHash) {
        this.kieBase = kieBase;
        this.vocabulary = vocabulary;
        this.rules = catalogue(kieBase);
        this.catalogue = rules.values().stream().sorted(Comparator.comparing(RuleRef::id)).toList();
        this.info = info(metadata, contentHash, catalogue.size());
    }

    /** Loads the rules packaged in the jar, precompiled at build time: no DRL is compiled here. */
    public static KnowledgeBase packaged() {
        Properties precompiled = new Properties();
        try (InputStream in = resource(PRECOMPILED); InputStream meta = resource(PACKAGED_METADATA)) {
            precompiled.load(in);
            List<Model> models = new ArrayList<>();
            for (String name : precompiled.getProperty("models", "").split(",")) {
                if (!name.isBlank()) {
                    models.add((Model) Class.forName(name.trim(), true, KnowledgeBase.class.getClassLoader())
                            .getDeclaredConstructor().newInstance());
                }
            }
            if (models.isEmpty()) {
                throw new IllegalStateException(PRECOMPILED + " lists no models; the build did not precompile the rules");
            }
            // the configuration from drools-core, not KieServices.get(): that needs drools-compiler, which hosts of the
            // packaged rules do not have (the same defaults either way)
            return new KnowledgeBase(KieBaseBuilder.createKieBaseFromModel(models,
                            RuleBaseFactory.newKnowledgeBaseConfiguration()), Vocabulary.packaged(),
                    new String(meta.readAllBytes(), StandardCharsets.UTF_8), precompiled.getProperty("contentHash"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged knowledge base", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the packaged knowledge base is incomplete: " + e, e);
        }
    }

    /** Compiles the rules in a directory. */
    public static KnowledgeBase compile(Path directory) {
        return compile(RuleSet.read(directory));
    }

    static KnowledgeBase compile(RuleSet rules) {
        requireCompiler();
        RuleCompiler.Compiled compiled = RuleCompiler.compile(rules);
        try {
            return new KnowledgeBase(compiled.kieBase(), compiled.vocabulary(), rules.metadata(), rules.contentHash());
        } catch (RuleCompilationException e) {
            throw new RuleCompilationException(e.errors().stream().map(error -> placed(error, rules)).toList());
        }
    }

    /**
     * The DRL compiler is optional for hosts ({@link #packaged} runs without it), so a host that compiles rules without
     * it learns which dependency to add instead of meeting a bare {@link NoClassDefFoundError} half-way.
     */
    private static void requireCompiler() {
        for (String name : COMPILER_CLASSES) {
            try {
                Class.forName(name, false, KnowledgeBase.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                String drools = RuleBaseFactory.class.getPackage().getImplementationVersion();
                throw new IllegalStateException("compiling rules at run time (LegCds.fromDirectory, ReloadableEngine) "
                        + "needs the Drools rule compiler, which is not on the class path (" + name + " is missing): "
                        + "add the dependency org.drools:drools-model-codegen" + (drools == null
                        ? " in the version of your drools-core" : ":" + drools)
                        + ". LegCds.packaged() does not need it.", e);
            }
        }
    }

    /** A class of each artifact that compiling DRL needs and the packaged rules do not. */
    private static final List<String> COMPILER_CLASSES = List.of(
            "org.drools.model.codegen.ExecutableModelProject",          // drools-model-codegen
            "org.drools.compiler.kie.builder.impl.KieServicesImpl");     // drools-compiler

    /** Puts a catalogue error (which knows only the rule's name) at the rule's file and line. */
    private static RuleCompilationException.Error placed(RuleCompilationException.Error error, RuleSet rules) {
        if (!error.file().startsWith("rule \"")) {
            return error;
        }
        String name = error.file().substring("rule \"".length(), error.file().length() - 1);
        java.util.regex.Pattern declaration = java.util.regex.Pattern.compile(
                "(?m)^[ \\t]*rule\\s+\"" + java.util.regex.Pattern.quote(name) + "\"");
        for (Map.Entry<String, String> file : rules.drl().entrySet()) {
            java.util.regex.Matcher matcher = declaration.matcher(file.getValue());
            if (matcher.find()) {
                int line = (int) file.getValue().substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                return new RuleCompilationException.Error(file.getKey(), line, error.file() + " " + error.message());
            }
        }
        return error;
    }

    private static InputStream resource(String name) {
        InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath; was the jar built with `mvn package`?");
        }
        return in;
    }

    /** The Drools knowledge base: for this package only, so no Drools type shows in a public signature. */
    KieBase kieBase() {
        return kieBase;
    }

    /** An empty session: an idle one if there is one, else a new one. Give it back with {@link #release}. */
    KieSession borrowSession() {
        KieSession session = idle.poll();
        return session != null ? session : kieBase.newKieSession();
    }

    /**
     * Takes back a borrowed session. A session that was used without error is reset (every fact, conclusion, pending
     * match and listener is dropped, and fact-handle counters restart, as in a new session) and kept for the next
     * patient; a session in which something failed is disposed of, never reused.
     */
    void release(KieSession session, boolean intact) {
        if (intact && session instanceof StatefulKnowledgeSessionImpl impl) {
            try {
                impl.reset();
            } catch (RuntimeException e) {
                // the assessment it served is complete and correct; only this session cannot be reused
                LOG.warn("Could not empty a Drools session for reuse ({}); discarding it", e.getClass().getName());
                LOG.debug("Reset failure", e); // the message may quote facts: DEBUG only
                session.dispose();
                return;
            }
            if (idle.offer(session)) {
                return;
            }
        }
        session.dispose();
    }

    /**
     * Assesses one case with every rule: validates it against the vocabulary, then runs it in a pooled session.
     */
    @Override
    public Assessment assess(Case patientCase) {
        return assess(patientCase, Set.of());
    }

    /**
     * Assesses one case in which the rules whose ids are in {@code disabledRules} never fire (an agenda filter refuses
     * their matches). For testing the knowledge base, not for clinical use.
     */
    public Assessment assess(Case patientCase, Set<String> disabledRules) {
        Objects.requireNonNull(patientCase, "patientCase must not be null");
        vocabulary.validate(patientCase);
        try (Evaluation evaluation = Evaluation.pooled(this, patientCase.patient(), patientCase.evaluationDate(),
                disabledRules)) {
            patientCase.findings().forEach(evaluation::record);
            return evaluation.assess();
        }
    }

    /** The clinical vocabulary these rules speak. */
    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public KnowledgeBaseInfo info() {
        return info;
    }

    /** Every rule, sorted by id. */
    @Override
    public List<RuleRef> rules() {
        return catalogue;
    }

    /** The catalogue entry of a rule of this knowledge base (package-private: a Drools type in the signature). */
    RuleRef ref(Rule rule) {
        RuleRef ref = rules.get(rule);
        if (ref == null) {
            // identity lookup failed (Drools may hand out another instance); fall back to the name
            return rules.values().stream().filter(r -> r.name().equals(rule.getName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("rule '" + rule.getName() + "' is not in the catalogue"));
        }
        return ref;
    }

    private static Map<Rule, RuleRef> catalogue(KieBase kieBase) {
        Map<Rule, RuleRef> refs = new IdentityHashMap<>();
        Map<String, String> ids = new HashMap<>();
        List<RuleCompilationException.Error> errors = new ArrayList<>();
        List<KiePackage> packages = kieBase.getKiePackages().stream()
                .sorted(Comparator.comparing(KiePackage::getName)).toList();
        for (KiePackage pkg : packages) {
            for (Rule rule : pkg.getRules()) {
                Object id = rule.getMetaData().get("id");
                Object source = rule.getMetaData().get("source");
                String where = "rule \"" + rule.getName() + "\"";
                if (id == null || id.toString().isBlank()) {
                    errors.add(new RuleCompilationException.Error(where, 0, "has no @id(...) metadata"));
                    continue;
                }
                List<String> sources = source == null ? List.of() : Arrays.stream(source.toString().split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
                if (sources.isEmpty()) {
                    errors.add(new RuleCompilationException.Error(where, 0,
                            "has no @source(...) metadata naming the evidence-register claims it implements"));
                }
                String earlier = ids.putIfAbsent(id.toString(), rule.getName());
                if (earlier != null) {
                    errors.add(new RuleCompilationException.Error(where, 0,
                            "reuses @id(" + id + ") of rule \"" + earlier + "\""));
                }
                refs.put(rule, new RuleRef(id.toString(), rule.getName(), sources));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return refs;
    }

    private static KnowledgeBaseInfo info(String metadata, String contentHash, int ruleCount) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            JsonNode root = yaml.readTree(metadata);
            List<KnowledgeBaseInfo.Source> sources = new ArrayList<>();
            for (JsonNode source : root.path("sources")) {
                sources.add(new KnowledgeBaseInfo.Source(required(source, "id"), required(source, "title"),
                        source.path("publisher").asText("unknown"), required(source, "citation")));
            }
            List<String> maintainers = new ArrayList<>();
            root.path("maintainers").forEach(m -> maintainers.add(m.asText()));
            String status = required(root, "status");
            if (!List.of("draft", "testing", "production").contains(status)) {
                throw new IllegalArgumentException(RuleSet.METADATA + ": status must be draft, testing or production, but is '"
                        + status + "'");
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException(RuleSet.METADATA + ": 'sources' must list the bibliographic sources");
            }
            String releaseDate = required(root, "releaseDate");
            try {
                java.time.LocalDate.parse(releaseDate);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(RuleSet.METADATA + ": releaseDate must be YYYY-MM-DD, but is '"
                        + releaseDate + "'");
            }
            return new KnowledgeBaseInfo(required(root, "name"), required(root, "version"), releaseDate,
                    status, maintainers, sources, ruleCount, contentHash);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(RuleSet.METADATA + where + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new IllegalArgumentException(RuleSet.METADATA + ": '" + field + "' is required");
        }
        return value.asText();
    }
}
