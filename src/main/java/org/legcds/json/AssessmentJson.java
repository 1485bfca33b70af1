package org.legcds.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.ObservedPattern;
import org.legcds.assessment.Triage;
import org.legcds.facts.Finding;
import org.legcds.problems.Escaping;
import org.legcds.vocabulary.ConditionDefinition;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.RedFlagCheckDefinition;
import org.legcds.vocabulary.StepDefinition;

/**
 * Writes assessments as JSON, in the shape documented by {@code schema/assessment.schema.json}: record components in
 * declaration order, enums by name, vocabulary entries by id, dates as {@code YYYY-MM-DD}; a finding's unrecorded
 * qualifiers are left out.
 * Thread-safe.
 */
public final class AssessmentJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .characterEscapes(new InvisibleEscapes()).build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addMixIn(Assessment.class, AssessmentMixIn.class)
            .addMixIn(Finding.class, FindingMixIn.class)
            .addMixIn(FindingDefinition.class, DefinitionMixIn.class)
            .addMixIn(ConditionDefinition.class, DefinitionMixIn.class)
            .addMixIn(StepDefinition.class, DefinitionMixIn.class)
            .addMixIn(RedFlagCheckDefinition.class, DefinitionMixIn.class)
            .build();

    private AssessmentJson() {
    }

    /**
     * The assessment as indented JSON. Text from input is escaped where it could hide or reorder what is shown.
     *
     * @param assessment an assessment; not null
     * @return the JSON text
     * @throws UncheckedIOException if Jackson cannot write it (a bug, not bad input)
     */
    public static String write(Assessment assessment) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(assessment);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the assessment as JSON", e);
        }
    }

    /**
     * The shared mapper, configured for the records of this library. Use it to read or write them only; do not
     *
     * reconfigure it, as every writer of this library shares it.
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The JSON keeps the field names of schema version 1 where the Java names changed (issue 16): {@code urgency} for
     * {@link Assessment#triage()}, {@code distribution} for {@link Assessment#patterns()}. A host's JSON does not
     * change with the rename; a new schema version would be the time to rename them there too.
     */
    private abstract static class AssessmentMixIn {
        @JsonProperty("urgency")
        abstract Triage triage();

        @JsonProperty("distribution")
        abstract List<ObservedPattern> patterns();
    }

    /** A vocabulary entry is written as its id, as in case files and scenarios; labels travel beside it. */
    private abstract static class DefinitionMixIn {
        @JsonValue
        abstract String id();
    }

    /**
     * JSON escapes control characters itself; this also writes C1 controls, line and paragraph separators and format
     * characters (bidi controls, zero-width characters) as {@code \}{@code uXXXX}, so that text from the input cannot
     * reorder or hide what a terminal or a viewer shows of the JSON. The values read back unchanged.
     */
    private static final class InvisibleEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return !Character.isSurrogate((char) ch) && Escaping.unsafe(ch)
                    ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    /** Keeps the library's records free of Jackson annotations. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private abstract static class FindingMixIn {
    }
}
