package org.legcds.scenario;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Assessor;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.TraceEntry;

/**
 * Runs scenarios against an engine (any {@link Assessor}) and checks each assessment against the scenario's expectations.
 *
 * <pre>{@code
 * List<ScenarioResult> results = new ScenarioRunner(LegCds.packaged()).run(Path.of("scenarios"));
 * }</pre>
 *
 * <p>Immutable and thread-safe (as the engine is). A scenario whose assessment throws fails with the error as its
 * message; the other scenarios still run.
 */
public final class ScenarioRunner {

    private final Assessor engine;
    private final Set<String> ruleIds;

    /**
     * A runner over an engine.
     *
     * @param engine what assesses each scenario's case: {@code LegCds}, or a view made for testing the knowledge base
     */
    public ScenarioRunner(Assessor engine) {
        this.engine = Objects.requireNonNull(engine, "engine must not be null");
        this.ruleIds = engine.rules().stream().map(RuleRef::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The engine the scenarios run against.
     *
     * @return the engine given to the constructor
     */
    public Assessor engine() {
        return engine;
    }

    /**
     * Reads every scenario of a directory (see {@link ScenarioReader}) and runs them, in name order.
     *
     * @param directory a scenario directory, read at any depth
     * @return one result per scenario, in name order
     * @throws InvalidScenarioException  with every problem of every bad scenario file (none is run then)
     * @throws IllegalArgumentException  if the directory does not exist
     */
    public List<ScenarioResult> run(Path directory) {
        return run(ScenarioReader.of(directory, engine.vocabulary()).readAll());
    }

    /**
     * Runs scenarios, in the order given.
     *
     * @param scenarios the scenarios
     * @return one result per scenario, in the order given
     */
    public List<ScenarioResult> run(Collection<Scenario> scenarios) {
        return scenarios.stream().map(this::run).toList();
    }

    /**
     * Runs one scenario. An assessment that throws is a failed result, not an exception.
     *
     * @param scenario the scenario
     * @return the result: every expectation not met, the rules fired and the assessment
     */
    public ScenarioResult run(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario must not be null");
        Assessment assessment;
        try {
            assessment = engine.assess(scenario.patientCase());
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario, List.of(new ExpectationFailure("assessment",
                    "the assessment failed: " + e)), List.of(), Optional.empty());
        }
        List<String> fired = List.copyOf(assessment.trace().stream().map(TraceEntry::rule)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        return new ScenarioResult(scenario, scenario.expect().check(assessment, ruleIds), fired,
                Optional.of(assessment));
    }
}
