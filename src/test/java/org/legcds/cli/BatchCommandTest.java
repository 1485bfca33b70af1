package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code legcds batch}, driven through {@link Main#run}: many patients in, one record per patient out, in the order
 * they came, with bad lines reported by number and the run carried on.
 */
class BatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Walking-induced calf pain relieved by standing still, weak foot pulses: vascular claudication. */
    private static final String VASCULAR = """
            {"patient": {"id": "%s", "age": 68, "sex": "male", "pregnancy": "absent"}, "evaluationDate": "2026-11-21", \
            "findings": [{"code": "LEG_PAIN", "status": "present", "laterality": "bilateral", "onset": "gradual", \
            "triggers": ["walking"], "reliefs": ["standing_still"]}, \
            {"code": "CALF_PAIN", "status": "present", "laterality": "bilateral"}, \
            {"code": "DIMINISHED_FOOT_PULSES", "status": "present", "laterality": "bilateral"}]}""";

    /** Pain on standing and walking, relieved by sitting and leaning forward: neurogenic claudication. */
    private static final String NEUROGENIC = """
            {"patient": {"id": "%s", "age": 72, "sex": "female", "pregnancy": "absent"}, "evaluationDate": "2026-11-21", \
            "findings": [{"code": "LEG_PAIN", "status": "present", "laterality": "bilateral", "onset": "gradual", \
            "triggers": ["walking", "standing"], "reliefs": ["sitting", "leaning_forward"]}, \
            {"code": "SHOPPING_CART_SIGN", "status": "present"}, \
            {"code": "DIMINISHED_FOOT_PULSES", "status": "absent", "laterality": "bilateral"}]}""";

    /** Saddle numbness with new urinary retention: suspected cauda equina syndrome, an emergency. */
    private static final String CAUDA_EQUINA = """
            {"patient": {"id": "%s", "age": 45, "sex": "male", "pregnancy": "absent"}, "evaluationDate": "2026-11-21", \
            "findings": [{"code": "LEG_PAIN", "status": "present", "laterality": "bilateral", "onset": "sudden"}, \
            {"code": "SADDLE_ANAESTHESIA", "status": "present"}, {"code": "BLADDER_DYSFUNCTION", "status": "present"}]}""";

    /** Nothing but bilateral leg pain: almost everything unknown. */
    private static final String SPARSE = """
            {"patient": {"id": "%s"}, "evaluationDate": "2026-11-21", \
            "findings": [{"code": "LEG_PAIN", "status": "present", "laterality": "bilateral"}]}""";

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {

        List<JsonNode> records() {
            return out.lines().map(BatchCommandTest::parse).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private static Run legcds(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] arguments = Stream.of(args).map(Object::toString).toArray(String[]::new);
        int code = Main.run(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private Path ndjson(String... lines) throws IOException {
        Path file = tmp.resolve("cases.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String one(String template, String id) {
        return template.formatted(id);
    }

    @Test
    void twoThousandPatientsComeOutInTheOrderTheyWentIn() throws IOException {
        String[] kinds = {VASCULAR, CAUDA_EQUINA, NEUROGENIC, SPARSE, VASCULAR, SPARSE, NEUROGENIC};
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            lines.add(one(kinds[i % kinds.length], "order-%04d".formatted(i)));
        }
        Path input = ndjson(lines.toArray(String[]::new));
        Path output = tmp.resolve("assessments.ndjson");

        Run run = legcds("batch", input, "--threads", 4, "-o", output, "--quiet");

        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals("", run.out(), "with -o the records go to the file, not stdout");
        List<String> written = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(2000, written.size());
        for (int i = 1; i <= 2000; i++) {
            JsonNode record = parse(written.get(i - 1));
            assertEquals(i, record.get("line").asInt(), "record " + i);
            assertEquals("order-%04d".formatted(i), record.get("patient").asText(), "record " + i);
            assertTrue(record.get("assessment").has("urgency"), "record " + i);
        }
    }

    @Test
    void badLinesAreReportedByNumberAndTheRunGoesOn() throws IOException {
        Path input = tmp.resolve("mixed.ndjson");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : List.of(
                one(VASCULAR, "ok-1"),                                                  // 1
                "{\"patient\": {\"id\": \"broken\"}, \"evaluationDate\": \"2026-11-21\", \"findings\": [}", // 2
                one(SPARSE, "typo").replace("LEG_PAIN", "LEG_PAINN"),                   // 3 unknown code
                one(CAUDA_EQUINA, "cut-off").substring(0, 60),                          // 4 truncated
                "",                                                                      // 5 blank
                one(SPARSE, "ok-6"))) {                                                 // 6
            bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'}); // 7 not UTF-8
        bytes.writeBytes((one(NEUROGENIC, "ok-8") + "\r\n").getBytes(StandardCharsets.UTF_8)); // 8 CRLF is fine
        Files.write(input, bytes.toByteArray());

        Run run = legcds("batch", input, "--threads", 3);

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        List<JsonNode> records = run.records();
        assertEquals(8, records.size(), "one record per input line, bad ones included");
        for (int i = 0; i < 8; i++) {
            assertEquals(i + 1, records.get(i).get("line").asInt());
        }
        for (int ok : List.of(1, 6, 8)) {
            assertTrue(records.get(ok - 1).has("assessment"), "line " + ok + " is assessed: " + records.get(ok - 1));
        }
        assertEquals("ok-8", records.get(7).get("patient").asText());
        for (int bad : List.of(2, 3, 4, 5, 7)) {
            JsonNode record = records.get(bad - 1);
            assertTrue(record.has("problems") && !record.has("assessment"), "line " + bad + ": " + record);
            assertTrue(run.err().contains("legcds: line " + bad + ": invalid case: "), "stderr names line " + bad);
        }
        assertTrue(records.get(1).get("problems").get(0).get("expected").asText().startsWith("malformed JSON at column"),
                records.get(1)::toString);
        assertEquals("findings[0].code", records.get(2).get("problems").get(0).get("field").asText());
        assertTrue(run.err().contains("line 3: invalid case: findings[0].code: 'LEG_PAINN' is not valid"), run.err());
        assertTrue(run.err().contains("line 5: invalid case: $: the line is blank"), run.err());
        assertTrue(run.err().contains("line 7: invalid case: $: the line is not UTF-8 text"), run.err());
        assertTrue(run.err().contains("assessed 3   bad input 5   failed 0"), run.err());
    }

    @Test
    void aFileOfGarbageListsTheFirstTwentyBadLinesAndCountsTheRest() throws IOException {
        String[] garbage = new String[25];
        java.util.Arrays.fill(garbage, "not a case");

        Run run = legcds("batch", ndjson(garbage), "--threads", 2);

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertEquals(25, run.records().size());
        long listed = run.err().lines().filter(line -> line.matches("legcds: line \\d+: invalid case: .*")).count();
        assertEquals(BatchCommand.MAX_LISTED, listed, run.err());
        assertTrue(run.err().contains("line 20: invalid case") && !run.err().contains("line 21: invalid case"),
                run.err());
        assertTrue(run.err().contains("only the first 20 are listed here"), run.err());
        assertTrue(run.err().contains("assessed 0   bad input 25   failed 0"), run.err());
    }

    @Test
    void theSummaryCountsUrgencyRedFlagsAndClaudicationTypes() throws IOException {
        Path summary = tmp.resolve("summary.json");
        Path input = ndjson(one(CAUDA_EQUINA, "ces"), one(VASCULAR, "pad-1"), one(VASCULAR, "pad-2"),
                one(NEUROGENIC, "lss"), "{}");

        Run run = legcds("batch", input, "--summary", summary, "--threads", 2);

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        JsonNode counts = parse(Files.readString(summary));
        assertEquals(5, counts.get("total").asInt());
        assertEquals(4, counts.get("assessed").asInt());
        assertEquals(1, counts.get("bad").asInt());
        assertEquals(0, counts.get("failed").asInt());
        assertEquals(1, counts.get("urgency").get("EMERGENCY").asInt(), counts::toString);
        assertEquals(3, counts.get("urgency").get("ROUTINE").asInt()
                + counts.get("urgency").get("URGENT").asInt(), counts::toString);
        assertEquals(1, counts.get("redFlags").get("CAUDA_EQUINA_SYNDROME").asInt(), counts::toString);
        assertEquals(0, counts.get("redFlags").get("ACUTE_LIMB_ISCHAEMIA").asInt(), counts::toString);
        assertEquals(2, counts.get("claudication").get("VASCULAR").asInt(), counts::toString);
        assertEquals(1, counts.get("claudication").get("NEUROGENIC").asInt(), counts::toString);
        assertTrue(run.err().contains("legcds batch: 5 cases in"), run.err());
        assertTrue(run.err().contains("urgency: EMERGENCY 1 "), run.err());
        assertTrue(run.err().lines().anyMatch(line -> line.matches("\\s+Cauda equina syndrome\\s+1\\s+\\d+")),
                run.err());
    }

    @Test
    void everyCaseAssessedExitsZeroAndQuietPrintsNoSummary() throws IOException {
        Run run = legcds("batch", ndjson(one(SPARSE, "a"), one(VASCULAR, "b")), "--quiet");

        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals(List.of("a", "b"), run.records().stream().map(r -> r.get("patient").asText()).toList());
        assertEquals("", run.err());
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        Run run = legcds("batch", tmp.resolve("nowhere.ndjson"));

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no such file"), run.err());
    }
}
