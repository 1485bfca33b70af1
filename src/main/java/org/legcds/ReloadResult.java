package org.legcds;

import java.util.List;
import java.util.Objects;
import org.legcds.assessment.KnowledgeBaseInfo;
import org.legcds.problems.RuleCompilationException;

/**
 * What a {@link ReloadableEngine#reload()} did.
 *
 * @param outcome the rules were swapped, were unchanged, or could not be loaded
 * @param serving the knowledge base in service after the reload: the new one if swapped, else the one that stayed
 * @param errors  why the rules could not be loaded (every compile error with its file and line; for an unreadable
 *                directory or malformed metadata, one error naming it with line 0); empty unless {@code FAILED}
 */
public record ReloadResult(Outcome outcome, KnowledgeBaseInfo serving, List<RuleCompilationException.Error> errors) {

    /** What happened to the rules in service. */
    public enum Outcome {
        /** The directory compiled and its knowledge base is now in service. */
        RELOADED,
        /** The directory holds exactly the rules in service (same content hash): nothing was compiled or swapped. */
        UNCHANGED,
        /** The directory did not load; the rules in service stay in service. */
        FAILED
    }

    /**
     * Validates and copies.
     *
     * @param outcome swapped, unchanged or failed
     * @param serving the knowledge base in service after the reload
     * @param errors  every error; empty unless {@code FAILED}
     * @throws IllegalArgumentException if there are errors but the outcome is not {@code FAILED}, or the reverse
     */
    public ReloadResult {
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(serving, "serving must not be null");
        errors = List.copyOf(errors);
        if ((outcome == Outcome.FAILED) == errors.isEmpty()) {
            throw new IllegalArgumentException("a reload has errors exactly when it FAILED");
        }
    }

    /**
     * Whether new rules went into service.
     *
     * @return true exactly when the outcome is {@code RELOADED}
     */
    public boolean swapped() {
        return outcome == Outcome.RELOADED;
    }
}
