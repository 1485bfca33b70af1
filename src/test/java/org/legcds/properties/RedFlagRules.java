package org.legcds.properties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the red-flag rules ({@code rules/red-flags/*.drl}) talk about, read from their text so that the properties follow
 * the knowledge base as it grows instead of a hand-kept list:
 *
 * <ul>
 *   <li>a <b>red-flag code</b> is a vocabulary code that some red-flag rule mentions ({@code "X"}), in its
 *       conditions or in the check it leaves open;</li>
 *   <li>a code <b>belongs to</b> the red-flag checks ({@code "Y"}) of the rules that mention it;</li>
 *   <li>a code <b>unrelated to a red flag</b> is one no red-flag rule mentions. (Red-flag rules also read intermediate
 *       conclusions, e.g. a pattern of pain at rest or a likely peripheral artery disease; codes that matter only
 *       through those are "unrelated" by this definition, which is what lets the property catch a red flag that an
 *       unrelated finding withdraws through an intermediate conclusion.)</li>
 * </ul>
 */
final class RedFlagRules {

    static final Path DIRECTORY = Path.of("rules", "red-flags");

    private static final Pattern CODE = Pattern.compile("\\bCode\\.([A-Z0-9_]+)");
    private static final Pattern CHECK = Pattern.compile("\\bRedFlagCheck\\.([A-Z0-9_]+)");
    private static final Pattern RULE_START = Pattern.compile("(?m)^rule\\s+\"");

    /** String to the red-flag checks whose rules mention it. */
    static final Map<String, Set<String>> CHECKS_BY_CODE = read();

    /** Every code some red-flag rule mentions. */
    static final Set<String> CODES = Collections.unmodifiableSet(EnumSet.copyOf(CHECKS_BY_CODE.keySet()));

    /** Every code no red-flag rule mentions. */
    static final Set<String> UNRELATED = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(CODES)));

    private RedFlagRules() {
    }

    /** The checks a code belongs to (empty for an unrelated code). */
    static Set<String> checksOf(String code) {
        return CHECKS_BY_CODE.getOrDefault(code, Set.of());
    }

    private static Map<String, Set<String>> read() {
        Map<String, Set<String>> byCode = new EnumMap<>(Code.class);
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
                Set<String> checks = EnumSet.noneOf(RedFlagCheck.class);
                Matcher check = CHECK.matcher(body);
                while (check.find()) {
                    checks.add(RedFlagCheck.valueOf(check.group(1)));
                }
                Matcher code = CODE.matcher(body);
                while (code.find()) {
                    byCode.computeIfAbsent(Code.valueOf(code.group(1)), c -> EnumSet.noneOf(RedFlagCheck.class))
                            .addAll(checks);
                }
            }
        }
        if (byCode.isEmpty()) {
            throw new IllegalStateException("no Code.X mentioned in " + DIRECTORY.toAbsolutePath());
        }
        return byCode;
    }
}
