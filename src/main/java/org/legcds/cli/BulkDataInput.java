package org.legcds.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.legcds.LegCds;
import org.legcds.fhir.FhirCaseReader;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * A FHIR Bulk Data export: {@code *.ndjson} files of one resource type each, one resource per line, grouped here by
 * patient. One item per line of the Patient files, in file-name and line order; then, as bad items, every resource
 * that refers to a patient missing from the export or cannot be read (nothing is dropped silently). Shared
 * Medication resources are kept (up to {@value #MAX_SHARED_CHARS} characters) and joined into the bundle of each
 * patient whose records refer to them; other resources about no patient (Practitioner, Organization...) are counted
 * by type and reported, and a reference to one that is missing is left for the FHIR reader to report as an issue.
 *
 * <p>Grouping without holding the export in memory: pass 1 reads the Patient files and numbers the patients (an
 * id-to-number map: about 100-150 bytes per patient); pass 2 streams every other file and appends each resource, tagged
 * with its patient's number, to one of at most {@value #MAX_CHUNKS} temporary chunk files (patients
 * {@code k * chunkSize} to {@code (k + 1) * chunkSize - 1} in chunk {@code k}); pass 3, the item source, walks the
 * Patient files again and loads one chunk at a time. Memory is therefore bounded by the id map plus the resources of
 * one chunk ({@code max(1000, patients / 256)} patients), whatever the size of the export; the temporary files (about
 * the size of the export) are deleted on close.
 */
final class BulkDataInput implements BatchInput<BulkDataInput.Group> {

    static final int MAX_CHUNKS = 256;
    /** Resources about no patient that patients' records refer to, joined into those patients' bundles. */
    static final Set<String> JOINED_TYPES = Set.of("Medication");
    /** At most this much shared-resource text is kept for joining (beyond it, they are counted as not joined). */
    static final long MAX_SHARED_CHARS = 64_000_000;
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    /** A reference to a joined type in a resource's JSON: relative or absolute, with or without _history. */
    private static final Pattern SHARED_REFERENCE = Pattern.compile(
            "\"reference\"\\s*:\\s*\"(?:[^\"]*/)?(Medication)/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^\"]*)?\"");
    static final int MIN_CHUNK_SIZE = 1000;
    private static final int MAX_LINE_BYTES = (int) FhirBundlesInput.MAX_BUNDLE_BYTES;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One patient's resources (the Patient first), or a line or resource that cannot be assessed. */
    record Group(Where where, String patient, List<String> resources, Problem problem) {
    }

    private final Path directory;
    private final List<Path> patientFiles;
    private final FhirCaseReader reader;
    private final LocalDate evaluationDate;
    private final Path temp;
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final Map<String, Long> notAboutAPatient = new TreeMap<>();
    /** Shared resources joined into the patients that refer to them: {@code Medication/id} -> its JSON line. */
    private final Map<String, String> shared = new HashMap<>();
    private long sharedChars;
    private int patients;
    private long resources;
    private long orphans;
    private int chunkSize;

    // pass 3
    private Iterator<Path> patientFileCursor;
    private Path currentFile;
    private NdjsonLines currentLines;
    private int ordinal;
    private int loadedChunk = -1;
    private Map<Integer, List<String>> chunk = Map.of();
    private BufferedReader orphanReader;

    private BulkDataInput(Path directory, List<Path> patientFiles, FhirCaseReader reader, LocalDate evaluationDate,
                          Path temp) {
        this.directory = directory;
        this.patientFiles = patientFiles;
        this.reader = reader;
        this.evaluationDate = evaluationDate;
        this.temp = temp;
    }

    /** Groups the export (passes 1 and 2); the items are then read in pass 3. */
    static BulkDataInput open(Path directory, List<Path> files, FhirCaseReader reader, LocalDate evaluationDate)
            throws IOException {
        return open(directory, files, reader, evaluationDate, MIN_CHUNK_SIZE);
    }

    /** As {@link #open(Path, List, FhirCaseReader, LocalDate)}, with chunks of at least {@code minChunkSize}. */
    static BulkDataInput open(Path directory, List<Path> files, FhirCaseReader reader, LocalDate evaluationDate,
                              int minChunkSize) throws IOException {
        List<Path> patientFiles = new ArrayList<>();
        List<Path> otherFiles = new ArrayList<>();
        for (Path file : files) {
            ("Patient".equals(resourceTypeOf(file)) ? patientFiles : otherFiles).add(file);
        }
        BulkDataInput input = new BulkDataInput(directory, patientFiles, reader, evaluationDate,
                Files.createTempDirectory("legcds-batch-"));
        try {
            input.numberPatients(minChunkSize);
            input.sortResources(otherFiles);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
        input.patientFileCursor = patientFiles.iterator();
        return input;
    }

    /** How many patients and resources the export holds (after grouping). */
    String describe() {
        return String.format(java.util.Locale.ROOT, "%,d patients, %,d other resources, %,d resources of no patient "
                + "of the export (reported last as bad items), %,d shared resources (Medication) joined into the "
                + "patients that refer to them; grouped in %d chunks", patients, resources, orphans, shared.size(),
                chunks());
    }

    /**
     * Resources that are about no patient (no {@code subject} or {@code patient} reference to a Patient), by type: not
     * assessed, not bad input (e.g. Medication, Practitioner); empty when there were none.
     */
    Map<String, Long> notAboutAPatient() {
        return notAboutAPatient;
    }

    // --- pass 1: number the patients ----------------------------------------------------------------------------

    private void numberPatients(int minChunkSize) throws IOException {
        for (Path file : patientFiles) {
            try (NdjsonLines lines = lines(file)) {
                for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                    int number = patients++;
                    JsonNode patient = line.text() == null ? null : parseOrNull(line.text());
                    if (patient != null && "Patient".equals(patient.path("resourceType").asText())
                            && patient.path("id").isTextual()) {
                        ordinals.putIfAbsent(patient.get("id").asText(), number);
                    }
                }
            }
        }
        chunkSize = Math.max(minChunkSize, (patients + MAX_CHUNKS - 1) / MAX_CHUNKS);
    }

    // --- pass 2: sort every other resource into its patient's chunk ----------------------------------------------

    private void sortResources(List<Path> files) throws IOException {
        BufferedWriter[] writers = new BufferedWriter[chunks()];
        try (BufferedWriter orphanWriter = Files.newBufferedWriter(temp.resolve("orphans"), StandardCharsets.UTF_8)) {
            for (Path file : files) {
                try (NdjsonLines lines = lines(file)) {
                    for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                        String where = directory.relativize(file) + ":" + line.number();
                        String problem = sortOne(line, writers);
                        if (problem != null) {
                            orphans++;
                            orphanWriter.write(where + '\t' + problem.replace('\n', ' ') + '\n');
                        }
                    }
                }
            }
        } finally {
            for (BufferedWriter writer : writers) {
                if (writer != null) {
                    writer.close();
                }
            }
        }
    }

    /** Appends the resource to its patient's chunk; or returns why it cannot be. */
    private String sortOne(NdjsonLines.Line line, BufferedWriter[] writers) throws IOException {
        if (line.problem() != null) {
            return line.problem().toString();
        }
        if (line.text().isBlank()) {
            return "the line is blank; expected one FHIR resource per line";
        }
        JsonNode resource = parseOrNull(line.text());
        if (resource == null || !resource.isObject()) {
            // a line that is not a resource: a bad item, in file order after the patients
            return "the line is not a JSON object; expected one FHIR resource per line";
        }
        String type = resource.path("resourceType").asText("");
        if (type.equals("Patient")) {
            return "a Patient outside the Patient files: a Bulk Data file holds resources of one type";
        }
        String reference = patientReference(resource);
        if (reference == null) {
            if (type.isEmpty()) {
                return "the line has no resourceType; expected one FHIR resource per line";
            }
            String id = resource.path("id").asText("");
            if (JOINED_TYPES.contains(type) && FHIR_ID.matcher(id).matches()
                    && sharedChars + line.text().length() <= MAX_SHARED_CHARS) {
                String earlier = shared.putIfAbsent(type + "/" + id, line.text());
                if (earlier != null && !earlier.equals(line.text())) {
                    return "a second, different " + type + "/" + id + ": the export must give each resource once";
                }
                sharedChars += earlier == null ? line.text().length() : 0;
                return null;
            }
            notAboutAPatient.merge(type, 1L, Long::sum); // e.g. Practitioner: counted and reported
            return null;
        }
        Integer number = ordinals.get(reference);
        if (number == null) {
            return "the " + type + " refers to Patient/" + reference + ", which is not in the export";
        }
        resources++;
        int k = number / chunkSize;
        if (writers[k] == null) {
            writers[k] = Files.newBufferedWriter(chunkFile(k), StandardCharsets.UTF_8);
        }
        writers[k].write(number + "\t" + line.text() + "\n"); // a JSON line holds no raw newline
        return null;
    }

    /** The id of the patient a resource is about ({@code subject} or {@code patient}: Patient/id), or null. */
    static String patientReference(JsonNode resource) {
        for (String field : new String[] {"subject", "patient"}) {
            JsonNode reference = resource.path(field).path("reference");
            if (reference.isTextual()) {
                String text = reference.asText();
                int at = text.startsWith("Patient/") ? 0 : text.lastIndexOf("/Patient/") + 1;
                if (at >= 0 && text.startsWith("Patient/", at)) {
                    String id = text.substring(at + "Patient/".length());
                    int history = id.indexOf('/');
                    return history < 0 ? id : id.substring(0, history);
                }
            }
        }
        return null;
    }

    // --- pass 3: the items ---------------------------------------------------------------------------------------

    @Override
    public Group next() throws IOException {
        NdjsonLines.Line line = nextPatientLine();
        if (line != null) {
            int number = ordinal++;
            if (number / chunkSize != loadedChunk) {
                load(number / chunkSize);
            }
            List<String> own = chunk.remove(number);
            Where where = Where.source(directory.relativize(currentFile) + ":" + line.number());
            return group(where, line, number, own == null ? List.of() : own);
        }
        if (orphanReader == null) {
            orphanReader = Files.newBufferedReader(temp.resolve("orphans"), StandardCharsets.UTF_8);
        }
        String orphan = orphanReader.readLine();
        if (orphan == null) {
            return null;
        }
        int tab = orphan.indexOf('\t');
        return new Group(Where.source(orphan.substring(0, tab)), null, List.of(),
                Problem.stated("$", orphan.substring(tab + 1)));
    }

    private Group group(Where where, NdjsonLines.Line line, int number, List<String> own) {
        if (line.problem() != null) {
            return new Group(where, null, own, line.problem());
        }
        JsonNode patient = line.text().isBlank() ? null : parseOrNull(line.text());
        if (patient == null || !"Patient".equals(patient.path("resourceType").asText())
                || !patient.path("id").isTextual()) {
            return new Group(where, null, own, Problem.stated("$", line.text().isBlank()
                    ? "the line is blank; expected one Patient resource per line"
                    : "expected a Patient resource with an id (the file holds Patients)"));
        }
        String id = patient.get("id").asText();
        if (ordinals.get(id) != number) {
            return new Group(where, null, own, new Problem("id", "'" + id + "'",
                    "a Patient id used once in the export (an earlier Patient has it; its resources went there)"));
        }
        return new Group(where, line.text(), own, null);
    }

    private NdjsonLines.Line nextPatientLine() throws IOException {
        while (true) {
            if (currentLines != null) {
                NdjsonLines.Line line = currentLines.next();
                if (line != null) {
                    return line;
                }
                currentLines.close();
                currentLines = null;
            }
            if (!patientFileCursor.hasNext()) {
                return null;
            }
            currentFile = patientFileCursor.next();
            currentLines = lines(currentFile);
        }
    }

    private void load(int k) throws IOException {
        chunk = new HashMap<>();
        loadedChunk = k;
        Path file = chunkFile(k);
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int tab = line.indexOf('\t');
                chunk.computeIfAbsent(Integer.parseInt(line.substring(0, tab)), n -> new ArrayList<>())
                        .add(line.substring(tab + 1));
            }
        }
        Files.delete(file);
    }

    // --- work ----------------------------------------------------------------------------------------------------

    @Override
    public Outcome assess(Group group, LegCds engine) {
        if (group.problem() != null) {
            return Outcome.bad(group.where(), List.of(group.problem()));
        }
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[")
                .append("{\"resource\":").append(group.patient()).append('}');
        Set<String> joined = new LinkedHashSet<>();
        for (String resource : group.resources()) {
            bundle.append(",{\"resource\":").append(resource).append('}');
            if (!shared.isEmpty()) {
                Matcher reference = SHARED_REFERENCE.matcher(resource);
                while (reference.find()) {
                    joined.add(reference.group(1) + "/" + reference.group(2));
                }
            }
        }
        for (String key : joined) {
            String resource = shared.get(key); // one the export lacks is left for the reader to report
            if (resource != null) {
                bundle.append(",{\"resource\":").append(resource).append('}');
            }
        }
        bundle.append("]}");
        try {
            return FhirBundlesInput.assess(group.where(), reader.readJson(bundle.toString(), evaluationDate), engine);
        } catch (InvalidCaseException e) {
            return Outcome.bad(group.where(), e.problems());
        } catch (RuntimeException e) {
            return Outcome.failed(group.where(), e);
        }
    }

    @Override
    public long expectedTotal(long done) {
        return (long) patients + orphans;
    }

    @Override
    public void close() throws IOException {
        if (currentLines != null) {
            currentLines.close();
        }
        if (orphanReader != null) {
            orphanReader.close();
        }
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private int chunks() {
        return Math.max(1, (patients + chunkSize - 1) / chunkSize);
    }

    private Path chunkFile(int k) {
        return temp.resolve("chunk-" + k);
    }

    private static NdjsonLines lines(Path file) throws IOException {
        return new NdjsonLines(Files.newInputStream(file), MAX_LINE_BYTES);
    }

    private static JsonNode parseOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The resourceType of the first line of a file that is a JSON object with one; null if none. */
    private static String resourceTypeOf(Path file) throws IOException {
        try (NdjsonLines lines = lines(file)) {
            for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                JsonNode resource = line.text() == null ? null : parseOrNull(line.text());
                if (resource != null && resource.path("resourceType").isTextual()) {
                    return resource.get("resourceType").asText();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return null;
    }
}
