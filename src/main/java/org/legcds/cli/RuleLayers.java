package org.legcds.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.legcds.engine.RuleSet;

/**
 * Which layer each rule belongs to: the folder of its DRL file under the rules directory ({@code 1-patterns},
 * {@code 2-claudication}, {@code 3-causes}, {@code 4-red-flags}, {@code 5-next-steps}), found by reading the DRL files
 * and mapping each {@code rule "<name>"} to its file.
 */
final class RuleLayers {

    /** The layers in reasoning order: their folder names are numbered so; other folders follow alphabetically. */
    static final List<String> ORDER = List.of("1-patterns", "2-claudication", "3-causes", "4-red-flags",
            "5-next-steps");
    /** The layer of a rule in a DRL file at the top of the rules directory, or of a rule not found in any file. */
    static final String TOP_LEVEL = "(top level)";

    private static final String PACKAGED_ROOT = "org/legcds/rules/";
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\S+)");

    private RuleLayers() {
    }

    /** Rule name to layer, from DRL sources keyed by path relative to the rules directory. */
    static Map<String, String> byRuleName(Map<String, String> drl) {
        Map<String, String> layers = new HashMap<>();
        drl.forEach((path, text) -> {
            int slash = path.indexOf('/');
            String layer = slash < 0 ? TOP_LEVEL : path.substring(0, slash);
            Matcher rule = RULE.matcher(BLOCK_COMMENT.matcher(text).replaceAll(""));
            while (rule.find()) {
                layers.put(unquote(rule.group(1)), layer);
            }
        });
        return layers;
    }

    /** Sorts layer names: the reasoning order first, then any other folder alphabetically. */
    static Comparator<String> order() {
        return Comparator.comparingInt((String layer) -> ORDER.contains(layer) ? ORDER.indexOf(layer) : ORDER.size())
                .thenComparing(Comparator.naturalOrder());
    }

    /** The DRL files packaged with the precompiled rules (on the classpath under {@value #PACKAGED_ROOT}). */
    static RuleSet packaged() {
        URL url = RuleLayers.class.getClassLoader().getResource(PACKAGED_ROOT + RuleSet.METADATA);
        if (url == null) {
            throw new IllegalStateException(PACKAGED_ROOT + RuleSet.METADATA + " is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                String jar = uri.toString().substring(0, uri.toString().indexOf("!/"));
                try (FileSystem fs = FileSystems.newFileSystem(URI.create(jar), Map.of())) {
                    return RuleSet.read(fs.getPath("/" + PACKAGED_ROOT));
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return RuleSet.read(FileSystems.getFileSystem(URI.create(jar)).getPath("/" + PACKAGED_ROOT));
                }
            }
            return RuleSet.read(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the packaged rules: " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged rules at " + url, e);
        }
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))) {
            String body = name.substring(1, name.length() - 1);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\' && i + 1 < body.length()) {
                    c = body.charAt(++i);
                }
                text.append(c);
            }
            return text.toString();
        }
        return name;
    }

    /** Groups items by layer, layers in {@link #order()}. */
    static <T> Map<String, List<T>> group(List<T> items, java.util.function.Function<T, String> layer) {
        Map<String, List<T>> groups = new java.util.TreeMap<>(order());
        for (T item : items) {
            groups.computeIfAbsent(layer.apply(item), l -> new ArrayList<>()).add(item);
        }
        return groups;
    }
}
