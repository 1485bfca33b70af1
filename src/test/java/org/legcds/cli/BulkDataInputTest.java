package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a FHIR Bulk Data export (files by resource type) is regrouped by patient in bounded memory: every resource
 * reaches its own patient across chunk boundaries, patients keep the order of the Patient files, and what belongs to
 * no patient comes last as bad items.
 */
class BulkDataInputTest {

    @TempDir
    Path export;

    private static String patient(int i) {
        return "{\"resourceType\":\"Patient\",\"id\":\"p" + i + "\",\"gender\":\"female\"}";
    }

    private static String condition(int i, String reference) {
        return "{\"resourceType\":\"Condition\",\"id\":\"c" + i + "\",\"subject\":{\"reference\":\"" + reference
                + "\"}}";
    }

    @Test
    void everyResourceReachesItsPatientAcrossChunksAndStraysComeLast() throws IOException {
        int patients = 2_500;
        List<String> patientLines = new ArrayList<>();
        List<String> conditionLines = new ArrayList<>();
        List<String> observationLines = new ArrayList<>();
        for (int i = 1; i <= patients; i++) {
            patientLines.add(patient(i));
        }
        for (int i = patients; i >= 1; i--) { // the other files run in the opposite order
            conditionLines.add(condition(i, "Patient/p" + i));
            if (i % 2 == 0) {
                observationLines.add("{\"resourceType\":\"Observation\",\"id\":\"o" + i + "\",\"subject\":"
                        + "{\"reference\":\"https://ehr.example/fhir/Patient/p" + i + "/_history/3\"}}");
            }
        }
        conditionLines.add(condition(0, "Patient/nobody"));
        conditionLines.add("{\"id\":\"no-type\"}");
        observationLines.add("{\"resourceType\":\"Medication\",\"id\":\"metformin\"}");
        conditionLines.add("{broken");
        Files.write(export.resolve("Patient.ndjson"), patientLines, StandardCharsets.UTF_8);
        Files.write(export.resolve("Condition.ndjson"), conditionLines, StandardCharsets.UTF_8);
        Files.write(export.resolve("Observation.ndjson"), observationLines, StandardCharsets.UTF_8);

        try (BulkDataInput input = BulkDataInput.open(export, List.of(export.resolve("Condition.ndjson"),
                export.resolve("Observation.ndjson"), export.resolve("Patient.ndjson")), null,
                LocalDate.of(2026, 11, 21), 100)) {
            assertTrue(input.describe().startsWith("2,500 patients, 3,750 other resources, 3 resources of no "
                    + "patient of the export"), input.describe());
            assertEquals(java.util.Map.of(), input.notAboutAPatient(), "the Medication is kept to be joined");
            assertTrue(input.describe().contains("1 shared resources (Medication) joined"), input.describe());
            for (int i = 1; i <= patients; i++) {
                BulkDataInput.Group group = input.next();
                assertEquals("Patient.ndjson:" + i, group.where().source());
                assertEquals(patient(i), group.patient());
                assertNull(group.problem());
                List<String> expected = new ArrayList<>(List.of(condition(i, "Patient/p" + i)));
                assertEquals(i % 2 == 0 ? 2 : 1, group.resources().size(), "patient " + i);
                assertTrue(group.resources().containsAll(expected), "patient " + i + ": " + group.resources());
            }
            List<String> strays = new ArrayList<>();
            for (BulkDataInput.Group group = input.next(); group != null; group = input.next()) {
                strays.add(group.where().source() + " " + group.problem().expected());
            }
            assertEquals(List.of(
                    "Condition.ndjson:2501 the Condition refers to Patient/nobody, which is not in the export",
                    "Condition.ndjson:2502 the line has no resourceType; expected one FHIR resource per line",
                    "Condition.ndjson:2503 the line is not a JSON object; expected one FHIR resource per line"),
                    strays);
        }
        try (var left = Files.list(export)) {
            assertEquals(3, left.count(), "the export is left as it was");
        }
    }

    @Test
    void aRepeatedPatientIdIsABadItemAndItsResourcesStayWithTheFirst() throws IOException {
        Files.write(export.resolve("Patient.ndjson"), List.of(patient(1), patient(1), "", patient(2)),
                StandardCharsets.UTF_8);
        Files.write(export.resolve("Condition.ndjson"), List.of(condition(1, "Patient/p1")), StandardCharsets.UTF_8);

        try (BulkDataInput input = BulkDataInput.open(export, List.of(export.resolve("Condition.ndjson"),
                export.resolve("Patient.ndjson")), null, LocalDate.of(2026, 11, 21))) {
            BulkDataInput.Group first = input.next();
            assertEquals(List.of(condition(1, "Patient/p1")), first.resources());
            BulkDataInput.Group repeated = input.next();
            assertEquals("Patient.ndjson:2", repeated.where().source());
            assertEquals("'p1'", repeated.problem().value());
            BulkDataInput.Group blank = input.next();
            assertTrue(blank.problem().expected().contains("blank"), blank::toString);
            assertEquals(patient(2), input.next().patient());
            assertNull(input.next());
        }
    }
}
