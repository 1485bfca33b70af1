package org.legcds.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.legcds.assessment.RuleRef;

@DisplayName("Rule coverage: every rule fires in at least one scenario")
class RuleCoverageTest {

    @Test
    void everyRuleFiresInSomeScenario() {
        Set<String> fired = Suite.results().stream().flatMap(r -> r.rulesFired().stream()).collect(Collectors.toSet());
        List<RuleRef> never = Suite.ENGINE.rules().stream().filter(rule -> !fired.contains(rule.id())).toList();

        assertTrue(never.isEmpty(), () -> never.size() + " of " + Suite.ENGINE.rules().size() + " rules fire in no "
                + "scenario of " + Suite.SCENARIOS + " (" + Suite.results().size() + " scenarios); write a scenario "
                + "for each:" + System.lineSeparator() + never.stream().map(r -> "  " + r.id() + "  " + r.name())
                        .collect(Collectors.joining(System.lineSeparator())));
    }
}
