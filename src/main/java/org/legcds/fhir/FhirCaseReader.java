package org.legcds.fhir;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * Reads FHIR R4 resources into a {@link org.legcds.facts.Case}: the patient (age at the evaluation date, sex,
 * pregnancy) and the findings that the code maps find in its conditions, observations, medicines and procedures.
 *
 * <pre>{@code
 * FhirCaseReader reader = FhirCaseReader.standard();           // once; share it
 * FhirReading reading = reader.read(bundle, LocalDate.of(2026, 11, 21));
 * Assessment assessment = LegCds.packaged().assess(reading.patientCase());
 * reading.issues().forEach(System.out::println);              // show these to the clinician
 * }</pre>
 *
 * <p>What is read:
 * <ul>
 *   <li>{@code Condition}: clinical status active, recurrence or relapse is present; verification status refuted is
 *       absent; entered-in-error is not read; resolved, inactive and remission are not read unless the code map marks
 *       the item a history (e.g. cancer). Inconsistent onset and abatement are reported (an active condition with an
 *       abatement is read as its status says; one abated after the evaluation date was current on it).</li>
 *   <li>{@code Observation}: final, amended or corrected; a quantity in an accepted unit (identities such as
 *       {@code m[IU]/L} = {@code mIU/L} only, never a conversion), a value at or above a threshold the code map names
 *       (total cholesterol 240 mg/dL or more is high cholesterol), a coded or yes/no answer, or a
 *       {@code dataAbsentReason} (unknown). Of several observations of one code and side, the latest effective on or
 *       before the evaluation date is read; different values at the same time are an issue; if the latest cannot be
 *       read it is an issue and no older value takes its place. When the latest is older than the
 *       {@linkplain #withCurrentWindow current window} it is reported and treated as history (not read), unless the
 *       item is a history (smoking, high cholesterol).</li>
 *   <li>Medicines ({@code MedicationRequest}, {@code MedicationStatement}, {@code MedicationAdministration}), by code
 *       or by reference to a contained or bundled {@code Medication} and its ingredients: active or on hold is
 *       current; a completed or stopped course counts only if it ended within the current window, or if the item is
 *       a history (chemotherapy). {@code Procedure}.</li>
 *   <li>Records that are not established (a condition unconfirmed, provisional or differential, or without clinical
 *       status; an observation preliminary, registered or without status; a medicine or procedure of unknown status;
 *       anything dated after the evaluation date) are reported as issues and not read, except a red flag
 *       ({@code safe-side.csv}) that such a record says is there: it is read as present, on the safe side, and its
 *       issue says so ("reported, unconfirmed").</li>
 *   <li>Whose record: a subject must resolve to the Patient (or a copy of it, as an {@code _include} search returns
 *       it); an absolute URL only when it is the Patient's own full URL; an identifier only when the Patient carries
 *       it (system and value). Otherwise, and for a subject named only by display text, the record is reported and
 *       not read. A record without a subject, in one patient's data, is that patient's.</li>
 *   <li>Side from the code itself (ICD-10-CM "pain in left leg") or from {@code bodySite}.</li>
 * </ul>
 * Codes that map to nothing are ignored by design. A resource that maps to something but cannot be read becomes an
 * {@link InputIssue}. Input that cannot form a case at all (no Patient, more than one, copies of one Patient that
 * disagree on gender or birth date, JSON that is not FHIR) throws {@link InvalidCaseException}.
 *
 * <p><b>Thread-safety:</b> immutable and thread-safe; build once and share. <b>Nullness:</b> no method accepts or
 * returns null.
 */
public final class FhirCaseReader {

    /** The largest JSON text {@link #readJson} accepts, in characters (a bundle with years of history is a few MB). */
    public static final int MAX_JSON_CHARS = 64_000_000;

    /** The largest decimal exponent a number may have ({@code 1e400}); no clinical value comes near it. */
    static final int MAX_EXPONENT = 400;

    private static final JsonFactory SCAN = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build()).build();

    /** The default {@link #withCurrentWindow current window}: one year. */
    public static final Period DEFAULT_CURRENT_WINDOW = Period.ofYears(1);

    private static final class Standard {
        static final FhirCaseReader READER = new FhirCaseReader(CodeMap.packaged(), DEFAULT_CURRENT_WINDOW);
    }

    private final CodeMap codeMap;
    private final Period currentWindow;

    private FhirCaseReader(CodeMap codeMap, Period currentWindow) {
        this.codeMap = codeMap;
        this.currentWindow = currentWindow;
    }

    /**
     * This reader with another current window (default {@link #DEFAULT_CURRENT_WINDOW one year}): how far back from
     * the evaluation date a record still says something about now. When the latest observation of a symptom, sign or
     * test result is older, it is reported and treated as history (not read as current); a medicine course that ended
     * before the window is history, not a current medicine. Histories (diabetes, smoking, high cholesterol, cancer,
     * chemotherapy) count whatever their age.
     *
     * @param window a positive period, e.g. {@code Period.ofMonths(6)}
     * @return a new reader with the same code maps; this one is unchanged
     * @throws IllegalArgumentException if the window is zero or negative
     */
    public FhirCaseReader withCurrentWindow(Period window) {
        requireNonNull(window, "window must not be null");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the current window must be positive, not " + window);
        }
        return new FhirCaseReader(codeMap, window);
    }

    /**
     * How far back a record still counts as current (see {@link #withCurrentWindow}).
     *
     * @return the current window; one year unless set
     */
    public Period currentWindow() {
        return currentWindow;
    }

    /**
     * A reader with the code maps packaged in the jar.
     *
     * @return the shared reader, loaded on first use
     * @throws IllegalStateException naming the dependency to add, if HAPI FHIR's R4 structures are not on the class path
     */
    public static FhirCaseReader standard() {
        Hapi.require();
        return Standard.READER;
    }

    /**
     * A reader with an informatician's edited copy of the code maps: a directory with the same files as
     * {@code src/main/resources/org/legcds/fhir/} (every {@code *.csv} is loaded).
     *
     * @param directory the directory of code-map files
     * @return a new reader with those code maps and the default current window
     * @throws IllegalArgumentException naming every file and line that is wrong
     * @throws IllegalStateException    naming the dependency to add, if HAPI FHIR's R4 structures are not on the class
     *                                  path
     */
    public static FhirCaseReader withMappings(Path directory) {
        requireNonNull(directory, "directory must not be null");
        Hapi.require();
        return new FhirCaseReader(CodeMap.load(directory), DEFAULT_CURRENT_WINDOW);
    }

    /**
     * Reads a Bundle (collection, searchset, transaction, ...; nested bundles too), resolving {@code urn:uuid},
     * relative and absolute references between its entries.
     *
     * @param bundle         the patient's records
     * @param evaluationDate the date the case is assessed for (age, currency and records dated after it are read
     *                       against it)
     * @return the case and every relevant record that could not be read
     * @throws InvalidCaseException if it holds no Patient or more than one, or copies of the Patient that disagree
     */
    public FhirReading read(Bundle bundle, LocalDate evaluationDate) {
        requireNonNull(bundle, "bundle must not be null");
        requireNonNull(evaluationDate, "evaluationDate must not be null");
        return new Reading(codeMap, evaluationDate, currentWindow, List.of()).read(bundle);
    }

    /**
     * Reads loose resources, e.g. a CDS Hooks prefetch (the Patient, plus the entries of searchset bundles flattened by
     * the caller). References between them resolve by {@code Type/id}.
     *
     * @param resources      the patient's records, including the Patient
     * @param evaluationDate the date the case is assessed for
     * @return the case and every relevant record that could not be read
     * @throws InvalidCaseException if they hold no Patient or more than one, or copies of the Patient that disagree
     */
    public FhirReading read(List<? extends Resource> resources, LocalDate evaluationDate) {
        requireNonNull(resources, "resources must not be null");
        requireNonNull(evaluationDate, "evaluationDate must not be null");
        return new Reading(codeMap, evaluationDate, currentWindow, List.of()).read(resources);
    }

    /**
     * Reads the JSON text of a Bundle or of a single resource (a leading UTF-8 byte order mark is skipped). Elements
     * the FHIR parser does not know and values it cannot read are reported as issues.
     *
     * @param json           FHIR R4 JSON; at most {@value #MAX_JSON_CHARS} characters
     * @param evaluationDate the date the case is assessed for
     * @return the case and every relevant record that could not be read, including what the parser could not read
     * @throws InvalidCaseException if the text is not JSON, not FHIR, too large, or holds no Patient or more than one
     */
    public FhirReading readJson(String json, LocalDate evaluationDate) {
        requireNonNull(json, "json must not be null");
        requireNonNull(evaluationDate, "evaluationDate must not be null");
        if (json.length() > MAX_JSON_CHARS) {
            throw new InvalidCaseException(List.of(new Problem("$", json.length() + " characters",
                    "FHIR JSON of at most " + MAX_JSON_CHARS + " characters")));
        }
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a UTF-8 byte order mark, as some editors and exporters write: not content
        }
        if (json.isBlank()) {
            throw new InvalidCaseException(List.of(Problem.stated("$", "the FHIR JSON is empty")));
        }
        refuseHugeNumbers(json);
        Collector collector = new Collector();
        IBaseResource parsed = collector.parse(json);
        Reading reading = new Reading(codeMap, evaluationDate, currentWindow, collector.issues);
        if (parsed instanceof Bundle bundle) {
            return reading.read(bundle);
        }
        if (parsed instanceof Resource resource) {
            return reading.read(List.of(resource));
        }
        throw new InvalidCaseException(List.of(Problem.stated("$", "not an R4 resource: " + parsed.fhirType())));
    }

    /**
     * Refuses a number whose exponent is out of all proportion ({@code 1e99999999}): HAPI would expand it to its plain
     * digits (100 million characters) wherever a string is expected. Malformed JSON is left to HAPI to report.
     */
    private static void refuseHugeNumbers(String json) {
        try (JsonParser scan = SCAN.createParser(json)) {
            for (JsonToken token = scan.nextToken(); token != null; token = scan.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                    String text = scan.getText();
                    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
                    if (e >= 0 && exponentTooLarge(text.substring(e + 1))) {
                        String where = scan.getParsingContext().pathAsPointer().toString();
                        throw new InvalidCaseException(List.of(new Problem(where.isEmpty() ? "$" : where, text,
                                "a number with an exponent of at most " + MAX_EXPONENT)));
                    }
                }
            }
        } catch (IOException malformed) {
            // not JSON, or beyond the scanner's limits: the FHIR parser reports it in its own words
        }
    }

    private static boolean exponentTooLarge(String exponent) {
        String digits = exponent.startsWith("+") || exponent.startsWith("-") ? exponent.substring(1) : exponent;
        digits = digits.replaceFirst("^0+(?=\\d)", "");
        return digits.length() > 3 || Integer.parseInt(digits) > MAX_EXPONENT;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.lines().findFirst().orElse("");
        text = text.replaceFirst("^HAPI-\\d+: ", "");
        return text.length() > 300 ? text.substring(0, 297) + "..." : text; // it may quote a huge input value
    }

    /** The parser's complaints about elements and values, as issues (HAPI's default would log or throw instead). */
    private static final class Collector implements IParserErrorHandler {
        private final List<InputIssue> issues = new ArrayList<>();

        /**
         * Parses with HAPI, reporting to this collector. Here rather than in {@code readJson}: the verifier loads the
         * HAPI types that code passes on or catches with the class that holds it, and FhirCaseReader must load without
         * HAPI so that {@link #standard()} can say that it is missing.
         */
        IBaseResource parse(String json) {
            IParser parser = FhirContext.forR4Cached().newJsonParser();
            parser.setParserErrorHandler(this);
            try {
                return parser.parseResource(json);
            } catch (DataFormatException e) {
                throw new InvalidCaseException(List.of(Problem.stated("$", "not FHIR R4 JSON: "
                        + firstLine(e.getMessage()))));
            } catch (RuntimeException e) {
                // HAPI throws others for some malformed input (e.g. an unknown Bundle.entry.request.method): bad input
                throw new InvalidCaseException(List.of(Problem.stated("$", "not readable FHIR R4 JSON: "
                        + firstLine(e.getMessage()))));
            }
        }

        private void add(IParseLocation location, String field, String problem) {
            String parent = location == null || location.getParentElementName() == null ? ""
                    : location.getParentElementName();
            issues.add(new InputIssue("(JSON)", parent.isEmpty() ? field : parent + "." + field, problem));
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            add(location, "contained", "a contained resource has no id, so nothing can refer to it");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            add(location, element, "expected a JSON " + (expectedScalar == null ? expected : expectedScalar).toString()
                    .toLowerCase() + " but found a " + (foundScalar == null ? found : foundScalar).toString().toLowerCase());
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            add(location, "value", Reading.quote(value) + " is not valid: " + firstLine(error));
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String element) {
            // the reader reports what it needs and cannot find, where it matters
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String element) {
            add(location, element, "repeats but may occur only once");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String name) {
            add(location, name, "unknown attribute, ignored");
        }

        @Override
        public void unknownElement(IParseLocation location, String name) {
            add(location, name, "unknown element, ignored (a misspelling?)");
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            // references are resolved, and reported when they matter, by the reader
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            // as above
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            add(location, "extension", "an extension has both a value and nested extensions");
        }
    }
}
