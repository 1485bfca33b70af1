package org.legcds.scenario;

import java.nio.file.Path;
import java.util.List;
import org.legcds.LegCds;

/**
 * Test fixture: the packaged engine and the project's scenario suite ({@code scenarios/}), read once and shared by the
 * suite, coverage and mutation tests (the engine is thread-safe; scenarios are immutable).
 */
final class Suite {

    static final Path SCENARIOS = Path.of("scenarios");
    static final LegCds ENGINE = LegCds.packaged();

    private static List<Scenario> scenarios;
    private static List<ScenarioResult> results;

    private Suite() {
    }

    /** Every scenario; a bad file fails the caller with every problem (ScenarioSuiteTest names it too). */
    static synchronized List<Scenario> scenarios() {
        if (scenarios == null) {
            scenarios = ScenarioReader.of(SCENARIOS).readAll();
        }
        return scenarios;
    }

    /** Every scenario run against the full packaged knowledge base. */
    static synchronized List<ScenarioResult> results() {
        if (results == null) {
            results = new ScenarioRunner(ENGINE).run(scenarios());
        }
        return results;
    }
}
