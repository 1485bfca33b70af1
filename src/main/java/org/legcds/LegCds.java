package org.legcds;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.KnowledgeBaseInfo;
import org.legcds.assessment.RuleRef;
import org.legcds.engine.Evaluation;
import org.legcds.engine.KnowledgeBase;
import org.legcds.facts.Case;
import org.legcds.vocabulary.Vocabulary;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;

/**
 * The legcds engine: a loaded knowledge base that assesses cases of bilateral leg pain.
 *
 * <pre>{@code
 * LegCds engine = LegCds.packaged();                 // once, at start-up; share it
 * Assessment result = engine.assess(new Case(patient, evaluationDate, findings));
 * result.urgency().level();                          // EMERGENCY, URGENT or ROUTINE
 * }</pre>
 *
 * <p><b>Thread-safety:</b> immutable and thread-safe. Each {@link #assess} call runs in a session of its own for the
 * length of the call; the session is then emptied (every fact, conclusion and listener dropped) and kept for a later
 * call, or discarded if anything failed in it, so no fact or result is shared between patients.
 *
 * <p><b>Nullness:</b> no method accepts or returns null.
 *
 * <p>legcds supports clinicians; it does not diagnose patients.
 */
public final class LegCds {

    private final KnowledgeBase knowledgeBase;
    /** Ids of rules that never fire in this view; empty for every engine a host normally builds. */
    private final Set<String> disabledRules;

    private LegCds(KnowledgeBase knowledgeBase) {
        this(knowledgeBase, Set.of());
    }

    private LegCds(KnowledgeBase knowledgeBase, Set<String> disabledRules) {
        this.knowledgeBase = knowledgeBase;
        this.disabledRules = Set.copyOf(disabledRules);
    }

    /**
     * The knowledge base packaged in the jar, precompiled at build time (no DRL is compiled at start-up).
     *
     * @throws IllegalStateException if the jar's precompiled rules are missing or damaged
     */
    public static LegCds packaged() {
        return new LegCds(KnowledgeBase.packaged());
    }

    /**
     * Compiles the knowledge base in a directory: its {@code .drl} files (at any depth) and {@code knowledge-base.yaml}.
     *
     * @throws RuleCompilationException with every error, its file and line, if the rules do not compile or a rule lacks
     *                                  {@code @id} or {@code @source}
     * @throws IllegalArgumentException if the directory or its metadata is missing or malformed
     */
    public static LegCds fromDirectory(Path rulesDirectory) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory must not be null");
        return new LegCds(KnowledgeBase.compile(rulesDirectory));
    }

    /**
     * Assesses one case.
     *
     * @throws InvalidCaseException  if a finding does not fit this knowledge base's vocabulary (an unknown id, unit,
     *                               answer or qualifier, a value outside its unit's plausible range), naming each
     * @throws IllegalStateException if the rules misbehave (e.g. loop)
     */
    public Assessment assess(Case patientCase) {
        Objects.requireNonNull(patientCase, "patientCase must not be null");
        knowledgeBase.vocabulary().validate(patientCase);
        try (Evaluation evaluation = Evaluation.pooled(knowledgeBase, patientCase.patient(), patientCase.evaluationDate(),
                disabledRules)) {
            patientCase.findings().forEach(evaluation::record);
            return evaluation.assess();
        }
    }

    /**
     * Opens a session for one patient, to which a host adds findings as a clinician documents them and which it
     * re-assesses after each change. Close it when the patient's record is closed.
     */
    public CaseSession openSession(Patient patient, LocalDate evaluationDate) {
        return new CaseSession(new Evaluation(knowledgeBase, patient, evaluationDate, disabledRules));
    }

    /**
     * A view of this engine in which the given rules never fire (an agenda filter refuses their matches), sharing the
     * loaded knowledge base: nothing is recompiled, so it is cheap. Disabling is not cumulative: the view disables
     * exactly {@code ruleIds}, whatever this engine disabled.
     *
     * <p><b>For testing the knowledge base</b> (does any scenario notice when a rule is lost?), <b>not for clinical
     * use</b>: an assessment from a view with rules disabled is not the knowledge base's assessment, although its
     * {@link Assessment#knowledgeBase()} is the same.
     *
     * @param ruleIds {@code @id}s of rules of this knowledge base; empty for the full knowledge base
     * @throws IllegalArgumentException naming every id that is not a rule of this knowledge base
     */
    public LegCds withRulesDisabled(Set<String> ruleIds) {
        Objects.requireNonNull(ruleIds, "ruleIds must not be null");
        Set<String> known = rules().stream().map(RuleRef::id).collect(Collectors.toSet());
        Set<String> unknown = ruleIds.stream().filter(id -> !known.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no rule with @id " + String.join(", ", unknown) + " in knowledge base "
                    + knowledgeBase.info().name() + " " + knowledgeBase.info().version());
        }
        return new LegCds(knowledgeBase, ruleIds);
    }

    /** The ids of the rules disabled in this view ({@link #withRulesDisabled}); empty for a normal engine. */
    public Set<String> disabledRules() {
        return disabledRules;
    }

    /** The knowledge base's version, sources and content hash. */
    public KnowledgeBaseInfo knowledgeBase() {
        return knowledgeBase.info();
    }

    /** Every rule of the knowledge base, sorted by id. */
    public List<RuleRef> rules() {
        return knowledgeBase.rules();
    }

    /** The clinical vocabulary of this engine's knowledge base: its findings, conditions, steps and checks. */
    public Vocabulary vocabulary() {
        return knowledgeBase.vocabulary();
    }

    /** Convenience for {@code assess(new Case(patient, evaluationDate, findings))}. */
    public Assessment assess(Patient patient, LocalDate evaluationDate, List<Finding> findings) {
        return assess(new Case(patient, evaluationDate, findings));
    }
}
