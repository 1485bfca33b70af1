package org.legcds.assessment;

/**
 * A symptom pattern found in the case: where the symptoms are (both legs, stocking-glove, radicular ...) or when they
 * come (on walking, at rest, suddenly ...).
 *
 * @param pattern the pattern
 * @param label   its readable name
 * @param because the rule and findings
 */
public record ObservedPattern(SymptomPattern pattern, String label, Explanation because) {
}
