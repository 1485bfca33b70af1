package org.legcds;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Assessor;
import org.legcds.assessment.KnowledgeBaseInfo;
import org.legcds.assessment.RuleRef;
import org.legcds.engine.Evaluation;
import org.legcds.engine.KnowledgeBase;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.RuleCompilationException;
import org.legcds.vocabulary.Vocabulary;

/**
 * The legcds engine: a loaded knowledge base that assesses cases of bilateral leg pain.
 *
 * <pre>{@code
 * LegCds engine = LegCds.packaged();                 // once, at start-up; share it
 * Assessment result = engine.assess(new Case(patient, evaluationDate, findings));
 * result.triage().level();                          // EMERGENCY, URGENT or ROUTINE
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
public final class LegCds implements Assessor {

    private final KnowledgeBase knowledgeBase;

    private LegCds(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /**
     * The knowledge base packaged in the jar, precompiled at build time (no DRL is compiled at start-up).
     *
     * @return an engine over the packaged rules; load it once and share it
     * @throws IllegalStateException if the jar's precompiled rules are missing or damaged
     */
    public static LegCds packaged() {
        return new LegCds(KnowledgeBase.packaged());
    }

    /**
     * Compiles the knowledge base in a directory: its {@code .drl} files (at any depth), its vocabulary
     * ({@code vocabulary/*.yaml}) and {@code knowledge-base.yaml}. Needs the DRL compiler on the class path
     * ({@code org.drools:drools-model-codegen}); without it, the exception names the dependency to add.
     *
     * @param rulesDirectory the knowledge base's directory, e.g. a copy of the project's {@code rules/}
     * @return an engine over those rules
     * @throws RuleCompilationException with every error, its file and line, if the rules or the vocabulary do not
     *                                  compile or a rule lacks {@code @id} or {@code @source}
     * @throws IllegalArgumentException if the directory or its metadata is missing or malformed
     * @throws IllegalStateException    if the DRL compiler is not on the class path
     */
    public static LegCds fromDirectory(Path rulesDirectory) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory must not be null");
        return new LegCds(KnowledgeBase.compile(rulesDirectory));
    }

    /**
     * Assesses one case.
     *
     * @param patientCase the patient, the evaluation date and the findings
     * @return the assessment, every item explained
     * @throws InvalidCaseException  if a finding does not fit this knowledge base's vocabulary (an unknown id, unit,
     *                               answer or qualifier, a value outside its unit's plausible range), naming each
     * @throws IllegalStateException if the rules misbehave (e.g. loop)
     */
    @Override
    public Assessment assess(Case patientCase) {
        return knowledgeBase.assess(patientCase);
    }

    /**
     * Convenience for {@code assess(new Case(patient, evaluationDate, findings))}.
     *
     * @param patient        who is assessed
     * @param evaluationDate the date the case is assessed for (ages and durations are read against it)
     * @param findings       what is recorded: present, absent, unknown or conflicting
     * @return the assessment, every item explained
     * @throws InvalidCaseException if the case is invalid or does not fit the vocabulary, naming each problem
     */
    public Assessment assess(Patient patient, LocalDate evaluationDate, List<Finding> findings) {
        return assess(new Case(patient, evaluationDate, findings));
    }

    /**
     * Opens a session for one patient, to which a host adds findings as a clinician documents them and which it
     * re-assesses after each change. Close it when the patient's record is closed.
     *
     * @param patient        who is assessed
     * @param evaluationDate the date the case is assessed for
     * @return a new session, confined to one thread
     */
    public CaseSession openSession(Patient patient, LocalDate evaluationDate) {
        Objects.requireNonNull(patient, "patient must not be null");
        Objects.requireNonNull(evaluationDate, "evaluationDate must not be null");
        return new CaseSession(new Evaluation(knowledgeBase, patient, evaluationDate));
    }

    /**
     * The knowledge base's identity.
     *
     * @return its name, version, sources and content hash
     */
    public KnowledgeBaseInfo knowledgeBase() {
        return knowledgeBase.info();
    }

    /**
     * Every rule of the knowledge base.
     *
     * @return the rules, sorted by id
     */
    @Override
    public List<RuleRef> rules() {
        return knowledgeBase.rules();
    }

    /**
     * The clinical vocabulary of this engine's knowledge base.
     *
     * @return its findings, conditions, steps, checks and thresholds
     */
    @Override
    public Vocabulary vocabulary() {
        return knowledgeBase.vocabulary();
    }

    /** For {@link KnowledgeBaseTesting} only: the loaded knowledge base, never handed to a host. */
    KnowledgeBase loaded() {
        return knowledgeBase;
    }
}
