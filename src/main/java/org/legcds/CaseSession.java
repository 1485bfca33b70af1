package org.legcds;

import java.util.Objects;
import org.legcds.assessment.Assessment;
import org.legcds.engine.Evaluation;
import org.legcds.facts.Code;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;

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
    private boolean closed;

    CaseSession(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** Records a finding, replacing any earlier finding for the same code and side. */
    public CaseSession record(Finding finding) {
        checkOpen();
        evaluation.record(Objects.requireNonNull(finding, "finding must not be null"));
        return this;
    }

    /** Forgets the finding for a code on a side ({@code null} side: the unsided one); it becomes unknown again. */
    public boolean forget(Code code, Laterality side) {
        checkOpen();
        return evaluation.forget(Objects.requireNonNull(code, "code must not be null"), side);
    }

    /** Forgets the unsided finding for a code. */
    public boolean forget(Code code) {
        return forget(code, null);
    }

    /** Assesses the findings recorded so far. */
    public Assessment assess() {
        checkOpen();
        return evaluation.assess();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            evaluation.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this CaseSession is closed");
        }
    }
}
