package org.legcds.scenario;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.legcds.facts.Case;

/**
 * One clinical situation and what a correct assessment of it must show. Immutable; built by {@link ScenarioReader}.
 *
 * @param name        the file's path relative to the scenario directory, with forward slashes, e.g.
 *                    {@code claudication/vascular-walking-pain-relieved-by-standing-still.yaml}
 * @param file        the file it was read from
 * @param description what the situation is, in a clinician's words
 * @param patientCase the patient, evaluation date and findings, including the red-flag screening findings added by
 *                    {@code screenedForRedFlags: true}
 * @param expect      what the assessment must show
 */
public record Scenario(String name, Path file, String description, Case patientCase, Expectations expect) {

    /**
     * Checks that no component is null.
     *
     * @param name        the file's path relative to the scenario directory, with forward slashes, e.g.
     *                    {@code claudication/vascular-walking-pain-relieved-by-standing-still.yaml}
     * @param file        the file it was read from
     * @param description what the situation is, in a clinician's words
     * @param patientCase the patient, evaluation date and findings, including the red-flag screening findings added by
     *                    {@code screenedForRedFlags: true}
     * @param expect      what the assessment must show
     * @throws NullPointerException if a component is null, naming it
     */
    public Scenario {
        requireNonNull(name, "name must not be null");
        requireNonNull(file, "file must not be null");
        requireNonNull(description, "description must not be null");
        requireNonNull(patientCase, "patientCase must not be null");
        requireNonNull(expect, "expect must not be null");
    }

    /**
     * The name without {@code .yaml}.
     *
     * @return e.g. {@code red-flags/saddle-anaesthesia-alone}
     */
    public String id() {
        return name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
    }
}
