package org.legcds.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Patient;

/**
 * One patient's working memory: a Drools session holding the patient and their findings, with a {@link Recorder}
 * attached. Findings can be added and replaced; conclusions are inserted logically by the rules, so they withdraw when
 * their support goes. Not thread-safe; one evaluation per patient, never shared.
 */
public final class Evaluation implements AutoCloseable {

    /** A guard against rules that loop: no legitimate assessment needs anywhere near this many firings. */
    static final int MAX_FIRINGS = 100_000;

    private final KnowledgeBase knowledgeBase;
    private final KieSession session;
    private final Recorder recorder;
    private final LocalDate evaluationDate;
    private final Map<String, FactHandle> findings = new HashMap<>();
    /** Null when every rule may fire; otherwise refuses the matches of the disabled rules. */
    private final AgendaFilter filter;
    /** Whether the session came from the knowledge base's pool of idle sessions, and goes back to it on close. */
    private final boolean pooled;
    /** False once anything failed in this session: a pooled session is then disposed of, not reused. */
    private boolean intact = true;
    private boolean closed;

    /** A long-lived evaluation for one patient (a {@code CaseSession}), in a session of its own, every rule on. */
    public Evaluation(KnowledgeBase knowledgeBase, Patient patient, LocalDate evaluationDate) {
        this(knowledgeBase, patient, evaluationDate, Set.of(), false);
    }

    /**
     * A one-shot evaluation in a session borrowed from the knowledge base's pool: on {@link #close()} the session is
     * reset (nothing of this patient survives in it) and returned, or disposed of if anything failed. For assessing a
     * case in one call; a long-lived per-patient session should use the constructor. The rules whose ids are in
     * {@code disabledRules} never fire (an agenda filter refuses their matches): for testing the knowledge base only.
     */
    public static Evaluation pooled(KnowledgeBase knowledgeBase, Patient patient, LocalDate evaluationDate,
            Set<String> disabledRules) {
        return new Evaluation(knowledgeBase, patient, evaluationDate, disabledRules, true);
    }

    private Evaluation(KnowledgeBase knowledgeBase, Patient patient, LocalDate evaluationDate, Set<String> disabledRules,
            boolean pooled) {
        this.pooled = pooled;
        this.knowledgeBase = Objects.requireNonNull(knowledgeBase, "knowledgeBase must not be null");
        Set<String> disabled = Set.copyOf(disabledRules);
        this.filter = disabled.isEmpty() ? null : match -> !disabled.contains(knowledgeBase.ref(match.getRule()).id());
        this.evaluationDate = Objects.requireNonNull(evaluationDate, "evaluationDate must not be null");
        Objects.requireNonNull(patient, "patient must not be null");
        this.session = pooled ? knowledgeBase.borrowSession() : knowledgeBase.kieBase().newKieSession();
        this.recorder = new Recorder(knowledgeBase);
        try {
            recorder.watch(session);
            session.insert(patient);
            session.insert(new org.legcds.facts.EvaluationDate(evaluationDate));
        } catch (RuntimeException | Error e) {
            intact = false;
            close();
            throw e;
        }
    }

    /** Adds a finding, replacing any earlier finding for the same code and side. */
    public void record(Finding finding) {
        Objects.requireNonNull(finding, "finding must not be null");
        intact = false;
        FactHandle previous = findings.put(key(finding.code(), finding.laterality()), session.insert(finding));
        if (previous != null) {
            session.delete(previous);
        }
        intact = true;
    }

    /** Removes the finding for a code and side (null side: the unsided finding); it becomes unknown. */
    public boolean forget(String code, Laterality side) {
        FactHandle previous = findings.remove(key(code, side));
        if (previous != null) {
            intact = false;
            session.delete(previous);
            intact = true;
        }
        return previous != null;
    }

    /** The vocabulary of the knowledge base this evaluation runs on. */
    public org.legcds.vocabulary.Vocabulary vocabulary() {
        return knowledgeBase.vocabulary();
    }

    /** Fires the rules to quiescence and reads the assessment. */
    public Assessment assess() {
        intact = false;
        int fired = filter == null ? session.fireAllRules(MAX_FIRINGS) : session.fireAllRules(filter, MAX_FIRINGS);
        if (fired >= MAX_FIRINGS) {
            throw new IllegalStateException("the rules fired " + fired + " times without settling; a rule is looping");
        }
        Assessment assessment = new Assembler(session, recorder, knowledgeBase.vocabulary()).assemble(knowledgeBase, evaluationDate);
        intact = true;
        return assessment;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pooled) {
            knowledgeBase.release(session, intact);
        } else {
            session.dispose();
        }
    }

    private static String key(String code, Laterality side) {
        return code + "/" + side;
    }
}
