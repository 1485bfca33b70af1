package org.legcds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.legcds.assessment.Assessment;
import org.legcds.engine.Evaluation;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * One patient's live assessment, for hosts that add findings one at a time as a clinician documents them. Conclusions
 * are maintained incrementally: recording, replacing or forgetting a finding withdraws the conclusions that rested on
 * it. The content of {@link #assess()} equals that of {@link LegCds#assess} on the same findings; only the
 * {@link Assessment#trace()} differs, as it records every firing since the session opened.
 *
 * <p><b>Thread-safety:</b> not thread-safe; confine a session to one thread (or synchronise externally).
 * <b>Nullness:</b> no method accepts or returns null. Close it to free the working memory.
 */
public final class CaseSession implements AutoCloseable {

    private final Evaluation evaluation;
    /** The findings recorded and not forgotten, by code and side: checked as {@link Case} checks a whole case. */
    private final Map<String, Finding> recorded = new LinkedHashMap<>();
    private boolean closed;

    CaseSession(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    /**
     * Records a finding, replacing any earlier finding for the same code and side.
     *
     * @param finding what the clinician documented: present, absent, unknown or conflicting
     * @return this session, for chaining
     * @throws IllegalStateException if the session is closed
     * @throws InvalidCaseException if the finding does not fit the knowledge base's vocabulary (unknown id, unit, value
     *                              out of range, ...), contradicts one recorded on another side (present where that one says
     *                              absent: replace or forget it first), or the session would exceed
     *                              {@value Case#MAX_FINDINGS} findings; the session is unchanged
     */
    public CaseSession record(Finding finding) {
        checkOpen();
        Objects.requireNonNull(finding, "finding must not be null");
        List<Problem> problems = evaluation.vocabulary().problems(finding, "finding");
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(problems);
        }
        String key = key(finding.code(), finding.laterality());
        if (!recorded.containsKey(key) && recorded.size() >= Case.MAX_FINDINGS) {
            throw new InvalidCaseException(List.of(new Problem("finding", finding.describe(),
                    "at most " + Case.MAX_FINDINGS + " findings per case")));
        }
        for (Map.Entry<String, Finding> other : recorded.entrySet()) {
            if (!other.getKey().equals(key) && other.getValue().contradicts(finding)) {
                throw new InvalidCaseException(List.of(new Problem("finding", finding.describe(),
                        "a finding that agrees with the recorded " + other.getValue().describe()
                                + ": present and absent on the same side (replace or forget that one first)")));
            }
        }
        evaluation.record(finding);
        recorded.put(key, finding);
        return this;
    }

    /**
     * Forgets the finding for a code on a side; it becomes unknown again (not absent), and the conclusions that rested
     * on it are withdrawn.
     *
     * @param code a finding id of the vocabulary
     * @param side the side it was recorded on, or {@code null} for the unsided finding
     * @return whether a finding was recorded there and is now forgotten
     * @throws IllegalStateException if the session is closed
     */
    public boolean forget(String code, Laterality side) {
        checkOpen();
        recorded.remove(key(Objects.requireNonNull(code, "code must not be null"), side));
        return evaluation.forget(code, side);
    }

    /**
     * Forgets the unsided finding for a code; it becomes unknown again.
     *
     * @param code a finding id of the vocabulary
     * @return whether such a finding was recorded and is now forgotten
     * @throws IllegalStateException if the session is closed
     */
    public boolean forget(String code) {
        return forget(code, null);
    }

    /**
     * Assesses the findings recorded so far; call it again after each change.
     *
     * @return the assessment, every item explained; its trace covers every firing since the session opened
     * @throws IllegalStateException if the session is closed, or the rules misbehave (e.g. loop)
     */
    public Assessment assess() {
        checkOpen();
        return evaluation.assess();
    }

    /** Frees the session's working memory. Idempotent; any other method throws afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            evaluation.close();
        }
    }

    private static String key(String code, Laterality side) {
        return code + "/" + Objects.toString(side, "unsided");
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this CaseSession is closed");
        }
    }
}
