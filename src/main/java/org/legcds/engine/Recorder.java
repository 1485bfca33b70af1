package org.legcds.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.TraceEntry;
import org.legcds.facts.Finding;

/**
 * Watches one session: records every rule firing (the trace) and, for every conclusion a rule inserts, which rule drew
 * it from which facts (its support). Explanations are built from this, so rule authors write plain
 * {@code insertLogical(...)} and every conclusion still explains itself.
 *
 * <p>Not thread-safe: one recorder per session, used by the thread that fires its rules.
 */
final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** Who drew a conclusion, from what. */
    record Support(RuleRef rule, List<Object> matched) {
    }

    private final KnowledgeBase knowledgeBase;
    private final List<TraceEntry> trace = new ArrayList<>();
    private final Map<Object, Support> support = new IdentityHashMap<>();
    /**
     * The handle of every fact in working memory, from its insert event: looking a fact up in the session instead
     * hashes the whole record (and, in truth maintenance's equality mode, compares it field by field).
     */
    private final Map<Object, FactHandle> handles = new IdentityHashMap<>();
    /** What each firing matched, by its match: truth maintenance names a conclusion's justifications by their match. */
    private final Map<Match, Support> fired = new IdentityHashMap<>();
    /** Trace descriptions of facts already described: a fact is matched by many firings, and its text never changes. */
    private final Map<Object, String> descriptions = new IdentityHashMap<>();
    /**
     * What {@link #supportOf} and {@link #findingsOf} found for a fact since working memory last changed: one
     * assessment asks for the same intermediate conclusions many times. Forgotten at the next change.
     */
    private final Map<Object, List<Support>> supportRead = new IdentityHashMap<>();
    private final Map<Object, List<Finding>> findingsRead = new IdentityHashMap<>();
    private boolean changed;
    private Support firing;
    private org.kie.api.runtime.KieSession session;

    Recorder(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /** Attaches the recorder to the session it watches. */
    void watch(org.kie.api.runtime.KieSession watched) {
        this.session = watched;
        watched.addEventListener((org.kie.api.event.rule.AgendaEventListener) this);
        watched.addEventListener((RuleRuntimeEventListener) this);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        changed = true;
        Match match = event.getMatch();
        RuleRef rule = knowledgeBase.ref(match.getRule());
        List<Object> objects = match.getObjects();
        List<Object> matched = new ArrayList<>(objects.size());
        List<String> described = new ArrayList<>(objects.size());
        for (Object o : objects) {
            // Drools matches an internal "initial fact" for rules that open with not/exists; it is no clinical fact
            if (!o.getClass().getName().startsWith("org.drools.")) {
                matched.add(o);
                described.add(descriptions.computeIfAbsent(o, Recorder::describe));
            }
        }
        firing = new Support(rule, Collections.unmodifiableList(matched));
        fired.put(match, firing);
        trace.add(new TraceEntry(trace.size() + 1, rule.id(), rule.name(), rule.sources(), described));
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        changed = true;
        handles.put(event.getObject(), event.getFactHandle());
        if (firing != null) {
            support.put(event.getObject(), firing);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // facts are immutable records; nothing is updated in place
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        changed = true;
        support.remove(event.getOldObject());
        handles.remove(event.getOldObject());
        descriptions.remove(event.getOldObject());
    }

    List<TraceEntry> trace() {
        return List.copyOf(trace);
    }

    /**
     * Every rule firing that currently supports a conclusion. Two rules (or two matches of one rule) that insert equal
     * conclusions yield one fact with several justifications; the truth-maintenance belief set knows them all, the
     * insert event only the first. Falls back to the insert event for facts without a belief set.
     */
    List<Support> supportOf(Object conclusion) {
        forgetReadsIfChanged();
        return supportRead.computeIfAbsent(conclusion, this::readSupport);
    }

    private List<Support> readSupport(Object conclusion) {
        FactHandle handle = handles.get(conclusion);
        List<Support> justifications = Justifications.of(handle != null ? handle : session.getFactHandle(conclusion),
                this::firedAs);
        if (!justifications.isEmpty()) {
            return justifications;
        }
        Support inserted = support.get(conclusion);
        return inserted == null ? List.of() : List.of(inserted);
    }

    /** The support recorded when a match fired, or (a match this recorder did not see fire) read from the match. */
    private Support firedAs(Match match) {
        Support recorded = fired.get(match);
        return recorded != null ? recorded
                : new Support(knowledgeBase.ref(match.getRule()), List.copyOf(match.getObjects()));
    }

    /**
     * The input findings a conclusion rests on, followed through intermediate conclusions, each once, in the order
     * first reached. Findings are told apart by identity: an evaluation holds one finding object per code and side.
     */
    List<Finding> findingsOf(Object conclusion) {
        forgetReadsIfChanged();
        return findingsRead.computeIfAbsent(conclusion, c -> {
            List<Finding> findings = new ArrayList<>();
            collect(c, findings, Collections.newSetFromMap(new IdentityHashMap<>()));
            return Collections.unmodifiableList(findings);
        });
    }

    private void forgetReadsIfChanged() {
        if (changed) {
            supportRead.clear();
            findingsRead.clear();
            changed = false;
        }
    }

    private void collect(Object fact, List<Finding> into, Set<Object> visited) {
        if (!visited.add(fact)) {
            return;
        }
        if (fact instanceof Finding finding) {
            into.add(finding); // visited once, so added once
            return;
        }
        if (fact instanceof Collection<?> collected) { // from accumulate(..., collectList(...))
            collected.forEach(item -> collect(item, into, visited));
            return;
        }
        for (Support s : supportOf(fact)) {
            s.matched().forEach(m -> collect(m, into, visited));
        }
    }

    private static String describe(Object fact) {
        return fact instanceof Finding finding ? finding.describe() : String.valueOf(fact);
    }
}
