package org.legcds.cli;

import org.legcds.problems.Escaping;

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

    /**
     * Why a file could not be read or written, in words: "no such file", "permission denied", "the folder ... does
     * not exist", never a bare exception class name.
     */
    static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            java.nio.file.Path path = missing.getFile() == null ? null : java.nio.file.Path.of(missing.getFile());
            java.nio.file.Path parent = path == null ? null : path.toAbsolutePath().getParent();
            return parent != null && !java.nio.file.Files.isDirectory(parent)
                    ? "the folder " + parent + " does not exist" : "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof java.nio.charset.MalformedInputException) {
            return "a byte that is not UTF-8";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Prints an error the command reports itself, as Main prints a Failure: {@code legcds: <message>}, one line. */
    static void report(java.io.PrintWriter err, String message) {
        err.println("legcds: " + Escaping.inline(message));
    }

    int exitCode() {
        return exitCode;
    }
}
