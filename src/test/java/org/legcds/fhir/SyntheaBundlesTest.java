package org.legcds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.legcds.InvalidCaseException;
import org.legcds.LegCds;
import org.legcds.facts.Finding;
import org.legcds.facts.Status;
import org.legcds.fhir.CodeMap.Mapping;

/**
 * Real-shaped data: every patient Synthea generated ({@code mvn -Psynthea verify}) reads without error, every finding
 * read comes from a code in that patient's bundle, and every current condition whose code is mapped is read. Prints the
 * counts of findings per vocabulary item. Runs only in the {@code synthea} profile, which points
 * {@code legcds.synthea.dir} at Synthea's output.
 */
@EnabledIfSystemProperty(named = "legcds.synthea.dir", matches = ".+")
class SyntheaBundlesTest {

    @Test
    void everyGeneratedPatientReadsAndWhatIsReadAgreesWithTheCodesInTheBundle() throws IOException {
        Path dir = Path.of(System.getProperty("legcds.synthea.dir"));
        LocalDate date = LocalDate.parse(System.getProperty("legcds.synthea.date"), DateTimeFormatter.BASIC_ISO_DATE);
        int expected = Integer.parseInt(System.getProperty("legcds.synthea.expected", "1"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(expected, files.size(), "bundles in " + dir);

        FhirCaseReader reader = FhirCaseReader.standard();
        CodeMap map = CodeMap.packaged();
        LegCds engine = LegCds.packaged();
        Map<String, int[]> counts = new EnumMap<>(Code.class); // present, absent, unknown, patients
        Map<String, Integer> issueKinds = new TreeMap<>();
        int pregnant = 0;
        int findings = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String json = Files.readString(file);
            FhirReading reading;
            try {
                reading = reader.readJson(json, date);
            } catch (InvalidCaseException e) {
                failures.add(file.getFileName() + ": " + e.getMessage());
                continue;
            }
            engine.assess(reading.patientCase()); // and the case assesses
            Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
            List<Coding> codings = new ArrayList<>();
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) { // the terser stops at resource boundaries
                codings.addAll(FhirContext.forR4Cached().newTerser()
                        .getAllPopulatedChildElementsOfType(entry.getResource(), Coding.class));
            }
            Set<String> targets = codings.stream().map(c -> map.find(c.getSystem(), c.getCode()))
                    .flatMap(java.util.Optional::stream).map(Mapping::targetName).collect(Collectors.toSet());
            for (Finding f : reading.patientCase().findings()) {
                findings++;
                if (!targets.contains(f.code().name())) {
                    failures.add(file.getFileName() + ": " + f.describe() + " but no code in the bundle maps to " + f.code());
                }
                int[] c = counts.computeIfAbsent(f.code(), k -> new int[3]);
                c[f.status().ordinal()]++;
            }
            if (reading.patientCase().patient().pregnancy() == Status.PRESENT) {
                pregnant++;
                if (!targets.contains(CodeMap.PREGNANCY)) {
                    failures.add(file.getFileName() + ": pregnant, but no pregnancy code in the bundle");
                }
            }
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                if (resource instanceof Condition condition && current(condition, date)) {
                    for (Coding coding : condition.getCode().getCoding()) {
                        map.find(coding.getSystem(), coding.getCode()).filter(m -> !m.pregnancy())
                                .filter(m -> m.read() == CodeMap.Read.PRESENCE).ifPresent(m -> {
                                    boolean read = reading.patientCase().findings().stream()
                                            .anyMatch(f -> f.code() == m.target() && f.present());
                                    if (!read) {
                                        failures.add(file.getFileName() + ": active " + coding.getCode() + " "
                                                + coding.getDisplay() + " was not read as " + m.target());
                                    }
                                });
                    }
                }
            }
            reading.issues().forEach(i -> issueKinds.merge(i.field() + ": "
                    + i.problem().replaceAll("'[^']*'", "'...'").replaceAll("\\d+(\\.\\d+)?", "N"), 1, Integer::sum));
        }

        System.out.printf("%nSynthea: %d bundles read for evaluation date %s, %d findings, %d pregnant%n",
                files.size(), date, findings, pregnant);
        System.out.printf("%-28s %8s %8s %8s%n", "vocabulary item", "present", "absent", "unknown");
        counts.forEach((code, c) -> System.out.printf("%-28s %8d %8d %8d%n", code, c[0], c[1], c[2]));
        System.out.println("input issues, by kind:");
        issueKinds.forEach((kind, n) -> System.out.printf("%6d  %s%n", n, kind));
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** Active (or recurrence, relapse), not refuted or in error, not dated after the evaluation date. */
    private static boolean current(Condition condition, LocalDate date) {
        String clinical = condition.getClinicalStatus().getCodingFirstRep().getCode();
        String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
        boolean active = "active".equals(clinical) || "recurrence".equals(clinical) || "relapse".equals(clinical);
        boolean confirmed = verification == null || "confirmed".equals(verification);
        boolean onTime = !condition.hasOnsetDateTimeType()
                || !Reading.start(condition.getOnsetDateTimeType().getValueAsString()).isAfter(date);
        return active && confirmed && onTime;
    }
}
