package org.legcds.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.legcds.assessment.RuleRef;
import org.legcds.scenario.ScenarioResult;

/**
 * Which scenarios fire which rule (as Drools' test-scenario coverage report: rules available, fired, the percentage
 * and per-rule counts).
 *
 * @param rules     every rule of the knowledge base, in the engine's order
 * @param byRule    per rule id, the names of the scenarios that fire it, in run order (every rule present)
 * @param scenarios how many scenarios ran
 */
record Coverage(List<RuleRef> rules, Map<String, List<String>> byRule, int scenarios) {

    static Coverage of(List<RuleRef> rules, List<ScenarioResult> results) {
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        rules.forEach(r -> byRule.put(r.id(), new ArrayList<>()));
        for (ScenarioResult result : results) {
            for (String rule : result.rulesFired()) {
                byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(result.name());
            }
        }
        byRule.replaceAll((rule, names) -> List.copyOf(names));
        return new Coverage(List.copyOf(rules), byRule, results.size());
    }

    long fired() {
        return rules.stream().filter(r -> !byRule.get(r.id()).isEmpty()).count();
    }

    /** The percentage of rules fired, one decimal. */
    String percent() {
        return rules.isEmpty() ? "0.0" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * fired() / rules.size());
    }
}
