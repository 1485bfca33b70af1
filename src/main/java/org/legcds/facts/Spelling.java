package org.legcds.facts;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Suggestions for misspelt vocabulary and enum names, so bad input can name what was probably meant. Stateless and
 * thread-safe.
 */
public final class Spelling {

    private Spelling() {
    }

    /**
     * The constants nearest a misspelt name, nearest first: names that contain it come first (BLADDER finds
     * BLADDER_DYSFUNCTION), then by edit distance, then in declaration order.
     *
     * @param <E>    the enum type
     * @param wanted the name as written, or null (then the first constants)
     * @param values the constants to choose from
     * @param limit  the most to return
     * @return up to {@code limit} constants, nearest first
     */
    public static <E extends Enum<E>> List<E> nearest(String wanted, E[] values, int limit) {
        String name = wanted == null ? "" : normalise(wanted);
        return Arrays.stream(values)
                .sorted(Comparator.comparingInt((E e) -> name.isEmpty() || !e.name().contains(name) ? 1 : 0)
                        .thenComparingInt(e -> distance(name, e.name())).thenComparing(Enum::ordinal))
                .limit(limit)
                .toList();
    }

    /**
     * The ids nearest a misspelt one, nearest first: ids that contain it come first (BLADDER finds
     * BLADDER_DYSFUNCTION), then by edit distance, then in the given order.
     *
     * @param wanted the id as written, or null (then the first ids)
     * @param ids    the ids to choose from
     * @param limit  the most to return
     * @return up to {@code limit} ids, nearest first
     */
    public static List<String> nearest(String wanted, List<String> ids, int limit) {
        String name = wanted == null ? "" : normalise(wanted);
        List<String> order = List.copyOf(ids);
        return order.stream()
                .sorted(Comparator.comparingInt((String id) -> name.isEmpty() || !id.contains(name) ? 1 : 0)
                        .thenComparingInt(id -> distance(name, id)).thenComparingInt(order::indexOf))
                .limit(limit)
                .toList();
    }

    /**
     * The keys nearest a misspelt key of a file, compared as written (camel case kept, case ignored).
     *
     * @param wanted the key as written, or null
     * @param keys   the keys the file may hold
     * @param limit  the most to return
     * @return up to {@code limit} keys, nearest first
     */
    public static List<String> nearestKeys(String wanted, List<String> keys, int limit) {
        String name = wanted == null ? "" : wanted.trim();
        return keys.stream().sorted(Comparator.comparingInt((String key) -> distance(name.toLowerCase(
                java.util.Locale.ROOT), key.toLowerCase(java.util.Locale.ROOT)))).limit(limit).toList();
    }

    /**
     * A name as written by a person, in constant form: trimmed, upper case, '-' and ' ' as '_' ("standing still").
     *
     * @param name the name as written; not null
     * @return the name in constant form ("STANDING_STILL")
     */
    public static String normalise(String name) {
        return name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /**
     * The constant a person meant by a name, ignoring case, hyphens and spaces.
     *
     * @param <E>  the enum type
     * @param type the enum class
     * @param name the name as written, or null
     * @return the constant, or empty when the name is null or names none
     */
    public static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        String wanted = normalise(name);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
