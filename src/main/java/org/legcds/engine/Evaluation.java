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

    public Evaluation(KnowledgeBase knowledgeBase, Patient patient, LocalDate evaluationDate) {
        this(knowledgeBase, patient, evaluationDate, Set.of());
    }

    /**
     * An evaluation in which the rules whose ids are in {@code disabledRules} never fire (an agenda filter refuses
     * their matches). For testing the knowledge base, not for clinical use.
     */
    public Evaluation(KnowledgeBase knowledgeBase, Patient patient, LocalDate evaluationDate, Set<String> disabledRules) {
        this.knowledgeBase = Objects.requireNonNull(knowledgeBase, "knowledgeBase must not be null");
        Set<String> disabled = Set.copyOf(disabledRules);
        this.filter = disabled.isEmpty() ? null : match -> !disabled.contains(knowledgeBase.ref(match.getRule()).id());
        this.evaluationDate = Objects.requireNonNull(evaluationDate, "evaluationDate must not be null");
        this.session = knowledgeBase.kieBase().newKieSession();
        this.recorder = new Recorder(knowledgeBase);
        recorder.watch(session);
        session.insert(Objects.requireNonNull(patient, "patient must not be null"));
    }

    /** Adds a finding, replacing any earlier finding for the same code and side. */
    public void record(Finding finding) {
        Objects.requireNonNull(finding, "finding must not be null");
        FactHandle previous = findings.put(key(finding.code(), finding.laterality()), session.insert(finding));
        if (previous != null) {
            session.delete(previous);
        }
    }

    /** Removes the finding for a code and side (null side: the unsided finding); it becomes unknown. */
    public boolean forget(org.legcds.facts.Code code, Laterality side) {
        FactHandle previous = findings.remove(key(code, side));
        if (previous != null) {
            session.delete(previous);
        }
        return previous != null;
    }

    /** Fires the rules to quiescence and reads the assessment. */
    public Assessment assess() {
        int fired = filter == null ? session.fireAllRules(MAX_FIRINGS) : session.fireAllRules(filter, MAX_FIRINGS);
        if (fired >= MAX_FIRINGS) {
            throw new IllegalStateException("the rules fired " + fired + " times without settling; a rule is looping");
        }
        return new Assembler(session, recorder).assemble(knowledgeBase, evaluationDate);
    }

    @Override
    public void close() {
        session.dispose();
    }

    private static String key(org.legcds.facts.Code code, Laterality side) {
        return code.name() + "/" + side;
    }
}
