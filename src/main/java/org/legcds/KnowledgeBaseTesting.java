package org.legcds;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Assessor;
import org.legcds.assessment.RuleRef;
import org.legcds.engine.KnowledgeBase;
import org.legcds.facts.Case;
import org.legcds.vocabulary.Vocabulary;

/**
 * Tools for testing a knowledge base, <b>not for clinical use</b>: kept off {@link LegCds} so that a host never holds
 * an engine that is not the knowledge base's. Stateless and thread-safe.
 *
 * <pre>{@code
 * // does any scenario notice when rule RF-CES-03 is lost?
 * Assessor mutant = KnowledgeBaseTesting.withRulesDisabled(engine, Set.of("RF-CES-03"));
 * List<ScenarioResult> results = new ScenarioRunner(mutant).run(Path.of("scenarios"));
 * }</pre>
 */
public final class KnowledgeBaseTesting {

    private KnowledgeBaseTesting() {
    }

    /**
     * A view of an engine in which the given rules never fire (an agenda filter refuses their matches), sharing its
     * loaded knowledge base: nothing is recompiled, so it is cheap. An assessment from it is not the knowledge base's
     * assessment, although its {@link Assessment#knowledgeBase()} is the same.
     *
     * @param engine  the engine whose rules are disabled in the view
     * @param ruleIds {@code @id}s of rules of the engine's knowledge base; empty for the full knowledge base
     * @return the view: thread-safe, like the engine
     * @throws IllegalArgumentException naming every id that is not a rule of this knowledge base
     */
    public static Assessor withRulesDisabled(LegCds engine, Set<String> ruleIds) {
        Objects.requireNonNull(engine, "engine must not be null");
        Objects.requireNonNull(ruleIds, "ruleIds must not be null");
        Set<String> known = engine.rules().stream().map(RuleRef::id).collect(Collectors.toSet());
        Set<String> unknown = ruleIds.stream().filter(id -> !known.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no rule with @id " + String.join(", ", unknown) + " in knowledge base "
                    + engine.knowledgeBase().name() + " " + engine.knowledgeBase().version());
        }
        return new RulesDisabled(engine.loaded(), Set.copyOf(ruleIds));
    }

    /** An engine's knowledge base with some rules refused at the agenda. */
    private record RulesDisabled(KnowledgeBase knowledgeBase, Set<String> disabled) implements Assessor {

        @Override
        public Assessment assess(Case patientCase) {
            return knowledgeBase.assess(patientCase, disabled);
        }

        @Override
        public Vocabulary vocabulary() {
            return knowledgeBase.vocabulary();
        }

        @Override
        public List<RuleRef> rules() {
            return knowledgeBase.rules();
        }

        @Override
        public String toString() {
            return "rules disabled: " + new TreeSet<>(disabled);
        }
    }
}
