package org.legcds.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.fhir.FhirCaseReader;
import org.legcds.fhir.FhirReading;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * A directory of FHIR R4 Bundles, one patient per {@code *.json} file, taken in file-name order. Each file is read by
 * a worker when its turn comes, so memory holds only the window's bundles (and the sorted file names, about 100 bytes
 * each). A file that cannot form a case is a bad item; what the reader could not use is listed in {@code issues}.
 * Files of resources about no patient (Synthea's hospital and practitioner files, see {@link #sharedResourcesOnly})
 * are left out by the command, with a note.
 */
final class FhirBundlesInput implements BatchInput<Path> {

    /** The largest bundle accepted, in bytes (beyond it, a bad item; memory stays bounded). */
    static final long MAX_BUNDLE_BYTES = 16_000_000;

    private final Path directory;
    private final Iterator<Path> files;
    private final int count;
    private final FhirCaseReader reader;
    private final LocalDate evaluationDate;

    FhirBundlesInput(Path directory, List<Path> files, FhirCaseReader reader, LocalDate evaluationDate) {
        this.directory = directory;
        this.files = files.iterator();
        this.count = files.size();
        this.reader = reader;
        this.evaluationDate = evaluationDate;
    }

    @Override
    public Path next() {
        return files.hasNext() ? files.next() : null;
    }

    @Override
    public Outcome assess(Path file, LegCds engine) {
        Where where = Where.source(directory.relativize(file).toString());
        FhirReading reading;
        try {
            long size = Files.size(file);
            if (size > MAX_BUNDLE_BYTES) {
                return Outcome.bad(where, List.of(new Problem("$", size + " bytes",
                        "a bundle of at most " + MAX_BUNDLE_BYTES + " bytes")));
            }
            reading = reader.readJson(Files.readString(file, StandardCharsets.UTF_8), evaluationDate);
        } catch (CharacterCodingException e) {
            return Outcome.bad(where, List.of(Problem.stated("$", "the file is not UTF-8 text")));
        } catch (IOException e) {
            return Outcome.bad(where, List.of(Problem.stated("$", "cannot read the file: " + Failure.reason(e))));
        } catch (InvalidCaseException e) {
            return Outcome.bad(where, e.problems());
        } catch (RuntimeException e) {
            return Outcome.failed(where, e);
        }
        return FhirBundlesInput.assess(where, reading, engine);
    }

    /** Assesses what a FHIR reader read: the record carries the reading's issues. */
    static Outcome assess(Where where, FhirReading reading, LegCds engine) {
        try {
            Assessment assessment = engine.assess(reading.patientCase());
            return Outcome.assessed(where, reading.patientCase().patient().id(), reading.issues(), assessment);
        } catch (InvalidCaseException e) {
            return Outcome.bad(where, e.problems());
        } catch (RuntimeException e) {
            return Outcome.failed(where, e);
        }
    }

    /** Resource types about no patient that a FHIR exporter writes in files of their own (Synthea's hospital,
     *  practitioner and shared-medication files). */
    static final Set<String> SHARED_TYPES = Set.of("Bundle", "Organization", "Location", "Practitioner",
            "PractitionerRole", "HealthcareService", "Endpoint", "Medication", "Device");

    /**
     * Whether a file is a bundle of resources about no patient only (Organization, Location, Practitioner, ...), as
     * Synthea writes beside the patients ({@code hospitalInformation*.json}, {@code practitionerInformation*.json}):
     * such a file is skipped with a note, not reported as a bad case. Stops at the first Patient (usually the first
     * entry), so a patient's bundle costs a few kilobytes of reading; anything unreadable is left to the FHIR reader.
     */
    static boolean sharedResourcesOnly(Path file) {
        try {
            if (Files.size(file) > MAX_BUNDLE_BYTES) {
                return false;
            }
            boolean any = false;
            try (JsonParser parser = SCAN.createParser(file.toFile())) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.FIELD_NAME && "resourceType".equals(parser.currentName())) {
                        String type = parser.nextTextValue();
                        if (type == null || !SHARED_TYPES.contains(type)) {
                            return false; // a Patient, or a resource about one: a patient's bundle
                        }
                        any |= !type.equals("Bundle");
                    }
                }
            }
            return any;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static final JsonFactory SCAN = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1_000).build()).build();

    @Override
    public long expectedTotal(long done) {
        return count;
    }

    @Override
    public void close() {
    }
}
