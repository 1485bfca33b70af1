package org.legcds.assessment;


import org.legcds.vocabulary.FindingDefinition;

/**
 * An unknown finding worth asking about or examining.
 *
 * @param finding  what to ask
 * @param label    readable description of the finding
 * @param priority how decisive the answer is
 * @param why      what the answer would change
 * @param because  the rules that raised the question
 */
public record Question(FindingDefinition finding, String label, Priority priority, String why, Explanation because) {
}
