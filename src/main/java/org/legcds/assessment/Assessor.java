package org.legcds.assessment;

import java.util.List;
import org.legcds.facts.Case;
import org.legcds.vocabulary.Vocabulary;

/**
 * Whatever assesses cases against a knowledge base: {@link org.legcds.LegCds} for clinical use, or a view of it made
 * for testing the knowledge base. The scenario runner and the safety gate take one, so they need no engine.
 *
 * <p><b>Contract:</b> implementations are thread-safe and keep nothing of one case for another; no method accepts or
 * returns null.
 */
public interface Assessor {

    /**
     * Assesses one case.
     *
     * @param patientCase the patient, the evaluation date and the findings
     * @return the assessment, explained
     * @throws org.legcds.problems.InvalidCaseException if a finding does not fit this knowledge base's vocabulary,
     *                                                  naming each problem
     * @throws IllegalStateException                    if the rules misbehave (e.g. loop)
     */
    Assessment assess(Case patientCase);

    /**
     * The clinical vocabulary of the knowledge base this assesses with.
     *
     * @return its findings, conditions, steps, checks and thresholds
     */
    Vocabulary vocabulary();

    /**
     * Every rule of the knowledge base this assesses with.
     *
     * @return the rules, sorted by id
     */
    List<RuleRef> rules();
}
