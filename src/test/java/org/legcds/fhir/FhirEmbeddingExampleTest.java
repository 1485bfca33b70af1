package org.legcds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.vocabulary.Urgency;

/** The "Embedding with FHIR" example of the README, run on the cauda equina bundle; the README must show it verbatim. */
class FhirEmbeddingExampleTest {

    static final List<String> SNIPPET = List.of(
            "FhirCaseReader reader = FhirCaseReader.standard();         // thread-safe: build once, share",
            "FhirReading reading = reader.readJson(bundleJson, LocalDate.of(2026, 11, 21));  // or read(Bundle | List<Resource>, date)",
            "Assessment assessment = LegCds.packaged().assess(reading.patientCase());",
            "System.out.println(assessment.triage().level());          // EMERGENCY for src/test/resources/fhir/cauda-equina.json",
            "reading.issues().forEach(System.out::println);             // relevant records that could not be read: show them");

    @Test
    void readmeFhirExampleReadsTheCaudaEquinaBundleAsAnEmergency() {
        String bundleJson = FhirCaseReaderTest.text("cauda-equina.json");
        // --- README snippet, verbatim ---
        FhirCaseReader reader = FhirCaseReader.standard();         // thread-safe: build once, share
        FhirReading reading = reader.readJson(bundleJson, LocalDate.of(2026, 11, 21));  // or read(Bundle | List<Resource>, date)
        Assessment assessment = LegCds.packaged().assess(reading.patientCase());
        System.out.println(assessment.triage().level());          // EMERGENCY for src/test/resources/fhir/cauda-equina.json
        reading.issues().forEach(System.out::println);             // relevant records that could not be read: show them
        // --- end of README snippet ---

        assertEquals(Urgency.EMERGENCY, assessment.triage().level());
        assertEquals(List.of(), reading.issues());
    }

    @Test
    void readmeShowsTheSnippetVerbatim() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String line : SNIPPET) {
            assertTrue(readme.contains(line), "README.md lacks: " + line);
        }
    }
}
