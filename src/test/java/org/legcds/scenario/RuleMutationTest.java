package org.legcds.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.legcds.assessment.RuleRef;

/**
 * Mutation testing of the knowledge base: for each rule, the whole scenario suite runs with that rule switched off
 * ({@link org.legcds.KnowledgeBaseTesting#withRulesDisabled}). The rule's loss is noticed when at least one scenario then fails. A rule
 * whose loss nothing notices is either untested or redundant.
 *
 * <p>Only scenarios that pass with every rule on are used (a scenario failing anyway would "notice" every rule; the
 * suite test reports it). For each rule only the scenarios in which it fired are re-run: in the others the agenda
 * filter never refuses a match, so the firings, and the result, are those of the full knowledge base. Rules noticed
 * only through {@code rulesFired} expectations, not through any clinical expectation, are printed as a hint: a clinical
 * expectation says why the rule matters.
 */
@DisplayName("Rule mutation: switching off any one rule makes some scenario fail")
class RuleMutationTest {

    @Test
    void theLossOfEveryRuleIsNoticedBySomeScenario() {
        List<ScenarioResult> passing = Suite.results().stream().filter(ScenarioResult::passed).toList();
        List<RuleRef> unnoticed = new ArrayList<>();
        List<String> onlyByRuleIds = new ArrayList<>();
        for (RuleRef rule : Suite.ENGINE.rules()) {
            ScenarioRunner runner = new ScenarioRunner(org.legcds.KnowledgeBaseTesting.withRulesDisabled(Suite.ENGINE, Set.of(rule.id())));
            boolean noticed = false;
            boolean clinically = false;
            for (ScenarioResult baseline : passing) {
                if (!baseline.rulesFired().contains(rule.id())) {
                    continue; // the rule did nothing here, so switching it off changes nothing
                }
                ScenarioResult result = runner.run(baseline.scenario());
                if (!result.passed()) {
                    noticed = true;
                    if (result.failures().stream().anyMatch(f -> !f.expectation().equals("rulesFired"))) {
                        clinically = true;
                        break;
                    }
                }
            }
            if (!noticed) {
                unnoticed.add(rule);
            } else if (!clinically) {
                onlyByRuleIds.add(rule.id());
            }
        }
        if (!onlyByRuleIds.isEmpty()) {
            System.out.println("RuleMutationTest: " + onlyByRuleIds.size() + " rule(s) noticed only by rulesFired "
                    + "expectations, by no clinical expectation: " + String.join(", ", onlyByRuleIds));
        }

        assertTrue(unnoticed.isEmpty(), () -> unnoticed.size() + " of " + Suite.ENGINE.rules().size()
                + " rules can be switched off without any of the " + passing.size() + " passing scenarios failing; "
                + "add an expectation that depends on each:" + System.lineSeparator()
                + unnoticed.stream().map(r -> "  " + r.id() + "  " + r.name())
                        .collect(Collectors.joining(System.lineSeparator())));
    }
}
