package org.legcds.examples.cdshooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.legcds.fhir.FhirCaseReader;

/**
 * The prefetch templates the service announces, generated at start-up from the library's FHIR code maps (the
 * {@code *.csv} files beside {@link FhirCaseReader} in {@code org/legcds/fhir/}), so that they ask only for what the
 * maps can read and can never drift from them.
 *
 * <ul>
 *   <li>{@code observations}: {@code Observation?patient=..&code=system|code,...} with every exact code of every map
 *       but ICD-10-CM (which codes conditions): an unfiltered Observation search of a long chart exceeds any sensible
 *       body limit;</li>
 *   <li>{@code medications}, {@code medicationStatements}: filtered the same way by the medicine codes;</li>
 *   <li>{@code conditions}: unfiltered, because the ICD-10-CM map holds prefixes ({@code E11*}: every type 2 diabetes
 *       code; {@code C*}: every cancer) that a FHIR token search cannot express, and dropping such a Condition would
 *       turn a known history (cancer, diabetes) into an unknown one. A chart's conditions are few.</li>
 * </ul>
 */
final class PrefetchTemplates {

    private static final Map<String, String> SYSTEMS = Map.of("SNOMED", "http://snomed.info/sct",
            "LOINC", "http://loinc.org", "ICD-10-CM", "http://hl7.org/fhir/sid/icd-10-cm",
            "RxNorm", "http://www.nlm.nih.gov/research/umls/rxnorm");
    private static final String RXNORM = SYSTEMS.get("RxNorm");
    private static final String ICD_10_CM = SYSTEMS.get("ICD-10-CM");

    private PrefetchTemplates() {
    }

    /** Prefetch key to query template, from the packaged maps. */
    static Map<String, String> fromPackagedMaps() {
        List<String[]> codes = new ArrayList<>();
        for (Path csv : mapFiles()) {
            codes.addAll(codes(csv));
        }
        return templates(codes);
    }

    /** The templates for the given (system URI, code) pairs. */
    static Map<String, String> templates(List<String[]> codes) {
        Set<String> observationCodes = new TreeSet<>();
        Set<String> medicineCodes = new TreeSet<>();
        for (String[] code : codes) {
            String token = code[0] + "|" + code[1];
            if (code[0].equals(RXNORM)) {
                medicineCodes.add(token);
            } else if (!code[0].equals(ICD_10_CM)) { // ICD-10-CM codes conditions, and conditions are unfiltered
                observationCodes.add(token);
            }
        }
        if (observationCodes.isEmpty() || medicineCodes.isEmpty()) {
            throw new IllegalStateException("the FHIR code maps hold no observation or no medicine codes");
        }
        String observations = String.join(",", observationCodes);
        String medicines = String.join(",", medicineCodes);
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("patient", "Patient/{{context.patientId}}");
        templates.put("conditions", "Condition?patient={{context.patientId}}");
        templates.put("observations", "Observation?patient={{context.patientId}}&code=" + observations);
        templates.put("medications", "MedicationRequest?patient={{context.patientId}}&code=" + medicines);
        templates.put("medicationStatements", "MedicationStatement?patient={{context.patientId}}&code=" + medicines);
        return Map.copyOf(templates);
    }

    /** The code-map files: every CSV in the maps' folder whose header has system, code and target columns. */
    private static List<Path> mapFiles() {
        URL anchor = FhirCaseReader.class.getResource("/org/legcds/fhir/README.md");
        if (anchor == null) {
            throw new IllegalStateException("the library's FHIR code maps are not on the class path");
        }
        try {
            URI uri = anchor.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return list(jar.getPath("/org/legcds/fhir"));
            }
            return list(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the library's FHIR code maps", e);
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** The exact (system URI, code) pairs of one map file; prefix rows ({@code E11*}) are not exact and left out. */
    private static List<String[]> codes(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        List<String[]> codes = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                if (!header.containsAll(List.of("system", "code", "target"))) {
                    return List.of(); // answers, body sites, units: not a code map
                }
                continue;
            }
            String system = cells.get(header.indexOf("system"));
            String code = cells.get(header.indexOf("code"));
            if (!code.endsWith("*") && !code.isBlank()) {
                codes.add(new String[] {SYSTEMS.getOrDefault(system, system), code});
            }
        }
        return codes;
    }

    /** The cells of a CSV line; a cell in double quotes may hold commas, and "" is a quote. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}
