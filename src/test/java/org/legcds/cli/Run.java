package org.legcds.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one run of the command line produced, for tests: {@code Run.legcds("assess", file)} runs {@link Main#run} with
 * captured streams, as a user would type it.
 */
record Run(int exitCode, String out, String err) {

    static Run legcds(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] arguments = Stream.of(args).map(Object::toString).toArray(String[]::new);
        int code = Main.run(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    boolean hasStackTrace() {
        return err.lines().anyMatch(line -> line.startsWith("\tat "));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
}
