package org.legcds.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.legcds.vocabulary.Definition;
import org.legcds.vocabulary.Vocabulary;

/**
 * Which rules raise each red-flag check and which leave it open, read from the rules' consequences: a rule raises a
 * check when its {@code then} part inserts {@code new RedFlagRaised(<check>, ...)} and leaves it open when it inserts
 * {@code new CheckOpen(<check>, ...)}. The check is the first argument, written as an enum constant
 * ({@code RedFlagCheck.CAUDA_EQUINA_SYNDROME}) or a string ({@code "CAUDA_EQUINA_SYNDROME"}), so this survives the
 * checks becoming data. The one place that knows how rules name red-flag checks; {@link #checks()} is the one place
 * that knows where the list of checks comes from.
 *
 * @param raisedBy   check id to the ids of the rules that raise it (every check of {@link #checks()} is a key)
 * @param leftOpenBy check id to the ids of the rules that leave it open when its findings are unknown
 * @param unknown    check ids that rules name but {@link #checks()} does not hold, to the rules naming them
 */
record RedFlagCoverage(Map<String, SortedSet<String>> raisedBy, Map<String, SortedSet<String>> leftOpenBy,
                              Map<String, SortedSet<String>> unknown) {

    private static final Pattern RAISED = Pattern.compile("new\\s+(?:[\\w.]+\\.)?RedFlagRaised\\s*\\(\\s*([^,)]+)");
    private static final Pattern OPEN = Pattern.compile("new\\s+(?:[\\w.]+\\.)?CheckOpen\\s*\\(\\s*([^,)]+)");

    /** The red-flag checks of the packaged vocabulary, by id. */
    public static List<String> checks() {
        return checks(Vocabulary.packaged());
    }

    /** The red-flag checks of a vocabulary, by id. */
    public static List<String> checks(Vocabulary vocabulary) {
        return vocabulary.checks().stream().map(Definition::id).toList();
    }

    /** Reads the coverage from the text of every rule of a rule set. */
    public static RedFlagCoverage of(RuleSet rules) {
        Map<String, SortedSet<String>> raised = new TreeMap<>();
        Map<String, SortedSet<String>> open = new TreeMap<>();
        Map<String, SortedSet<String>> unknown = new TreeMap<>();
        List<String> checks = rules.vocabulary().isEmpty() ? checks() : checks(Vocabulary.parse(rules.vocabulary()));
        checks.forEach(check -> {
            raised.put(check, new TreeSet<>());
            open.put(check, new TreeSet<>());
        });
        for (String text : rules.drl().values()) {
            for (RuleCompiler.DrlRule rule : RuleCompiler.DrlRule.all(text)) {
                String id = rule.id().isEmpty() ? "rule \"" + rule.name() + "\"" : rule.id();
                collect(RAISED.matcher(rule.consequence()), id, checks, raised, unknown);
                collect(OPEN.matcher(rule.consequence()), id, checks, open, unknown);
            }
        }
        return new RedFlagCoverage(raised, open, unknown);
    }

    private static void collect(Matcher matcher, String ruleId, List<String> checks,
                                Map<String, SortedSet<String>> into, Map<String, SortedSet<String>> unknown) {
        while (matcher.find()) {
            String check = checkId(matcher.group(1));
            (checks.contains(check) ? into : unknown).computeIfAbsent(check, c -> new TreeSet<>()).add(ruleId);
        }
    }

    /** {@code RedFlagCheck.X}, {@code X} or {@code "X"}: X. */
    static String checkId(String argument) {
        String text = argument.trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text.substring(text.lastIndexOf('.') + 1);
    }

    /**
     * What is missing: each check no rule raises, and each no rule leaves open unless {@code mayStayClosed} names it
     * (a deliberate, documented gap); empty when every check is covered.
     */
    public List<String> gaps(java.util.Set<String> mayStayClosed) {
        List<String> gaps = new ArrayList<>();
        raisedBy.forEach((check, ids) -> {
            if (ids.isEmpty()) {
                gaps.add("red-flag check " + check + " is raised by no rule (no consequence inserts "
                        + "RedFlagRaised(" + check + ", ...)): its red flag could never be shown");
            }
        });
        leftOpenBy.forEach((check, ids) -> {
            if (ids.isEmpty() && !mayStayClosed.contains(check)) {
                gaps.add("red-flag check " + check + " is left open by no rule (no consequence inserts "
                        + "CheckOpen(" + check + ", ...)): unknown findings would pass silently as if it were ruled out");
            }
        });
        unknown.forEach((check, ids) -> gaps.add("rules " + String.join(", ", ids) + " name red-flag check " + check
                + ", which is not a check of the vocabulary (one of " + String.join(", ", raisedBy.keySet()) + ")"));
        return gaps;
    }
}
