package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.legcds.fhir.FhirCaseReader;
import org.legcds.fhir.FhirReading;
import org.legcds.problems.InvalidCaseException;

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

    private static List<JsonNode> records(Run run) {
        return run.out().lines().map(BatchCommandTest::parse).toList();
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
        List<JsonNode> records = records(run);
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
        assertEquals(25, records(run).size());
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
        assertEquals(List.of("a", "b"), records(run).stream().map(r -> r.get("patient").asText()).toList());
        assertEquals("", run.err());
    }

    // --- FHIR input ---------------------------------------------------------------------------------------------

    /** The hand-written FHIR R4 bundles of the FHIR reader's tests. */
    private static final Path FHIR_BUNDLES = Path.of("src/test/resources/fhir").toAbsolutePath();
    private static final String EVALUATION_DATE = "2026-11-21";

    private List<Path> bundleFiles() throws IOException {
        try (Stream<Path> files = Files.list(FHIR_BUNDLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void aDirectoryOfFhirBundlesGivesEachBundleItsOwnReadingInFileNameOrder() throws IOException {
        Path directory = Files.createDirectories(tmp.resolve("bundles"));
        List<String> expected = new ArrayList<>();
        FhirCaseReader reader = FhirCaseReader.standard();
        for (Path bundle : bundleFiles()) {
            Files.copy(bundle, directory.resolve(bundle.getFileName()));
            String json = Files.readString(bundle);
            try {
                FhirReading reading = reader.readJson(json, LocalDate.parse(EVALUATION_DATE));
                expected.add(bundle.getFileName() + " patient " + reading.patientCase().patient().id() + ", "
                        + reading.issues().size() + " issues");
            } catch (InvalidCaseException e) {
                expected.add(bundle.getFileName() + " " + e.problems().size() + " problems");
            }
        }
        Files.writeString(directory.resolve("zz-cut-off.json"), "{\"resourceType\": \"Bundle\", \"entry\": [");
        expected.add("zz-cut-off.json 1 problems");
        Files.writeString(directory.resolve("notes.txt"), "not a bundle");

        Run run = legcds("batch", directory, "--evaluation-date", EVALUATION_DATE, "--threads", 2);

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        List<String> read = records(run).stream().map(r -> r.get("source").asText() + (r.has("assessment")
                ? " patient " + r.get("patient").asText() + ", " + r.get("issues").size() + " issues"
                : " " + r.get("problems").size() + " problems")).toList();
        assertEquals(expected, read);
        assertTrue(run.err().contains("legcds: zz-cut-off.json: invalid case"), run.err());
        assertTrue(run.err().contains("ignoring 1 entries that are not bundles (*.json): notes.txt"), run.err());
        JsonNode caudaEquina = records(run).stream()
                .filter(r -> r.get("source").asText().equals("cauda-equina.json")).findFirst().orElseThrow();
        assertEquals("EMERGENCY", caudaEquina.at("/assessment/urgency/level").asText(), caudaEquina::toString);
    }

    @Test
    void aBulkDataExportGivesEachPatientTheAssessmentOfTheirBundle() throws IOException {
        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Path export = Files.createDirectories(tmp.resolve("export"));
        Map<String, List<String>> byType = new TreeMap<>();
        List<String> patients = new ArrayList<>();
        for (Path bundle : bundleFiles()) {
            JsonNode entries = JSON.readTree(bundle.toFile()).path("entry");
            boolean relative = true;
            for (JsonNode entry : entries) {
                for (JsonNode reference : entry.path("resource").findValues("reference")) {
                    relative &= !reference.asText().startsWith("urn:") && !reference.asText().contains("?");
                }
            }
            if (!relative) {
                continue; // a transaction's urn:uuid and conditional references do not survive a Bulk Data export
            }
            Files.copy(bundle, bundles.resolve(bundle.getFileName()));
            for (JsonNode entry : entries) {
                JsonNode resource = entry.path("resource");
                // a server's export refers relatively (the reader refuses an absolute URL it cannot match to the
                // Patient's own full URL, which an export line does not carry)
                byType.computeIfAbsent(resource.path("resourceType").asText(), type -> new ArrayList<>())
                        .add(JSON.writeValueAsString(resource).replace("https://ehr.example/fhir/", ""));
                if (resource.path("resourceType").asText().equals("Patient")) {
                    patients.add(resource.path("id").asText());
                }
            }
        }
        for (Map.Entry<String, List<String>> type : byType.entrySet()) {
            Files.write(export.resolve(type.getKey() + ".ndjson"), type.getValue(), StandardCharsets.UTF_8);
        }
        Files.writeString(export.resolve("Condition.ndjson"), "{\"resourceType\":\"Condition\",\"id\":\"stray\","
                + "\"subject\":{\"reference\":\"Patient/not-exported\"}}\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertTrue(patients.size() >= 3, "the bundles give a few patients: " + patients);

        Run fromBundles = legcds("batch", bundles, "--evaluation-date", EVALUATION_DATE, "--quiet");
        Run fromExport = legcds("batch", export, "--evaluation-date", EVALUATION_DATE, "--threads", 3);

        assertEquals(Main.OK, fromBundles.exitCode(), fromBundles::toString);
        assertEquals(Main.BAD_INPUT, fromExport.exitCode(), "the stray Condition is bad input: " + fromExport);
        List<JsonNode> records = records(fromExport);
        assertEquals(patients.size() + 1, records.size(), fromExport::toString);
        for (int i = 0; i < patients.size(); i++) {
            JsonNode record = records.get(i);
            assertEquals("Patient.ndjson:" + (i + 1), record.get("source").asText());
            assertEquals(patients.get(i), record.get("patient").asText());
            String patient = patients.get(i);
            JsonNode sameFromBundle = records(fromBundles).stream()
                    .filter(r -> r.get("patient").asText().equals(patient)).findFirst().orElseThrow();
            assertEquals(sameFromBundle.get("assessment"), record.get("assessment"), "patient " + patient);
        }
        JsonNode stray = records.get(patients.size());
        assertTrue(stray.get("source").asText().startsWith("Condition.ndjson:"), stray::toString);
        assertTrue(stray.at("/problems/0/expected").asText().contains("Patient/not-exported"), stray::toString);
    }

    @Test
    void syntheasHospitalAndPractitionerFilesAreSkippedWithANoteNotCountedAsBadCases() throws IOException {
        Path directory = Files.createDirectories(tmp.resolve("synthea"));
        Files.copy(FHIR_BUNDLES.resolve("cauda-equina.json"), directory.resolve("Jane_Doe_1.json"));
        Files.writeString(directory.resolve("hospitalInformation1764547200000.json"), "\uFEFF{\"resourceType\":"
                + "\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":{\"resourceType\":\"Organization\","
                + "\"id\":\"o1\",\"name\":\"General Hospital\"}},{\"resource\":{\"resourceType\":\"Location\","
                + "\"id\":\"l1\"}}]}");
        Files.writeString(directory.resolve("practitionerInformation1764547200000.json"), "{\"resourceType\":"
                + "\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":{\"resourceType\":\"Practitioner\","
                + "\"id\":\"dr1\"}},{\"resource\":{\"resourceType\":\"PractitionerRole\",\"id\":\"r1\"}}]}");
        Files.writeString(directory.resolve("zz-observations-only.json"), "{\"resourceType\":\"Bundle\","
                + "\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\","
                + "\"id\":\"o\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}}]}");

        Run run = legcds("batch", directory, "--evaluation-date", EVALUATION_DATE);

        assertEquals(Main.BAD_INPUT, run.exitCode(), "records about no Patient are still bad input: " + run);
        assertEquals(List.of("Jane_Doe_1.json", "zz-observations-only.json"),
                records(run).stream().map(r -> r.get("source").asText()).toList());
        assertTrue(run.err().contains("skipping 2 bundles of resources about no patient (organisations, "
                + "practitioners, medications, as Synthea writes beside the patients): "
                + "hospitalInformation1764547200000.json, practitionerInformation1764547200000.json"), run.err());
    }

    @Test
    void aBulkDataMedicationIsJoinedIntoThePatientWhoseRequestRefersToIt() throws IOException {
        Path export = Files.createDirectories(tmp.resolve("export"));
        Files.writeString(export.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p1\","
                + "\"gender\":\"female\",\"birthDate\":\"1960-01-01\"}\n");
        Files.writeString(export.resolve("MedicationRequest.ndjson"), "{\"resourceType\":\"MedicationRequest\","
                + "\"id\":\"m1\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":"
                + "\"Patient/p1\"},\"medicationReference\":{\"reference\":\"Medication/b12\"},"
                + "\"authoredOn\":\"2026-10-01\"}\n");
        Files.writeString(export.resolve("Medication.ndjson"), "{\"resourceType\":\"Medication\",\"id\":\"b12\","
                + "\"code\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\","
                + "\"code\":\"309594\"}]}}\n");

        Run run = legcds("batch", export, "--evaluation-date", EVALUATION_DATE);

        assertEquals(Main.OK, run.exitCode(), run::toString);
        JsonNode record = records(run).get(0);
        assertEquals(0, record.get("issues").size(), "the Medication was found: " + record.get("issues"));
        assertTrue(run.err().contains("1 shared resources (Medication) joined"), run.err());
    }

    @Test
    void fhirInputNeedsAnEvaluationDateBecauseLegcdsNeverReadsTheClock() throws IOException {
        Run run = legcds("batch", Files.createDirectories(tmp.resolve("bundles")));

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("FHIR input needs --evaluation-date"), run.err());
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        Run run = legcds("batch", tmp.resolve("nowhere.ndjson"));

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no such file"), run.err());
    }

    @Test
    void anEmptyInputIsBadInputNotASuccess() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.ndjson"), "");

        Run run = legcds("batch", "-q", empty);

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no cases in " + empty + ": the input is empty"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anEmptyFolderOfFhirBundlesIsBadInputToo() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("bundles"));

        Run run = legcds("batch", "-q", "--evaluation-date", "2026-11-21", folder);

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("the input is empty"), run.err());
    }

    @Test
    void aFileThatCannotBeReadSaysWhy() throws IOException {
        Path file = ndjson(one(VASCULAR, "p1"));

        Run run = legcds("batch", file.resolve("inside-a-file.ndjson"));

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot read " + file.resolve("inside-a-file.ndjson") + ": not a directory"),
                run.err());
        assertEquals("permission denied", Failure.reason(new java.nio.file.AccessDeniedException("x")));
        assertFalse(run.hasStackTrace() || run.err().contains("Exception"), run.err());
    }

    @Test
    void anOutputIntoAMissingFolderIsRefusedBeforeAnyWork() throws IOException {
        Path input = ndjson(one(VASCULAR, "p1"));
        Path missing = tmp.resolve("no-such-folder");

        Run run = legcds("batch", "-q", input, "-o", missing.resolve("out.ndjson"));
        Run summary = legcds("batch", "-q", input, "--summary", missing.resolve("summary.json"));

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertEquals("legcds: cannot write " + missing.resolve("out.ndjson") + " (-o): the folder " + missing
                + " does not exist; create it first", run.err().strip());
        assertEquals(Main.BAD_INPUT, summary.exitCode(), summary::toString);
        assertTrue(summary.err().contains("the folder " + missing + " does not exist"), summary.err());
        assertEquals("", summary.out(), "nothing assessed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "257", "100000"})
    void anAbsurdThreadCountIsRefused(String threads) throws IOException {
        Run run = legcds("batch", "--threads", threads, ndjson(one(VASCULAR, "p1")));

        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--threads must be from 1 to 256, but is " + threads), run.err());
        assertEquals("", run.out());
    }
}
