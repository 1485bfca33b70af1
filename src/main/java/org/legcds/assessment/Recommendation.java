package org.legcds.assessment;


import org.legcds.vocabulary.StepKind;
import org.legcds.vocabulary.StepDefinition;
/**
 * A recommended next step.
 *
 * @param step    what to do
 * @param kind    examination, test, management, referral or caution
 * @param label   readable description
 * @param reason  why (each recommending rule's reason, joined)
 * @param because the rules and findings
 */
public record Recommendation(StepDefinition step, StepKind kind, String label, String reason, Explanation because) {
}
