package org.legcds.cli;

/** A command that cannot go on: its one-line message for stderr and its exit code. Main prints it; no stack trace. */
final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    Failure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
