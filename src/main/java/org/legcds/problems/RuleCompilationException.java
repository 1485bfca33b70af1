package org.legcds.problems;

import java.util.List;

/**
 * Rules that do not compile. Carries every error with its file and line, not just the first. Its subclass
 * {@link SafetyGateException} is for rules that compile but that the safety gate refuses to serve.
 */
public class RuleCompilationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One compilation error.
     *
     * @param file    the DRL file, relative to the rules directory
     * @param line    1-based line, or 0 when the compiler could not place it
     * @param message what is wrong
     */
    public record Error(String file, int line, String message) {
        /**
         * Makes the file name and the message safe to print on one line ({@link Escaping#inline}).
         *
         * @param file    the DRL file, relative to the rules directory
         * @param line    1-based line, or 0 when the compiler could not place it
         * @param message what is wrong
         */
        public Error {
            // file names and messages quote the rules files: one error stays one line, whatever they hold
            file = org.legcds.problems.Escaping.inline(file);
            message = org.legcds.problems.Escaping.inline(message);
        }

        /** One line: {@code file:line: message}, without the line when it is 0. */
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    private final transient List<Error> errors;

    /**
     * Rules that do not compile, with every error.
     *
     * @param errors every error, with file and line; not null
     */
    public RuleCompilationException(List<Error> errors) {
        this("rules do not compile", errors);
    }

    /**
     * With a headline other than "rules do not compile", e.g. the safety gate's.
     *
     * @param headline the first line of the message
     * @param errors   every error, with file and line; not null
     */
    protected RuleCompilationException(String headline, List<Error> errors) {
        super(message(headline, errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * Every error, with its file and line.
     *
     * @return the errors; immutable
     */
    public List<Error> errors() {
        return errors;
    }

    private static String message(String headline, List<Error> errors) {
        StringBuilder text = new StringBuilder(headline + " (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "):");
        errors.forEach(e -> text.append(System.lineSeparator()).append("  ").append(e));
        return text.toString();
    }
}
