package org.legcds.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.Question;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;

/**
 * Writes the compact form of an assessment, for batch runs over many patients: urgency (level and the checks that set
 * it), red flags (check and urgency), red-flag checks not evaluated (check and unknown findings), the claudication
 * type, the differential (condition and tier), the next steps (step and kind), the questions (finding and priority),
 * the knowledge base (name, version, content hash) and the evaluation date. Explanations, labels, reasons and the
 * trace are left out.
 *
 * <p>The compact form is the full form ({@link AssessmentJson}) with keys left out: every key it writes has the same
 * name, place and value as in the full form, so a reader of the full form reads it unchanged. Values are written
 * with the generator's codec (the {@link AssessmentJson#mapper() shared mapper}) and the fields straight to the
 * generator, without building a tree. Thread-safe (no state).
 */
public final class CompactAssessmentJson {

    private CompactAssessmentJson() {
    }

    /**
     * Writes the compact assessment as one JSON object; the generator must have a codec (see
     *
     * {@link AssessmentJson#mapper()}). Does not flush or close the generator.
     * @param assessment an assessment; not null
     * @param out        where to write; its codec writes the values
     * @throws IOException if the generator cannot write
     */
    public static void write(Assessment assessment, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("urgency");
        out.writeObjectField("level", assessment.triage().level());
        out.writeObjectField("setBy", assessment.triage().setBy());
        out.writeEndObject();

        out.writeArrayFieldStart("redFlags");
        for (RedFlag flag : assessment.redFlags()) {
            out.writeStartObject();
            out.writeObjectField("check", flag.check());
            out.writeObjectField("urgency", flag.urgency());
            out.writeEndObject();
        }
        out.writeEndArray();

        out.writeArrayFieldStart("notEvaluated");
        for (NotEvaluated open : assessment.notEvaluated()) {
            out.writeStartObject();
            out.writeObjectField("check", open.check());
            writeList(out, "unknownFindings", open.unknownFindings());
            out.writeEndObject();
        }
        out.writeEndArray();

        out.writeObjectFieldStart("claudication");
        out.writeObjectField("type", assessment.claudication().type());
        out.writeEndObject();

        out.writeArrayFieldStart("differential");
        for (Hypothesis hypothesis : assessment.differential()) {
            out.writeStartObject();
            out.writeObjectField("condition", hypothesis.condition());
            out.writeObjectField("tier", hypothesis.tier());
            out.writeEndObject();
        }
        out.writeEndArray();

        out.writeArrayFieldStart("recommendations");
        for (Recommendation recommendation : assessment.recommendations()) {
            out.writeStartObject();
            out.writeObjectField("step", recommendation.step());
            out.writeObjectField("kind", recommendation.kind());
            out.writeEndObject();
        }
        out.writeEndArray();

        out.writeArrayFieldStart("questions");
        for (Question question : assessment.questions()) {
            out.writeStartObject();
            out.writeObjectField("finding", question.finding());
            out.writeObjectField("priority", question.priority());
            out.writeEndObject();
        }
        out.writeEndArray();

        out.writeObjectFieldStart("knowledgeBase");
        out.writeStringField("name", assessment.knowledgeBase().name());
        out.writeStringField("version", assessment.knowledgeBase().version());
        out.writeStringField("contentHash", assessment.knowledgeBase().contentHash());
        out.writeEndObject();

        out.writeObjectField("evaluationDate", assessment.evaluationDate());
        out.writeEndObject();
    }

    private static void writeList(JsonGenerator out, String field, List<?> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (Object value : values) {
            out.writeObject(value);
        }
        out.writeEndArray();
    }
}
