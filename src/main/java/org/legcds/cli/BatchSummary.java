package org.legcds.cli;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.RedFlag;
import org.legcds.vocabulary.RedFlagCheckDefinition;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.Vocabulary;

/**
 * The counts of a {@code legcds batch} run: cases read, assessed, bad and failed; assessments by urgency, by red flag
 * raised, by red-flag check left not evaluated, and by claudication type. Every category is listed, zeros included,
 * so a reader sees what was counted. Not thread-safe: the pipeline's writer is its only user.
 */
final class BatchSummary {

    private long total;
    private long assessed;
    private long bad;
    private long failed;
    private final Map<Urgency, Long> urgency = zeros(Urgency.class);
    private final Map<String, Long> redFlags = new java.util.TreeMap<>();
    private final Map<String, Long> notEvaluated = new java.util.TreeMap<>();
    private final Map<ClaudicationType, Long> claudication = zeros(ClaudicationType.class);
    private final Vocabulary vocabulary;

    BatchSummary(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (RedFlagCheckDefinition check : vocabulary.checks()) { // every check listed, raised or not
            redFlags.put(check.id(), 0L);
            notEvaluated.put(check.id(), 0L);
        }
    }

    /** What is written as {@code --summary file.json}. */
    record Json(long total, long assessed, long bad, long failed, Map<Urgency, Long> urgency,
                Map<String, Long> redFlags, Map<String, Long> notEvaluated,
                Map<ClaudicationType, Long> claudication, int threads, double seconds, double casesPerSecond) {
    }

    void countAssessed(Assessment assessment) {
        total++;
        assessed++;
        urgency.merge(assessment.triage().level(), 1L, Long::sum);
        for (RedFlag flag : assessment.redFlags()) {
            redFlags.merge(flag.check().id(), 1L, Long::sum);
        }
        for (NotEvaluated open : assessment.notEvaluated()) {
            notEvaluated.merge(open.check().id(), 1L, Long::sum);
        }
        claudication.merge(assessment.claudication().type(), 1L, Long::sum);
    }

    void countBad() {
        total++;
        bad++;
    }

    void countFailed() {
        total++;
        failed++;
    }

    long total() {
        return total;
    }

    long bad() {
        return bad;
    }

    long failed() {
        return failed;
    }

    Json json(int threads, Duration wall) {
        double seconds = wall.toNanos() / 1e9;
        return new Json(total, assessed, bad, failed, urgency, redFlags, notEvaluated, claudication, threads,
                Math.round(seconds * 1000) / 1000.0, seconds == 0 ? 0 : Math.round(total / seconds * 10) / 10.0);
    }

    /** The summary for a person, several lines. */
    String text(int threads, Duration wall) {
        Json json = json(threads, wall);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "legcds batch: %,d cases in %s (%,.1f cases/s on %d thread%s)%n",
                total, human(wall), json.casesPerSecond(), threads, threads == 1 ? "" : "s"));
        text.append(String.format(Locale.ROOT, "  assessed %,d   bad input %,d   failed %,d%n", assessed, bad, failed));
        text.append("  urgency:").append(counts(urgency)).append(System.lineSeparator());
        text.append("  claudication:").append(counts(claudication)).append(System.lineSeparator());
        text.append(String.format(Locale.ROOT, "  %-50s %12s %14s%n", "red-flag check", "raised", "not evaluated"));
        for (RedFlagCheckDefinition check : vocabulary.checks()) {
            text.append(String.format(Locale.ROOT, "  %-50s %,12d %,14d%n", check.label(),
                    redFlags.getOrDefault(check.id(), 0L), notEvaluated.getOrDefault(check.id(), 0L)));
        }
        return text.toString();
    }

    private static String counts(Map<? extends Enum<?>, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((key, count) -> text.append(String.format(Locale.ROOT, " %s %,d", key.name(), count)));
        return text.toString();
    }

    private static String human(Duration wall) {
        long seconds = wall.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", wall.toMillis() / 1000.0);
        }
        return seconds < 3600
                ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d h %02d min %02d s", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        return counts;
    }
}
