package org.legcds.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.NotEvaluated;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;

@DisplayName("Scenario suite: every clinical scenario under scenarios/ against the packaged knowledge base")
class ScenarioSuiteTest {

    @TestFactory
    Stream<DynamicTest> everyScenario() {
        ScenarioReader reader = ScenarioReader.of(Suite.SCENARIOS);
        ScenarioRunner runner = new ScenarioRunner(Suite.ENGINE);
        return reader.files().stream().map(file -> {
            String name = Suite.SCENARIOS.relativize(file).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(name, file.toUri(), () -> {
                Scenario scenario = reader.read(file); // a bad file fails here, naming every problem
                ScenarioResult result = runner.run(scenario);
                if (!result.passed()) {
                    fail(name + ": " + scenario.description() + System.lineSeparator()
                            + result.failures().size() + " expectation(s) not met:" + System.lineSeparator()
                            + result.messages().stream().map(m -> "  - " + m)
                                    .collect(Collectors.joining(System.lineSeparator())));
                }
            });
        });
    }

    @Test
    void theSuiteHasScenarios() {
        assertFalse(ScenarioReader.of(Suite.SCENARIOS).files().isEmpty(), "no scenario files under " + Suite.SCENARIOS);
    }

    @Test
    void theRedFlagScreenLeavesNoRedFlagCheckOpenForAPatientWithNothingElseRecorded() {
        // a screened scenario must not report checks open merely because the screen list is incomplete: when a rule
        // adds a red-flag check that an unrecorded finding leaves open, its finding belongs in the check's screenedBy
        ScenarioReader reader = ScenarioReader.of(Suite.SCENARIOS);
        List<Finding> screen = reader.redFlagScreen().stream().map(Finding::absent).toList();
        Assessment assessment = Suite.ENGINE.assess(new Case(new Patient("screen-only", 60, Sex.UNKNOWN,
                Status.UNKNOWN), LocalDate.parse(ScenarioReader.DEFAULT_EVALUATION_DATE), screen));

        assertTrue(assessment.notEvaluated().isEmpty(), () -> "red-flag checks still open after the screen of "
                + "rules/vocabulary (each check's screenedBy); add these findings to it: "
                + assessment.notEvaluated().stream().map(n -> n.check().id() + " " + n.unknownFindings().stream()
                                .map(org.legcds.vocabulary.FindingDefinition::id).toList())
                        .collect(Collectors.joining(", ")));
        assertFalse(assessment.notEvaluated().stream().map(NotEvaluated::check).findAny().isPresent());
    }
}
