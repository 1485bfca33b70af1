/**
 * Testing the knowledge base: clinical scenarios written as YAML by clinical informaticians, the
 * {@link org.legcds.scenario.ScenarioRunner} that checks them against an engine, and the
 * {@link org.legcds.scenario.EvidenceRegister} that ties the rules' {@code @source} citations to the claims of
 * {@code seeds/}.
 *
 * <p>A scenario is one clinical situation ({@code scenarios/<topic>/<situation>.yaml}): a description, a patient,
 * findings in the case-file format, and the expectations a correct assessment must meet (urgency, red flags, checks left
 * open, claudication type, distribution, cause categories, differential, recommendations, questions, rules fired). The
 * format is documented for authors in {@code scenarios/README.md}.
 *
 * <pre>{@code
 * List<Scenario> scenarios = ScenarioReader.of(Path.of("scenarios")).readAll();
 * for (ScenarioResult result : new ScenarioRunner(LegCds.packaged()).run(scenarios)) {
 *     if (!result.passed()) System.out.println(result.name() + ": " + result.messages());
 * }
 * }</pre>
 *
 * <p>These are tools for building and reviewing the knowledge base (used by {@code legcds test} and the project's
 * tests), not for clinical use. Readers and the runner are immutable and thread-safe.
 */
package org.legcds.scenario;
