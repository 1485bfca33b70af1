package org.legcds.assessment;


import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.RedFlagCheckDefinition;
/**
 * A red flag: a suspected emergency, what triggered it, and what to do.
 *
 * @param check   the danger suspected
 * @param label   its readable name
 * @param urgency how soon to act
 * @param action  what to do
 * @param because the rule, its sources and the triggering findings
 */
public record RedFlag(RedFlagCheckDefinition check, String label, Urgency urgency, String action, Explanation because) {
}
