package org.legcds.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.legcds.vocabulary.Vocabulary;

/**
 * The rules of DRL source as a reviewer reads them: each rule's conditions (its {@code when} part) in plain words with
 * every threshold as written, so that an edited cut-off shows in the review document; and, for red-flag checks, which
 * rules raise a check and which leave it open for which unrecorded findings (its screen).
 *
 * <p>Read from the DRL text, not from the compiled rules, so the document shows what the author wrote. The wording is
 * a mechanical rendering of the patterns (a pattern it cannot word is shown as written, never dropped). Stateless and
 * thread-safe.
 */
public final class DrlRules {

    /**
     * One rule as written.
     *
     * @param name       the rule's name
     * @param id         its {@code @id}, or empty
     * @param layer      the folder of its DRL file, or {@code (top level)}
     * @param file       its DRL file, relative to the rules directory
     * @param conditions its {@code when} part, one entry per pattern, in words
     * @param raises     the red-flag checks its {@code then} part raises
     * @param opens      the red-flag checks its {@code then} part leaves open
     * @param screen       the findings whose missing answer it reports as leaving a check open
     * @param mentions   the vocabulary ids its {@code when} and {@code then} parts name, in order
     */
    public record Rule(String name, String id, String layer, String file, List<String> conditions, Set<String> raises,
                       Set<String> opens, Set<String> screen, List<String> mentions) {
    }

    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile(
            "(?ms)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"(.*?)^\\s*when\\b(.*?)^\\s*then\\b(.*?)^\\s*end\\b");
    private static final Pattern ID = Pattern.compile("@id\\(\\s*([^)\\s]+)\\s*\\)");
    private static final Pattern RAISES = Pattern.compile("new\\s+RedFlagRaised\\(\\s*(?:RedFlagCheck\\.)?\"?(\\w+)");
    private static final Pattern OPENS = Pattern.compile("new\\s+CheckOpen\\(\\s*(?:RedFlagCheck\\.)?\"?(\\w+)");
    private static final Pattern OPENED_FINDING = Pattern.compile(
            "new\\s+CheckOpen\\(\\s*[^,]+,\\s*(?:Code\\.)?\"?(\\$?\\w+)");
    /** {@code $code : Code() from List.of(Code.A, Code.B)}: a rule applied to each of a list. */
    private static final Pattern EACH_OF = Pattern.compile(
            "^\\$(\\w+)\\s*:\\s*\\w+\\(\\)\\s*from\\s*(?:java\\.util\\.)?List\\.of\\((.*)\\)$");
    /** {@code screen("CHECK")}: the findings of a red-flag check's screen, from the vocabulary. */
    private static final Pattern SCREEN_CALL = Pattern.compile("\\bscreen\\(\\s*\"(\\w+)\"\\s*\\)");
    /** {@code threshold("ID")} or {@code threshold("ID", "unit")}: a named cut-off of the vocabulary. */
    private static final Pattern THRESHOLD_CALL = Pattern.compile(
            "\\bthreshold\\(\\s*\"(\\w+)\"\\s*(?:,\\s*\"([^\"]+)\"\\s*)?\\)");
    /** An enum constant ({@code Code.LEG_PAIN}) or a quoted upper-case id ({@code "LEG_PAIN"}). */
    private static final Pattern VOCABULARY = Pattern.compile("\\b(?:Code|Trigger|Relief)\\.([A-Z][A-Z0-9_]+)\\b"
            + "|\"([A-Z][A-Z0-9_]+)\"");

    private DrlRules() {
    }

    /**
     * The rules of DRL files keyed by path relative to the rules directory, in file then source order; thresholds and
     *
     * screens are shown as written.
     * @param drl DRL text by path relative to the rules directory
     * @return the rules as a reviewer reads them
     */
    public static List<Rule> parse(Map<String, String> drl) {
        return parse(drl, null);
    }

    /**
     * The rules of DRL files, read with the vocabulary they name: a named threshold ({@code threshold("ABI_PAD")})
     * shows as its value and name ({@code 0.9 [ABI_PAD]}), so that an edited cut-off shows in the review document, and a
     * red-flag check's screen ({@code screen("CAUDA_EQUINA_SYNDROME")}) as the findings it lists.
     *
     * @param drl        DRL text by path relative to the rules directory
     * @param vocabulary the knowledge base's vocabulary, or null to show both as written
     * @return the rules as a reviewer reads them, in file then source order
     */
    public static List<Rule> parse(Map<String, String> drl, Vocabulary vocabulary) {
        List<Rule> rules = new ArrayList<>();
        new TreeMap<>(drl).forEach((path, text) -> {
            int slash = path.indexOf('/');
            String layer = slash < 0 ? "(top level)" : path.substring(0, slash);
            String source = withVocabulary(
                    LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll(""), vocabulary);
            Matcher rule = RULE.matcher(source);
            while (rule.find()) {
                Matcher id = ID.matcher(rule.group(2));
                String when = rule.group(3);
                String then = rule.group(4);
                rules.add(new Rule(rule.group(1).replace("\\\"", "\""), id.find() ? id.group(1) : "", layer, path,
                        patterns(when).stream().map(DrlRules::words).toList(), all(RAISES, then), all(OPENS, then),
                        screen(when, then), List.copyOf(mentions(when + "\n" + then))));
            }
        });
        return rules;
    }

    /** The DRL with named thresholds and red-flag screens written out from the vocabulary (unknown names stay). */
    private static String withVocabulary(String source, Vocabulary vocabulary) {
        if (vocabulary == null) {
            return source;
        }
        String screens = SCREEN_CALL.matcher(source).replaceAll(m -> Matcher.quoteReplacement(
                vocabulary.check(m.group(1)).map(c -> "List.of(" + c.screenedBy().stream()
                        .map(f -> "\"" + f + "\"").collect(Collectors.joining(", ")) + ")").orElse(m.group())));
        return THRESHOLD_CALL.matcher(screens).replaceAll(m -> Matcher.quoteReplacement(
                vocabulary.threshold(m.group(1)).map(t -> {
                    Double value = m.group(2) == null ? t.value() : t.values().get(m.group(2));
                    return value == null ? m.group() : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                            + (m.group(2) == null ? "" : " " + m.group(2)) + " [" + t.id() + "]";
                }).orElse(m.group())));
    }

    /** The findings named by {@code new CheckOpen(check, finding)}, a variable resolved through its list. */
    private static Set<String> screen(String when, String then) {
        Set<String> screen = new LinkedHashSet<>();
        for (String finding : all(OPENED_FINDING, then)) {
            if (!finding.startsWith("$")) {
                screen.add(finding);
                continue;
            }
            for (String pattern : patterns(when)) {
                Matcher each = EACH_OF.matcher(pattern.strip());
                if (each.matches() && ("$" + each.group(1)).equals(finding)) {
                    screen.addAll(mentions(each.group(2)));
                }
            }
        }
        return screen;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> mentions(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = VOCABULARY.matcher(text);
        while (m.find()) {
            found.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return found;
    }

    /** The top-level patterns of a {@code when} part: a new one starts on a line at bracket depth zero. */
    static List<String> patterns(String when) {
        List<String> patterns = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (String line : when.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (depth == 0 && !current.isEmpty()) {
                patterns.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(trimmed);
            for (char c : trimmed.toCharArray()) {
                depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
            }
        }
        if (!current.isEmpty()) {
            patterns.add(current.toString());
        }
        return patterns;
    }

    /** One pattern in words: {@code not Finding(code == Code.ABI, present, value <= 0.90)} -> "no ABI present, value ≤ 0.90". */
    static String words(String pattern) {
        String text = pattern.replaceAll("\\s+", " ").strip();
        String prefix = "";
        for (String quantifier : List.of("not", "exists")) {
            if (text.startsWith(quantifier + " ") || text.startsWith(quantifier + "(")) {
                prefix = quantifier.equals("not") ? "no " : "there is ";
                text = text.substring(quantifier.length()).strip();
                if (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
                    text = text.substring(1, text.length() - 1).strip();
                }
                break;
            }
        }
        Matcher each = EACH_OF.matcher(text);
        if (each.matches()) {
            return prefix + "for each " + each.group(1) + " of " + String.join(", ", mentions(each.group(2)));
        }
        text = text.replaceFirst("^\\$\\w+\\s*:\\s*", ""); // a binding names the fact for later patterns
        Matcher fact = Pattern.compile("^(\\w+)\\s*\\((.*)\\)$").matcher(text);
        if (!fact.matches() || !balanced(fact.group(2))) {
            return prefix + constraint(text);
        }
        String type = fact.group(1);
        List<String> parts = new ArrayList<>();
        for (String c : splitTopLevel(fact.group(2))) {
            parts.add(constraint(c));
        }
        String subject = type.equals("Finding") ? "finding" : camelToWords(type);
        if (type.equals("Finding") && !parts.isEmpty() && parts.get(0).startsWith("code ")) {
            subject = parts.remove(0).substring("code ".length());
        }
        return prefix + subject + (parts.isEmpty() ? "" : " " + String.join(", ", parts));
    }

    private static String constraint(String c) {
        String text = c.strip();
        text = text.replaceAll("\\b(?:Code|Trigger|Relief|Laterality|Onset|Status|RedFlagCheck|Condition|Step|Tier|"
                + "Mechanism|Direction|ClaudicationType|SymptomPattern|CauseCategory|Urgency|Priority|Sex)"
                + "\\.([A-Z][A-Z0-9_]*)", "$1");
        text = text.replaceAll("\"([A-Z][A-Z0-9_]*)\"", "$1");
        text = text.replaceAll("\\bcode == ([A-Z0-9_]+)", "$1");
        text = text.replaceAll("^code == \\$(\\w+)$", "code finding of $1");
        text = text.replaceAll("\\btriggers contains ", "brought on by ");
        text = text.replaceAll("\\breliefs contains ", "relieved by ");
        text = text.replaceAll("\\btriggers not contains ", "not brought on by ");
        text = text.replaceAll("\\breliefs not contains ", "not relieved by ");
        text = text.replace("<=", "\u2264").replace(">=", "\u2265").replace("!=", "is not").replace("==", "is")
                .replace("&&", "and").replace("||", "or");
        text = text.replaceAll("\\$(\\w+)", "$1");
        if (text.matches("^[A-Z0-9_]+( or [A-Z0-9_]+)*$") || text.startsWith("code finding of ")) {
            return "code " + text; // the subject of a Finding pattern
        }
        return text.replace(" or brought on by ", " or ").replace(" or relieved by ", " or ");
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static String camelToWords(String type) {
        return type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
