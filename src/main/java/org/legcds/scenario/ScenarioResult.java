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

    /**
     * Copies the lists.
     *
     * @param scenario   the scenario
     * @param failures   every expectation not met, in the order of the format (empty when it passed)
     * @param rulesFired the ids of the rules that fired, in firing order, each once
     * @param assessment the assessment, or empty if the engine failed (then {@code failures} says why)
     * @throws NullPointerException if a component is null, or a list holds null
     */
    public ScenarioResult {
        requireNonNull(scenario, "scenario must not be null");
        failures = List.copyOf(failures);
        rulesFired = List.copyOf(rulesFired);
        requireNonNull(assessment, "assessment must not be null");
    }

    /**
     * The scenario's name.
     *
     * @return e.g. {@code red-flags/saddle-anaesthesia-alone.yaml}
     */
    public String name() {
        return scenario.name();
    }

    /**
     * Whether every expectation was met.
     *
     * @return true when there is no failure
     */
    public boolean passed() {
        return failures.isEmpty();
    }

    /**
     * The failures as readable sentences.
     *
     * @return one sentence per failure; empty when it passed
     */
    public List<String> messages() {
        return failures.stream().map(ExpectationFailure::message).toList();
    }

    /**
     * The first failure's sentence, if any.
     *
     * @return the sentence, or empty when it passed
     */
    public Optional<String> firstFailure() {
        return failures.stream().findFirst().map(ExpectationFailure::message);
    }
}
