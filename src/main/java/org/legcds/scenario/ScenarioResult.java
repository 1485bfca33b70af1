package org.legcds.scenario;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.legcds.assessment.Assessment;

/**
 * The outcome of running one scenario.
 *
 * @param scenario   the scenario
 * @param failures   every expectation not met, in the order of the format (empty when it passed)
 * @param rulesFired the ids of the rules that fired, in firing order, each once
 * @param assessment the assessment, or empty if the engine failed (then {@code failures} says why)
 */
public record ScenarioResult(Scenario scenario, List<ExpectationFailure> failures, List<String> rulesFired,
                             Optional<Assessment> assessment) {

    public ScenarioResult {
        requireNonNull(scenario, "scenario must not be null");
        failures = List.copyOf(failures);
        rulesFired = List.copyOf(rulesFired);
        requireNonNull(assessment, "assessment must not be null");
    }

    /** The scenario's name, e.g. {@code red-flags/saddle-anaesthesia-alone.yaml}. */
    public String name() {
        return scenario.name();
    }

    /** Whether every expectation was met. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** The failures as readable sentences. */
    public List<String> messages() {
        return failures.stream().map(ExpectationFailure::message).toList();
    }

    /** The first failure's sentence, if any. */
    public Optional<String> firstFailure() {
        return failures.stream().findFirst().map(ExpectationFailure::message);
    }
}
