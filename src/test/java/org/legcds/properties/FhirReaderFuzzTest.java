package org.legcds.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.legcds.Clinic;
import org.legcds.fhir.FhirCaseReader;
import org.legcds.fhir.FhirReading;
import org.legcds.problems.InvalidCaseException;

/**
 * Fuzzing {@link FhirCaseReader#readJson}: the example bundles of {@code src/test/resources/fhir/} broken in the ways
 * the case reader is (cut off, a node replaced by a value of any type or another resource type, nulls, duplicate keys,
 * deep nesting, bytes that are not UTF-8 decoded leniently, arbitrary text). The only failure allowed is the documented
 * {@link InvalidCaseException}; a reading that succeeds holds a valid case.
 */
@StatisticsReport(onFailureOnly = true) // the figures matter when a property fails; a quiet build otherwise
@Label("Fuzzing the FHIR reader")
class FhirReaderFuzzTest {

    private static final FhirCaseReader READER = FhirCaseReader.standard();

    private static final List<JsonNode> EXAMPLES = examples();

    private static List<JsonNode> examples() {
        try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "fhir"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return CaseFiles.JSON.readTree(p.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CaseReaderFuzzTest.Outcome read(String json) {
        CaseReaderFuzzTest.Outcome outcome = CaseReaderFuzzTest.outcome(() -> {
            FhirReading reading = READER.readJson(json, Clinic.TODAY);
            if (reading.patientCase() == null) {
                throw new AssertionError("a reading without a case");
            }
            return reading;
        });
        Statistics.label("outcome").collect(outcome);
        return outcome;
    }

    @Provide
    Arbitrary<JsonNode> examplesArbitrary() {
        return Arbitraries.of(EXAMPLES);
    }

    /** Raw JSON for a node: the case reader's values, plus FHIR-shaped trouble (other types, references, resources). */
    @Provide
    Arbitrary<String> rawValues() {
        Arbitrary<String> fhir = Arbitraries.of("\"Patient\"", "\"Bundle\"", "\"Observation\"", "\"Condition\"",
                "\"MedicationStatement\"", "\"Medication\"", "\"Procedure\"", "\"OperationOutcome\"", "\"NoSuchType\"",
                "\"urn:uuid:nowhere\"", "\"Patient/unknown\"", "\"#contained\"", "\"http://other.example/Patient/1\"",
                "\"2026\"", "\"2026-13\"", "\"1850-01-01\"", "\"2099-01-01\"", "\"2026-11-21T25:00:00Z\"",
                "{\"resourceType\": \"Patient\"}", "{\"resourceType\": \"Patient\", \"gender\": \"male\"}",
                "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{}]}",
                "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Bundle\"}}]}",
                "{\"value\": 1e309, \"code\": \"1\", \"system\": \"http://unitsofmeasure.org\"}",
                "{\"value\": -0, \"code\": \"{ratio}\"}", "{\"coding\": [null]}", "{\"coding\": [{}]}",
                "[{\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"\"}]}]");
        return Arbitraries.frequencyOf(Tuple.of(3, CaseReaderFuzzTest.rawValues()), Tuple.of(2, fhir));
    }

    @Example
    @Label("the examples themselves are read")
    void examplesAreRead() {
        for (JsonNode example : EXAMPLES) {
            assertEquals(CaseReaderFuzzTest.Outcome.READ, read(example.toString()), example.path("id").asText());
        }
    }

    @Property(tries = 300)
    @Label("a bundle cut off anywhere is refused")
    void truncatedBundlesAreRefused(@ForAll("examplesArbitrary") JsonNode example,
                                    @ForAll @IntRange(min = 0, max = 100_000) int cut) {
        String json = example.toString();
        assertEquals(CaseReaderFuzzTest.Outcome.REFUSED, read(json.substring(0, cut % json.length())));
    }

    @Property(tries = 1000)
    @Label("any node replaced by a value of any type: a reading or InvalidCaseException")
    void replacedNodes(@ForAll("examplesArbitrary") JsonNode example, @ForAll int pick,
                       @ForAll("rawValues") String raw) {
        read(CaseReaderFuzzTest.replaced(example, pick, raw));
    }

    @Property(tries = 300)
    @Label("nulls anywhere: a reading or InvalidCaseException")
    void nullsAnywhere(@ForAll("examplesArbitrary") JsonNode example, @ForAll int pick) {
        read(CaseReaderFuzzTest.replaced(example, pick, "null"));
    }

    @Property(tries = 100)
    @Label("nesting up to 10,000 levels deep in any field: a reading or InvalidCaseException, no stack overflow")
    void deepNesting(@ForAll("examplesArbitrary") JsonNode example, @ForAll int pick,
                     @ForAll @IntRange(min = 50, max = 10_000) int depth, @ForAll boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        read(CaseReaderFuzzTest.replaced(example, pick, open.repeat(depth) + "1" + close.repeat(depth)));
    }

    @Property(tries = 300)
    @Label("random bytes written over a bundle and decoded leniently: a reading or InvalidCaseException")
    void randomBytes(@ForAll("examplesArbitrary") JsonNode example, @ForAll int position,
                     @ForAll @Size(max = 8) List<Byte> noise) throws Exception {
        byte[] json = CaseFiles.overwrite(example.toString().getBytes(StandardCharsets.UTF_8), position, noise);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(json)).toString();
        read(text);
    }

    @Property(tries = 300)
    @Label("arbitrary text: a reading or InvalidCaseException")
    void arbitraryText(@ForAll String text) {
        read(text);
    }

    @Example
    @Label("empty, blank, a JSON array, a bare number and 10,000 unclosed brackets are refused")
    void hopelessInputIsRefused() {
        for (String json : List.of("", "   ", "[]", "42", "null", "{}", "{\"resourceType\": 1}", "[".repeat(10_000),
                "{\"resourceType\": \"Bundle\", \"entry\": " + "[".repeat(10_000))) {
            assertEquals(CaseReaderFuzzTest.Outcome.REFUSED, read(json), json.length() > 60 ? json.substring(0, 60)
                    : json);
        }
    }

    // minimal cases of what the fuzzing found (both used to escape as other exceptions)

    @Example
    @Label("an observation without a date is read (it ranked oldest, but threw NullPointerException)")
    void anUndatedObservationIsRead() {
        FhirReading reading = READER.readJson("""
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p", "gender": "female", "birthDate": "1950-01-01"}},
                  {"resource": {"resourceType": "Observation", "status": "final", "subject": {"reference": "Patient/p"},
                    "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4"}]},
                    "valueQuantity": {"value": 7.4, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}}}]}
                """, Clinic.TODAY);
        assertEquals(1, reading.patientCase().findings().size(), reading::toString);
        assertEquals(7.4, reading.patientCase().findings().get(0).value());
    }

    @Example
    @Label("resources without a status are left unread (Set.of(...).contains(null) threw NullPointerException)")
    void resourcesWithoutStatusAreLeftUnread() {
        FhirReading reading = READER.readJson("""
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p", "gender": "male"}},
                  {"resource": {"resourceType": "Observation", "subject": {"reference": "Patient/p"},
                    "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4"}]},
                    "valueQuantity": {"value": 7.4, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}}},
                  {"resource": {"resourceType": "MedicationStatement", "subject": {"reference": "Patient/p"},
                    "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                      "code": "6809"}]}}},
                  {"resource": {"resourceType": "MedicationRequest", "subject": {"reference": "Patient/p"},
                    "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                      "code": "6809"}]}}},
                  {"resource": {"resourceType": "MedicationAdministration", "subject": {"reference": "Patient/p"},
                    "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                      "code": "6809"}]}}}]}
                """, Clinic.TODAY);
        assertEquals(List.of(), reading.patientCase().findings(), reading::toString);
    }

    @Example
    @Label("a transaction entry with an unknown request method is refused (HAPI threw IllegalArgumentException)")
    void anUnknownRequestMethodIsRefused() {
        InvalidCaseException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidCaseException.class,
                () -> READER.readJson("""
                        {"resourceType": "Bundle", "type": "transaction", "entry": [
                          {"resource": {"resourceType": "Patient", "gender": "female"},
                           "request": {"method": "FETCH", "url": "Patient"}}]}
                        """, Clinic.TODAY));
        assertTrue(e.getMessage().contains("FETCH"), e::getMessage);
    }

    @Example
    @Label("a huge unknown resource type is refused with a short message (it was quoted whole)")
    void aHugeResourceTypeIsNotQuotedWhole() {
        InvalidCaseException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidCaseException.class,
                () -> READER.readJson("{\"resourceType\": \"" + "x".repeat(100_000) + "\"}", Clinic.TODAY));
        assertTrue(e.getMessage().length() < 1_000, () -> e.getMessage().length() + " characters");
    }

    @Example
    @Label("a refusal names at least one problem")
    void refusalsNameAProblem() {
        try {
            READER.readJson("{\"resourceType\": \"Observation\"}", Clinic.TODAY);
            throw new AssertionError("an Observation alone has no patient");
        } catch (InvalidCaseException e) {
            assertFalse(e.problems().isEmpty());
            assertTrue(e.getMessage().length() < CaseReaderFuzzTest.MAX_MESSAGE);
        }
    }
}
