package org.legcds.assessment;

/**
 * A red flag: a suspected emergency, what triggered it, and what to do.
 *
 * @param condition the danger suspected
 * @param label     its readable name
 * @param urgency   how soon to act
 * @param action    what to do
 * @param because   the rule, its sources and the triggering findings
 */
public record RedFlag(RedFlagCheck condition, String label, Urgency urgency, String action, Explanation because) {
}
