package org.legcds.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Finding;
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

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addMixIn(Finding.class, FindingMixIn.class)
            .addMixIn(FindingDefinition.class, DefinitionMixIn.class)
            .addMixIn(ConditionDefinition.class, DefinitionMixIn.class)
            .addMixIn(StepDefinition.class, DefinitionMixIn.class)
            .addMixIn(RedFlagCheckDefinition.class, DefinitionMixIn.class)
            .build();

    private AssessmentJson() {
    }

    /** The assessment as indented JSON. */
    public static String write(Assessment assessment) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(assessment);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the assessment as JSON", e);
        }
    }

    /** The shared mapper (configured for the records of this library). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A vocabulary entry is written as its id, as in case files and scenarios; labels travel beside it. */
    private abstract static class DefinitionMixIn {
        @JsonValue
        abstract String id();
    }

    /** Keeps the library's records free of Jackson annotations. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private abstract static class FindingMixIn {
    }
}
