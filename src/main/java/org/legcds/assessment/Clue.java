package org.legcds.assessment;

/**
 * One piece of evidence about the claudication mechanism.
 *
 * @param mechanism the mechanism it concerns
 * @param direction whether it speaks for or against that mechanism
 * @param clue      the clinical reason
 * @param because   the rule and findings
 */
public record Clue(Mechanism mechanism, Direction direction, String clue, Explanation because) {
}
