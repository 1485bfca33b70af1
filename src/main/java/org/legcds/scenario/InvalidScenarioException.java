package org.legcds.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.legcds.problems.Problem;

/**
 * A scenario file (or the red-flag screen file) that cannot be used as written. Carries every problem found, each naming
 * the file, the key, the value and what was expected; a typo is never silently ignored.
 */
public final class InvalidScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem in one file.
     *
     * @param file    the file, relative to the scenario directory where possible, e.g. {@code claudication/x.yaml}
     * @param problem the key ({@code expect.claudication}), the value and what was expected
     */
    public record Located(String file, Problem problem) {
        /**
         * One line, e.g. {@code claudication/x.yaml: expect.claudication: 'VASCULR' is not valid; expected ...}.
         *
         * @return the problem as one line
         */
        @Override
        public String toString() {
            return file + ": " + problem;
        }
    }

    private final transient List<Located> problems;

    /**
     * An exception carrying every problem found.
     *
     * @param problems the problems, by file in reading order; not empty
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public InvalidScenarioException(List<Located> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem, by file in reading order.
     *
     * @return the problems; immutable, never empty
     */
    public List<Located> problems() {
        return problems;
    }

    private static String message(List<Located> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidScenarioException needs at least one problem");
        }
        long files = problems.stream().map(Located::file).distinct().count();
        String head = problems.size() == 1 ? "invalid scenario: "
                : "invalid scenario" + (files == 1 ? "" : "s") + " (" + problems.size() + " problems):"
                        + System.lineSeparator();
        return head + problems.stream().map(Located::toString).collect(Collectors.joining(System.lineSeparator()));
    }
}
