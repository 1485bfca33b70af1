/**
 * Assessment out: the result of assessing a case and its clinical vocabulary (urgency, red-flag checks, claudication
 * types, conditions, next steps). Every item carries an {@link org.legcds.assessment.Explanation}: the rules that drew
 * it, the evidence-register claims behind them, and the findings it rests on. The JSON form is documented by
 * {@code schema/assessment.schema.json}. Every result type here is an immutable record or enum (lists copied on
 * construction), so an assessment can be cached and shared between threads.
 */
package org.legcds.assessment;
