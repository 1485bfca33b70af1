package org.legcds.assessment;

/**
 * A distribution pattern found in the symptoms.
 *
 * @param pattern the pattern
 * @param label   its readable name
 * @param because the rule and findings
 */
public record Pattern(DistributionPattern pattern, String label, Explanation because) {
}
