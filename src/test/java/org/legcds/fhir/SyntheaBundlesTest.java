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
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.legcds.LegCds;
import org.legcds.facts.Finding;
import org.legcds.facts.Status;
import org.legcds.fhir.CodeMap.Mapping;
import org.legcds.problems.InvalidCaseException;

/**
 * Real-shaped data: every patient Synthea generated ({@code mvn -Psynthea verify}) reads without error, every finding
 * read comes from a code in that patient's bundle, and every current condition whose code is mapped is read. Prints the
 * counts of findings per vocabulary item, and the mapping report (also written to
 * {@code target/synthea-mapping-report.txt}): per mapped concept, how many records carry it, and the most frequent
 * unmapped codes, for an informatician deciding what to map next. Runs only in the {@code synthea} profile, which points
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
        Map<String, int[]> counts = new TreeMap<>(java.util.Comparator.comparingInt(
                id -> org.legcds.vocabulary.Vocabulary.packaged().requireFinding(id).order())); // present, absent, unknown, patients
        Map<String, Integer> issueKinds = new TreeMap<>();
        Map<String, int[]> records = new TreeMap<>(); // mapping row (file:line) -> records carrying its code
        Map<String, Mapping> rows = new TreeMap<>();
        Map<String, Integer> unmapped = new TreeMap<>();
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
                    .flatMap(java.util.Optional::stream)
                    .flatMap(m -> m.pregnancy() ? Stream.of(CodeMap.PREGNANCY) : m.targets().stream().map(org.legcds.vocabulary.FindingDefinition::id))
                    .collect(Collectors.toSet());
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) { // per concept: the records that carry it
                Resource resource = entry.getResource();
                Set<String> seenInRecord = new java.util.HashSet<>();
                for (Coding c : conceptCodings(resource)) {
                    java.util.Optional<Mapping> m = map.find(c.getSystem(), c.getCode());
                    String key = m.map(Mapping::source).orElse(null);
                    if (key != null && seenInRecord.add(key)) {
                        records.computeIfAbsent(key, k -> new int[1])[0]++;
                        rows.putIfAbsent(key, m.get());
                    } else if (m.isEmpty() && seenInRecord.add(c.getSystem() + "|" + c.getCode())) {
                        unmapped.merge(resource.fhirType() + " " + shortSystem(c.getSystem()) + " " + c.getCode()
                                + " " + Objects.toString(c.getDisplay(), ""), 1, Integer::sum);
                    }
                }
            }
            for (Finding f : reading.patientCase().findings()) {
                findings++;
                if (!targets.contains(f.code())) {
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
                                            .anyMatch(f -> m.targets().contains(f.code()) && f.present());
                                    if (!read) {
                                        failures.add(file.getFileName() + ": active " + coding.getCode() + " "
                                                + coding.getDisplay() + " was not read as " + m.target().id());
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
        StringBuilder report = new StringBuilder(String.format("Synthea %s: %d bundles, evaluation date %s%n%n"
                + "Records per mapped concept (a record counts once per concept):%n%7s  %-10s %-18s %-34s %s%n",
                dir.getFileName(), files.size(), date, "records", "system", "code", "targets", "display"));
        rows.values().stream().sorted(java.util.Comparator.comparing(Mapping::targetName)).forEach(m -> report.append(
                String.format("%7d  %-10s %-18s %-34s %s%n", records.get(m.source())[0], shortSystem(m.system()),
                        m.code(), m.pregnancy() ? CodeMap.PREGNANCY : m.targets().stream().map(org.legcds.vocabulary.FindingDefinition::id)
                                .collect(Collectors.joining(" ")), m.display())));
        report.append(String.format("%nMapped concepts that no record carried: %d of %d rows%n",
                map.mappings().size() - rows.size(), map.mappings().size()));
        report.append(String.format("%nUnmapped codes of conditions, observations, medicines and procedures, most "
                + "frequent first (records; observation answers included):%n"));
        unmapped.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(80)
                .forEach(e -> report.append(String.format("%7d  %s%n", e.getValue(), e.getKey())));
        report.append(String.format("%nFindings read, per vocabulary item (present, absent, unknown):%n"));
        counts.forEach((code, c) -> report.append(String.format("%7d %7d %7d  %s%n", c[0], c[1], c[2], code)));
        System.out.print(report);
        Files.writeString(Path.of("target", "synthea-mapping-report.txt"), report);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** The codings that name what a record is about: its code (components too), its medicine; not categories. */
    private static List<Coding> conceptCodings(Resource resource) {
        List<Coding> codings = new ArrayList<>();
        if (resource instanceof Condition c) {
            codings.addAll(c.getCode().getCoding());
        } else if (resource instanceof org.hl7.fhir.r4.model.Observation o) {
            codings.addAll(o.getCode().getCoding());
            o.getComponent().forEach(k -> codings.addAll(k.getCode().getCoding()));
            if (o.hasValueCodeableConcept()) {
                codings.addAll(o.getValueCodeableConcept().getCoding());
            }
        } else if (resource instanceof org.hl7.fhir.r4.model.Procedure p) {
            codings.addAll(p.getCode().getCoding());
        } else if (resource instanceof org.hl7.fhir.r4.model.MedicationRequest m && m.hasMedicationCodeableConcept()) {
            codings.addAll(m.getMedicationCodeableConcept().getCoding());
        } else if (resource instanceof org.hl7.fhir.r4.model.MedicationAdministration m
                && m.hasMedicationCodeableConcept()) {
            codings.addAll(m.getMedicationCodeableConcept().getCoding());
        } else if (resource instanceof org.hl7.fhir.r4.model.MedicationStatement m && m.hasMedicationCodeableConcept()) {
            codings.addAll(m.getMedicationCodeableConcept().getCoding());
        } else if (resource instanceof org.hl7.fhir.r4.model.Medication m) {
            codings.addAll(m.getCode().getCoding());
        }
        return codings.stream().filter(c -> c.hasSystem() && c.hasCode()).toList();
    }

    private static String shortSystem(String system) {
        return switch (system == null ? "" : system) {
            case CodeMap.SNOMED -> "SNOMED";
            case CodeMap.LOINC -> "LOINC";
            case CodeMap.RXNORM -> "RxNorm";
            case CodeMap.ICD10CM -> "ICD-10-CM";
            default -> system;
        };
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
