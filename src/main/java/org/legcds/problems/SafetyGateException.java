package org.legcds.problems;

import java.util.List;

/**
 * A knowledge base that compiles but that the safety gate refuses to serve: a red-flag check that no rule raises or
 * leaves open, a difference from the knowledge base's manifest, or a clinical scenario that fails. Each error names
 * the file (a DRL file, {@code manifest.yaml} or a scenario) and what is wrong.
 */
public final class SafetyGateException extends RuleCompilationException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal, with every reason.
     *
     * @param errors every reason, each naming its file; not null
     */
    public SafetyGateException(List<Error> errors) {
        super("knowledge base refused by the safety gate", errors);
    }
}
