/**
 * Derived facts: what the rules in {@code rules/} conclude, layer by layer (clues, classifications, patterns,
 * hypotheses, red flags, next steps, questions). Rules insert them with {@code insertLogical}, so each withdraws when its
 * support goes; input facts are never modified. The engine reads them into an {@link org.legcds.assessment.Assessment}.
 * Immutable records; a host meets them only through the assessment.
 */
package org.legcds.conclusions;
