package org.legcds.problems;

import java.util.List;

/**
 * A case that cannot be assessed as given. Carries every problem found, not just the first, each naming the field, the
 * value and what was expected. legcds never guesses around bad input.
 */
public final class InvalidCaseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * An exception carrying every problem found.
     *
     * @param problems the problems, in input order; not empty
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public InvalidCaseException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem, in input order.
     *
     * @return the problems; immutable, never empty
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidCaseException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "invalid case: " + problems.get(0);
        }
        StringBuilder text = new StringBuilder("invalid case (" + problems.size() + " problems): ");
        for (int i = 0; i < problems.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        return text.toString();
    }
}
