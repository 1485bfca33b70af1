package org.legcds.properties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.Vocabulary;

/**
 * What the red-flag rules ({@code rules/4-red-flags/*.drl}) talk about, read from their text so that the properties follow
 * the knowledge base as it grows instead of a hand-kept list:
 *
 * <ul>
 *   <li>a <b>red-flag code</b> is a finding id of the vocabulary that some red-flag rule mentions: in its
 *       conditions ({@code Finding(code == "X")}), in the check it leaves open ({@code new CheckOpen("Y", "X")}), in
 *       a question it raises, or through the screen of a check ({@code screen("Y")}, the check's
 *       {@code screenedBy} in the vocabulary);</li>
 *   <li>a code <b>belongs to</b> the red-flag checks ({@code check == "Y"}, {@code new RedFlagRaised("Y", ...)},
 *       {@code new CheckOpen("Y", ...)}, {@code screen("Y")}) of the rules that mention it;</li>
 *   <li>a code <b>unrelated to a red flag</b> is one no red-flag rule mentions. (Red-flag rules also read intermediate
 *       conclusions, e.g. a pattern of pain at rest or a likely peripheral artery disease; codes that matter only
 *       through those are "unrelated" by this definition, which is what lets the property catch a red flag that an
 *       unrelated finding withdraws through an intermediate conclusion.)</li>
 * </ul>
 */
final class RedFlagRules {

    static final Path DIRECTORY = Path.of("rules", "4-red-flags");

    private static final Vocabulary VOCABULARY = Vocabulary.packaged();
    private static final Pattern CODE = Pattern.compile(
            "\\bcode\\s*==\\s*\"([A-Z0-9_]+)\"|\\bCheckOpen\\(\\s*\"[A-Z0-9_]+\"\\s*,\\s*\"([A-Z0-9_]+)\""
                    + "|\\bQuestionRaised\\(\\s*\"([A-Z0-9_]+)\"");
    private static final Pattern CHECK = Pattern.compile(
            "\\bcheck\\s*==\\s*\"([A-Z0-9_]+)\"|\\b(?:RedFlagRaised|CheckOpen|screen)\\(\\s*\"([A-Z0-9_]+)\"");
    private static final Pattern SCREEN = Pattern.compile("\\bscreen\\(\\s*\"([A-Z0-9_]+)\"");
    private static final Pattern RULE_START = Pattern.compile("(?m)^rule\\s+\"");

    /** String to the red-flag checks whose rules mention it. */
    static final Map<String, Set<String>> CHECKS_BY_CODE = read();

    /** Every code some red-flag rule mentions. */
    static final Set<String> CODES = Collections.unmodifiableSet(new TreeSet<>(CHECKS_BY_CODE.keySet()));

    /** Every code no red-flag rule mentions. */
    static final Set<String> UNRELATED = Collections.unmodifiableSet(unrelated());

    private RedFlagRules() {
    }

    /** The checks a code belongs to (empty for an unrelated code). */
    static Set<String> checksOf(String code) {
        return CHECKS_BY_CODE.getOrDefault(code, Set.of());
    }

    private static Set<String> unrelated() {
        Set<String> unrelated = new TreeSet<>();
        for (FindingDefinition finding : VOCABULARY.findings()) {
            if (!CODES.contains(finding.id())) {
                unrelated.add(finding.id());
            }
        }
        return unrelated;
    }

    private static Map<String, Set<String>> read() {
        Map<String, Set<String>> byCode = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(DIRECTORY)) {
            files = list.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String rule : RULE_START.split(text)) {
                if (!rule.contains("@id(")) {
                    continue; // the file header before the first rule
                }
                String body = rule.replaceAll("(?m)//.*$", ""); // comments name codes they do not test
                Set<String> checks = new TreeSet<>();
                Matcher check = CHECK.matcher(body);
                while (check.find()) {
                    String id = check.group(1) != null ? check.group(1) : check.group(2);
                    checks.add(VOCABULARY.requireCheck(id).id());
                }
                Set<String> codes = new LinkedHashSet<>();
                Matcher code = CODE.matcher(body);
                while (code.find()) {
                    String id = code.group(1) != null ? code.group(1) : code.group(2) != null ? code.group(2)
                            : code.group(3);
                    codes.add(VOCABULARY.requireFinding(id).id());
                }
                Matcher screen = SCREEN.matcher(body);
                while (screen.find()) {
                    codes.addAll(VOCABULARY.requireCheck(screen.group(1)).screenedBy());
                }
                for (String id : codes) {
                    byCode.computeIfAbsent(id, c -> new TreeSet<>()).addAll(checks);
                }
            }
        }
        if (byCode.isEmpty()) {
            throw new IllegalStateException("no finding id mentioned in " + DIRECTORY.toAbsolutePath());
        }
        return byCode;
    }
}
