package org.legcds.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The result of assessing one case. Immutable. Every item carries an {@link Explanation}; the {@link #trace()} lists
 * every rule that fired. Lists are in a deterministic order: most urgent or most decisive first, then by name.
 *
 * @param triage          how soon (the urgency), and which red-flag checks set it
 * @param redFlags        suspected emergencies
 * @param notEvaluated    red-flag checks left open by unknown findings
 * @param claudication    the claudication classification
 * @param patterns        the symptom patterns found: distribution (bilateral, stocking-glove, radicular ...) and
 *                        timing (walking-induced, at rest, sudden onset ...)
 * @param causeCategories cause families in the differential
 * @param differential    hypotheses, likely before possible
 * @param recommendations next steps
 * @param questions       unknown findings worth asking about, most decisive first
 * @param trace           the rules that fired, in order
 * @param knowledgeBase   the knowledge base that produced this
 * @param evaluationDate  the date the case was assessed for
 */
public record Assessment(Triage triage, List<RedFlag> redFlags, List<NotEvaluated> notEvaluated,
                         ClaudicationAssessment claudication, List<ObservedPattern> patterns,
                         List<CauseCategories> causeCategories, List<Hypothesis> differential,
                         List<Recommendation> recommendations, List<Question> questions, List<TraceEntry> trace,
                         KnowledgeBaseInfo knowledgeBase, LocalDate evaluationDate) {

    /**
     * Copies the lists, so the record is immutable. The engine builds assessments; a host has no need to.
     *
     * @param triage          how soon (the urgency), and which red-flag checks set it
     * @param redFlags        suspected emergencies
     * @param notEvaluated    red-flag checks left open by unknown findings
     * @param claudication    the claudication classification
     * @param patterns        the symptom patterns found: distribution (bilateral, stocking-glove, radicular ...) and
     *                        timing (walking-induced, at rest, sudden onset ...)
     * @param causeCategories cause families in the differential
     * @param differential    hypotheses, likely before possible
     * @param recommendations next steps
     * @param questions       unknown findings worth asking about, most decisive first
     * @param trace           the rules that fired, in order
     * @param knowledgeBase   the knowledge base that produced this
     * @param evaluationDate  the date the case was assessed for
     * @throws NullPointerException if a list is null or holds null
     */
    public Assessment {
        redFlags = List.copyOf(redFlags);
        notEvaluated = List.copyOf(notEvaluated);
        patterns = List.copyOf(patterns);
        causeCategories = List.copyOf(causeCategories);
        differential = List.copyOf(differential);
        recommendations = List.copyOf(recommendations);
        questions = List.copyOf(questions);
        trace = List.copyOf(trace);
    }

    /**
     * The red flag raised for a check, if any.
     *
     * @param check a red-flag check id, e.g. {@code CAUDA_EQUINA_SYNDROME}
     * @return the red flag, or empty when none was raised; empty does not rule the danger out, as the check may be
     *         open (see {@link #notEvaluated(String)})
     */
    public Optional<RedFlag> redFlag(String check) {
        return redFlags.stream().filter(r -> r.check().id().equals(check)).findFirst();
    }

    /**
     * The hypothesis for a condition, if it is in the differential.
     *
     * @param condition a condition id, e.g. {@code PERIPHERAL_ARTERY_DISEASE}
     * @return the hypothesis, or empty when the condition is not in the differential
     */
    public Optional<Hypothesis> hypothesis(String condition) {
        return differential.stream().filter(h -> h.condition().id().equals(condition)).findFirst();
    }

    /**
     * The recommendation of a step, if made.
     *
     * @param step a next-step id, e.g. {@code ANKLE_BRACHIAL_INDEX}
     * @return the recommendation, or empty when it was not made
     */
    public Optional<Recommendation> recommendation(String step) {
        return recommendations.stream().filter(r -> r.step().id().equals(step)).findFirst();
    }

    /**
     * Whether a red-flag check was left open by unknown findings.
     *
     * @param check a red-flag check id
     * @return what is open and which findings would decide it, or empty when the check was not left open
     */
    public Optional<NotEvaluated> notEvaluated(String check) {
        return notEvaluated.stream().filter(n -> n.check().id().equals(check)).findFirst();
    }
}
