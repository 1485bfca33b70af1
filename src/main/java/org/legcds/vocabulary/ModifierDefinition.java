package org.legcds.vocabulary;

/**
 * A trigger (what brings a symptom on), a relief (what relieves it) or a body site.
 *
 * @param id    the id, e.g. {@code STANDING_STILL}
 * @param kind  trigger, relief or site
 * @param label clinician words
 * @param order position in the vocabulary
 */
public record ModifierDefinition(String id, Kind kind, String label, int order) implements Definition {
    /** What a modifier qualifies. */
    public enum Kind {
        /** What brings a symptom on, e.g. walking. */
        TRIGGER,
        /** What relieves a symptom, e.g. standing still. */
        RELIEF,
        /** A body site, e.g. the calf. */
        SITE
    }

    /** The id: what a report, a log line or a message shows of an entry written in text. */
    @Override
    public String toString() {
        return id;
    }
}
