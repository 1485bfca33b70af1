package org.legcds.cli;

import org.legcds.facts.Escaping;

/**
 * A command that cannot go on: its one-line message for stderr and its exit code. Main prints it; no stack trace. The
 * message is escaped ({@link Escaping#inline}): file names, arguments and values in it cannot break it into lines.
 */
final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    Failure(int exitCode, String message) {
        this(exitCode, Escaping.inline(message), true);
    }

    private Failure(int exitCode, String message, boolean escaped) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A message of several lines, each already escaped (such as {@code RuleCompilationException}'s). */
    static Failure lines(int exitCode, String escapedLines) {
        return new Failure(exitCode, escapedLines, true);
    }

    /** Prints an error the command reports itself, as Main prints a Failure: {@code legcds: <message>}, one line. */
    static void report(java.io.PrintWriter err, String message) {
        err.println("legcds: " + Escaping.inline(message));
    }

    int exitCode() {
        return exitCode;
    }
}
