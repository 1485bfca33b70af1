package org.legcds.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.legcds.problems.RuleCompilationException;
import org.legcds.vocabulary.Definition;
import org.legcds.vocabulary.FindingKind;
import org.legcds.vocabulary.ModifierDefinition;
import org.legcds.vocabulary.Threshold;
import org.legcds.vocabulary.Vocabulary;

/**
 * Ties DRL to the vocabulary before it is compiled. Rules name vocabulary entries by id in quotes
 * ({@code Finding(code == "LEG_PAIN")}, {@code new Recommended("ANKLE_BRACHIAL_INDEX", ...)}); every such id must exist
 * in the vocabulary section its place calls for, or the knowledge base does not load: the error gives the file, the
 * line and the nearest ids. Rules write a named threshold as {@code threshold("ABI_PAD")} (or
 * {@code threshold("HBA1C_DIABETES", "%")}) and a red-flag check's screening findings as {@code screen("CHECK")}; both
 * and {@code ofKind("symptom")} the ids of every finding of a kind (for {@code code in ofKind("symptom")}); all three
 * are replaced by their values from the vocabulary, on the same line, so that an edited cut-off changes every rule that
 * uses it and compiler errors keep their line numbers.
 */
final class DrlVocabulary {

    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern THRESHOLD = Pattern.compile(
            "\\bthreshold\\(\\s*\"([^\"]*)\"\\s*(?:,\\s*\"([^\"]*)\"\\s*)?\\)");
    private static final Pattern SCREEN = Pattern.compile("\\bscreen\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern OF_KIND = Pattern.compile("\\bofKind\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"[^\"]*\"");
    private static final Pattern METADATA = Pattern.compile("@\\w+\\([^)]*\\)");
    private static final Pattern ID = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

    /** A place in DRL that names a vocabulary entry of one section, with the id in group 1. */
    private record Place(Pattern pattern, String what) {
    }

    private static final String Q = "\\s*\"([A-Z][A-Z0-9_]*)\"";
    private static final List<Place> PLACES = List.of(
            new Place(Pattern.compile("\\bcode\\s*(?:==|!=)" + Q), "finding"),
            new Place(Pattern.compile("new\\s+QuestionRaised\\(" + Q), "finding"),
            new Place(Pattern.compile("new\\s+CheckOpen\\(\\s*\"[^\"]*\"\\s*,\\s*\"([A-Z][A-Z0-9_]*)\""), "finding"),
            new Place(Pattern.compile("\\bfinding\\s*(?:==|!=)" + Q), "finding"),
            new Place(Pattern.compile("new\\s+Recommended\\(" + Q), "step"),
            new Place(Pattern.compile("\\bstep\\s*(?:==|!=)" + Q), "step"),
            new Place(Pattern.compile("new\\s+(?:HypothesisRaised|EvidenceAgainst)\\(" + Q), "condition"),
            new Place(Pattern.compile("\\bcondition\\s*(?:==|!=)" + Q), "condition"),
            new Place(Pattern.compile("new\\s+(?:RedFlagRaised|CheckOpen)\\(" + Q), "red-flag check"),
            new Place(Pattern.compile("\\bcheck\\s*(?:==|!=)" + Q), "red-flag check"),
            new Place(Pattern.compile("\\b(?:triggers|absentTriggers)\\s+(?:not\\s+)?contains" + Q), "trigger"),
            new Place(Pattern.compile("\\b(?:reliefs|absentReliefs)\\s+(?:not\\s+)?contains" + Q), "relief"),
            new Place(Pattern.compile("\\bsite\\s*(?:==|!=)" + Q), "site"));

    private DrlVocabulary() {
    }

    /**
     * The DRL files with thresholds and screens put in, after checking every vocabulary id they name.
     *
     * @throws RuleCompilationException listing every unknown id, threshold or check with file, line and nearest ids
     */
    static Map<String, String> expand(Map<String, String> drl, Vocabulary vocabulary) {
        List<RuleCompilationException.Error> errors = new ArrayList<>();
        Map<String, String> expanded = new LinkedHashMap<>();
        drl.forEach((file, text) -> expanded.put(file, expand(file, text, vocabulary, errors)));
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return expanded;
    }

    private static String expand(String file, String text, Vocabulary vocabulary,
                                 List<RuleCompilationException.Error> errors) {
        String code = blank(text, COMMENT);
        String scanned = blank(blank(code, RULE_NAME), METADATA); // rule names and metadata may quote anything
        checkIds(file, text, scanned, vocabulary, errors);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        List<int[]> spans = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        Matcher threshold = THRESHOLD.matcher(code);
        while (threshold.find()) {
            spans.add(new int[] {threshold.start(), threshold.end()});
            replacements.add(threshold(file, text, threshold, vocabulary, errors));
        }
        Matcher screen = SCREEN.matcher(code);
        while (screen.find()) {
            spans.add(new int[] {screen.start(), screen.end()});
            replacements.add(screen(file, text, screen, vocabulary, errors));
        }
        Matcher ofKind = OF_KIND.matcher(code);
        while (ofKind.find()) {
            spans.add(new int[] {ofKind.start(), ofKind.end()});
            replacements.add(ofKind(file, text, ofKind, vocabulary, errors));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
        for (int i : order) {
            out.append(text, last, spans.get(i)[0]).append(replacements.get(i));
            last = spans.get(i)[1];
        }
        return out.append(text.substring(last)).toString();
    }

    private static String threshold(String file, String text, Matcher m, Vocabulary vocabulary,
                                    List<RuleCompilationException.Error> errors) {
        String id = m.group(1);
        String unit = m.group(2);
        Threshold threshold = vocabulary.threshold(id).orElse(null);
        if (threshold == null) {
            errors.add(new RuleCompilationException.Error(file, lineOf(text, m.start()), "unknown threshold '" + id
                    + "' (nearest: " + nearest(id, vocabulary.thresholds()) + ")"));
            return "0";
        }
        Double value = unit == null ? threshold.value() : threshold.values().get(unit);
        if (value == null) {
            errors.add(new RuleCompilationException.Error(file, lineOf(text, m.start()), "threshold '" + id + "' has "
                    + (unit == null ? "a value per unit " + threshold.values().keySet()
                    + ": write threshold(\"" + id + "\", \"<unit>\")" : "no value in unit '" + unit + "' (it has "
                    + threshold.values().keySet() + ")")));
            return "0";
        }
        return Double.toString(value);
    }

    private static String screen(String file, String text, Matcher m, Vocabulary vocabulary,
                                 List<RuleCompilationException.Error> errors) {
        String id = m.group(1);
        return vocabulary.check(id).map(check -> {
            if (check.screenedBy().isEmpty()) {
                errors.add(new RuleCompilationException.Error(file, lineOf(text, m.start()), "red-flag check '" + id
                        + "' lists no screenedBy findings for screen(\"" + id + "\")"));
            }
            return "java.util.List.of(" + String.join(", ", check.screenedBy().stream().map(f -> "\"" + f + "\"")
                    .toList()) + ")";
        }).orElseGet(() -> {
            errors.add(new RuleCompilationException.Error(file, lineOf(text, m.start()), "unknown red-flag check '"
                    + id + "' in screen(...) (nearest: " + nearest(id, vocabulary.checks()) + ")"));
            return "java.util.List.of()";
        });
    }

    /** {@code ofKind("symptom")}: the ids of every finding of that kind, as a DRL list for {@code code in ...}. */
    private static String ofKind(String file, String text, Matcher m, Vocabulary vocabulary,
                                 List<RuleCompilationException.Error> errors) {
        String kind = m.group(1).trim().toUpperCase(java.util.Locale.ROOT);
        try {
            FindingKind wanted = FindingKind.valueOf(kind);
            return "(" + String.join(", ", vocabulary.findings().stream().filter(f -> f.kind() == wanted)
                    .map(f -> "\"" + f.id() + "\"").toList()) + ")";
        } catch (IllegalArgumentException e) {
            errors.add(new RuleCompilationException.Error(file, lineOf(text, m.start()), "unknown finding kind '"
                    + m.group(1) + "' in ofKind(...) (expected symptom, sign, history, medication or test)"));
            return "(\"\")";
        }
    }

    /** Every quoted id must name an entry: of the section its place calls for, else of any section. */
    private static void checkIds(String file, String text, String scanned, Vocabulary vocabulary,
                                 List<RuleCompilationException.Error> errors) {
        java.util.Set<Integer> placed = new java.util.HashSet<>();
        for (Place place : PLACES) {
            Matcher m = place.pattern().matcher(scanned);
            while (m.find()) {
                placed.add(m.start(1));
                String id = m.group(1);
                Collection<? extends Definition> among = section(place.what(), vocabulary);
                if (among.stream().noneMatch(d -> d.id().equals(id))) {
                    errors.add(new RuleCompilationException.Error(file, lineOf(text, m.start(1)), "unknown "
                            + place.what() + " id \"" + id + "\" (nearest: " + nearest(id, among) + ")"));
                }
            }
        }
        Matcher any = ID.matcher(scanned);
        while (any.find()) {
            if (placed.contains(any.start(1)) || inCall(scanned, any.start())) {
                continue;
            }
            String id = any.group(1);
            List<Definition> all = new ArrayList<>();
            for (String what : List.of("finding", "condition", "step", "red-flag check", "trigger", "relief", "site")) {
                all.addAll(section(what, vocabulary));
            }
            if (all.stream().noneMatch(d -> d.id().equals(id))) {
                errors.add(new RuleCompilationException.Error(file, lineOf(text, any.start(1)), "unknown vocabulary id \""
                        + id + "\" (nearest: " + nearest(id, all) + ")"));
            }
        }
    }

    /** Whether a quoted text is the argument of threshold(...) or screen(...), which are checked on their own. */
    private static boolean inCall(String text, int quote) {
        int open = text.lastIndexOf('(', quote);
        return open > 0 && (text.startsWith("threshold", Math.max(0, open - 9))
                || text.startsWith("screen", Math.max(0, open - 6)) || text.startsWith("ofKind", Math.max(0, open - 6)));
    }

    private static Collection<? extends Definition> section(String what, Vocabulary vocabulary) {
        return switch (what) {
            case "finding" -> vocabulary.findings();
            case "step" -> vocabulary.steps();
            case "condition" -> vocabulary.conditions();
            case "red-flag check" -> vocabulary.checks();
            case "trigger" -> vocabulary.modifiers(ModifierDefinition.Kind.TRIGGER);
            case "relief" -> vocabulary.modifiers(ModifierDefinition.Kind.RELIEF);
            case "site" -> vocabulary.modifiers(ModifierDefinition.Kind.SITE);
            default -> throw new IllegalArgumentException(what);
        };
    }

    private static String nearest(String id, Collection<? extends Definition> among) {
        return String.join(", ", Vocabulary.nearest(id, among, 3));
    }

    /** The text with each match blanked out, keeping every character's position (and so its line). */
    private static String blank(String text, Pattern pattern) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
