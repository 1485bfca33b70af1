package org.legcds.assessment;

/**
 * A reason that weighs on a hypothesis.
 *
 * @param reason  the clinical reason
 * @param because the rule and findings
 */
public record Evidence(String reason, Explanation because) {
}
