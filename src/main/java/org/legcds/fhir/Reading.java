package org.legcds.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.fhir.CodeMap.Mapping;
import org.legcds.fhir.CodeMap.Read;
import org.legcds.problems.Escaping;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;
import org.legcds.vocabulary.FindingDefinition;

/** One reading: the state of reading one patient's resources. Not thread-safe; one per call. */
final class Reading {

    /** Pregnancy evidence from an observation older than this (42 weeks) says nothing about today. */
    static final int PREGNANCY_DAYS = 294;
    private static final int MAX_NESTING = 5;

    private final CodeMap map;
    private final org.legcds.vocabulary.Vocabulary vocabulary;
    private final LocalDate date;
    /** Observations before this day, and medicine courses that ended before it, are history, not current. */
    private final LocalDate currentSince;
    private final List<InputIssue> issues = new ArrayList<>();
    private final List<Resource> resources = new ArrayList<>();
    private final Map<Resource, String> fullUrls = new IdentityHashMap<>();
    private final Map<Resource, String> names = new IdentityHashMap<>();
    private final Map<String, Resource> index = new LinkedHashMap<>();
    private final List<Statement> statements = new ArrayList<>();
    private org.hl7.fhir.r4.model.Patient patient;
    /** The Patient and its copies (the same Patient twice, as an {@code _include} search returns it). */
    private final Set<Resource> patientCopies = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Reading(CodeMap map, LocalDate date, java.time.Period currentWindow, List<InputIssue> parseIssues) {
        this.map = map;
        this.vocabulary = map.vocabulary();
        this.date = date;
        this.currentSince = date.minus(currentWindow);
        this.issues.addAll(parseIssues);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // collecting and indexing

    FhirReading read(Bundle bundle) {
        collect(bundle, 0);
        return finish();
    }

    FhirReading read(List<? extends Resource> loose) {
        for (Resource resource : loose) {
            if (resource instanceof Bundle bundle) {
                collect(bundle, 1);
            } else if (resource != null) {
                add(resource, null);
            }
        }
        return finish();
    }

    private void collect(Bundle bundle, int depth) {
        if (depth > MAX_NESTING) {
            issues.add(new InputIssue("Bundle", "entry", "bundles nested more than " + MAX_NESTING + " deep are not read"));
            return;
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.hasRequest() && entry.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
                continue;
            }
            Resource resource = entry.getResource();
            if (resource instanceof Bundle nested) {
                collect(nested, depth + 1);
            } else if (resource != null) {
                add(resource, entry.hasFullUrl() ? entry.getFullUrl() : null);
            }
        }
    }

    private void add(Resource resource, String fullUrl) {
        resources.add(resource);
        if (fullUrl != null) {
            fullUrls.put(resource, fullUrl);
        }
        String type = resource.fhirType();
        String value = resource.getIdElement().getValue();
        String idPart = resource.getIdElement().getIdPart();
        boolean urnId = value != null && value.startsWith("urn:");
        String name = !urnId && idPart != null ? type + "/" + idPart
                : fullUrl != null ? fullUrl : urnId ? value : type + "[" + resources.size() + "]";
        names.put(resource, name);
        for (String key : keys(type, fullUrl, value, idPart, urnId)) {
            index.putIfAbsent(key, resource);
        }
    }

    private static List<String> keys(String type, String fullUrl, String value, String idPart, boolean urnId) {
        List<String> keys = new ArrayList<>();
        if (fullUrl != null) {
            keys.add(fullUrl);
            String suffix = relativePart(fullUrl);
            if (suffix != null) {
                keys.add(suffix);
            }
        }
        if (urnId) {
            keys.add(value);
        } else if (idPart != null) {
            keys.add(type + "/" + idPart);
            if (value != null && value.contains("://")) {
                keys.add(value);
            }
        }
        return keys;
    }

    /** "Type/id" at the end of an absolute URL (without _history), or null. */
    private static String relativePart(String url) {
        String stripped = url.replaceFirst("/_history/[^/]*$", "");
        String[] parts = stripped.split("/");
        if (parts.length >= 2 && !parts[parts.length - 2].isEmpty()
                && Character.isUpperCase(parts[parts.length - 2].charAt(0))) {
            return parts[parts.length - 2] + "/" + parts[parts.length - 1];
        }
        return null;
    }

    /** How a resource is named in issues: Type/id, else its fullUrl (shortened if huge). */
    private String name(Resource resource) {
        return shorten(names.getOrDefault(resource, resource.fhirType()));
    }

    /** At most 100 characters of an input value, so a message never quotes a huge one whole. */
    static String shorten(String text) {
        return text == null ? "" : Escaping.inline(text.length() > 100 ? text.substring(0, 97) + "..." : text);
    }

    /** An input value in quotes, shortened. */
    static String quote(String text) {
        return text == null ? "''" : Escaping.quote(text.length() > 100 ? text.substring(0, 97) + "..." : text);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the patient

    private FhirReading finish() {
        List<org.hl7.fhir.r4.model.Patient> patients = new ArrayList<>();
        Map<String, List<org.hl7.fhir.r4.model.Patient>> copies = new LinkedHashMap<>();
        for (Resource resource : resources) {
            if (resource instanceof org.hl7.fhir.r4.model.Patient p) {
                List<org.hl7.fhir.r4.model.Patient> same = copies.computeIfAbsent(names.getOrDefault(p, "Patient"),
                        k -> new ArrayList<>());
                if (same.isEmpty()) {
                    patients.add(p);
                }
                same.add(p);
            }
        }
        Set<String> seen = copies.keySet();
        if (patients.isEmpty()) {
            throw new InvalidCaseException(List.of(new Problem("Patient", "missing",
                    "exactly one Patient resource (the patient to assess)")));
        }
        if (patients.size() > 1) {
            List<String> shown = seen.stream().limit(5).map(Reading::shorten).toList();
            throw new InvalidCaseException(List.of(new Problem("Patient", String.join(", ", shown)
                    + (seen.size() > shown.size() ? " and " + (seen.size() - shown.size()) + " more" : ""),
                    "exactly one Patient: legcds assesses one patient at a time")));
        }
        patient = patients.get(0);
        List<org.hl7.fhir.r4.model.Patient> same = copies.get(names.getOrDefault(patient, "Patient"));
        for (org.hl7.fhir.r4.model.Patient copy : same) {
            if (!Objects.equals(copy.getGenderElement().getValueAsString(), patient.getGenderElement().getValueAsString())
                    || !Objects.equals(copy.getBirthDateElement().getValueAsString(),
                    patient.getBirthDateElement().getValueAsString())) {
                throw new InvalidCaseException(List.of(new Problem("Patient", name(patient) + " twice",
                        "copies of one Patient that agree on gender and birth date (these differ)")));
            }
        }
        patientCopies.addAll(same);
        for (Resource resource : resources) {
            if (resource instanceof Condition c) {
                condition(c);
            } else if (resource instanceof Observation o) {
                observation(o);
            } else if (resource instanceof Procedure p) {
                procedure(p);
            } else if (resource instanceof MedicationRequest m) {
                medicationRequest(m);
            } else if (resource instanceof MedicationStatement m) {
                medicationStatement(m);
            } else if (resource instanceof MedicationAdministration m) {
                medicationAdministration(m);
            }
        }
        Map<Key, Statement> chosen = merge();
        Status pregnancy = Status.UNKNOWN;
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Key, Statement> e : chosen.entrySet()) {
            Statement s = e.getValue();
            if (e.getKey().code() == null) {
                pregnancy = s.status();
            } else {
                findings.add(s.finding());
            }
        }
        Patient person = person(pregnancy);
        try {
            return new FhirReading(new Case(person, date, findings), issues);
        } catch (InvalidCaseException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseException(List.of(Problem.stated("$", e.getMessage())));
        }
    }

    private Patient person(Status pregnancy) {
        String where = name(patient);
        String id = patient.getIdElement().getIdPart() != null && !where.startsWith("urn:") ? patient.getIdElement().getIdPart()
                : fullUrls.getOrDefault(patient, where);
        AdministrativeGender gender = patient.getGender(); // null when absent or not a valid code
        Sex sex = switch (gender == null ? AdministrativeGender.UNKNOWN : gender) {
            case MALE -> Sex.MALE;
            case FEMALE -> Sex.FEMALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
        if (sex == Sex.MALE && pregnancy == Status.PRESENT) {
            issues.add(new InputIssue(where, "gender", "the record says pregnant, but gender is male: pregnancy left unknown"));
            pregnancy = Status.UNKNOWN;
        }
        Integer age = null;
        if (patient.hasBirthDateElement() && patient.getBirthDateElement().getValueAsString() != null) {
            String text = patient.getBirthDateElement().getValueAsString();
            LocalDate earliest;
            LocalDate latest;
            try {
                earliest = start(text);
                latest = end(text);
            } catch (DateTimeParseException e) {
                throw new InvalidCaseException(List.of(new Problem(where + ".birthDate", quote(text),
                        "a date YYYY-MM-DD")));
            }
            if (earliest.isAfter(date)) {
                throw new InvalidCaseException(List.of(new Problem(where + ".birthDate", quote(text),
                        "a birth date on or before the evaluation date " + date)));
            }
            int oldest = Period.between(earliest, date).getYears();
            int youngest = latest.isAfter(date) ? 0 : Period.between(latest, date).getYears();
            if (oldest == youngest) {
                age = oldest;
            } else {
                issues.add(new InputIssue(where, "birthDate", quote(text) + " gives an age of " + youngest + " to "
                        + oldest + " years: age left unknown"));
            }
            if (age != null && age > Patient.MAX_AGE) {
                throw new InvalidCaseException(List.of(new Problem(where + ".birthDate", quote(text),
                        "a birth date giving an age of at most " + Patient.MAX_AGE)));
            }
        }
        return new Patient(id, age, sex, pregnancy);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // conditions, procedures, medicines

    private void condition(Condition condition) {
        Optional<Mapping> found = mapping(condition, "code", condition.getCode());
        if (found.isEmpty()) {
            return;
        }
        Mapping m = found.get();
        String where = name(condition);
        String verification = code(condition.getVerificationStatus());
        if ("entered-in-error".equals(verification) || !belongsToPatient(condition, condition.getSubject(), "subject")) {
            return;
        }
        if (m.read() == Read.QUANTITY || m.read() == Read.THRESHOLD) {
            issues.add(new InputIssue(where, "code", m.code() + " is a measurement (" + m.targetName()
                    + "), which a Condition cannot carry"));
            return;
        }
        Sided sided = side(condition, m, condition.getBodySite());
        if (sided == null) {
            return;
        }
        Laterality side = sided.side();
        LocalDate onset = firstDay(condition.hasOnsetDateTimeType() ? condition.getOnsetDateTimeType()
                : condition.hasOnsetPeriod() ? condition.getOnsetPeriod().getStartElement() : null);
        LocalDate recorded = firstDay(condition.getRecordedDateElement());
        LocalDate dated = onset != null ? onset : recorded;
        if (dated != null && dated.isAfter(date)) {
            notEstablished(m, side, where, onset != null ? "onset" : "recordedDate", "dated " + dated
                    + ", after the evaluation date " + date);
            return;
        }
        if ("refuted".equals(verification)) {
            state(m, side, m.read() == Read.ABSENCE ? Status.PRESENT : Status.ABSENT, where, Kind.RECORD, null);
            return;
        }
        String clinical = code(condition.getClinicalStatus());
        LocalDate abated = firstDay(condition.hasAbatementDateTimeType() ? condition.getAbatementDateTimeType()
                : condition.hasAbatementPeriod() ? condition.getAbatementPeriod().getStartElement() : null);
        boolean hasAbatement = condition.hasAbatement()
                && !(condition.getAbatement() instanceof BooleanType b && !b.booleanValue());
        if (onset != null && abated != null && abated.isBefore(onset)) {
            issues.add(new InputIssue(where, "abatement[x]", "abated " + abated + ", before its onset " + onset
                    + ": the dates are inconsistent (read by its clinical status)"));
        }
        boolean current = oneOf(clinical, "active", "recurrence", "relapse");
        if (current && hasAbatement && (abated == null || !abated.isAfter(date))) {
            issues.add(new InputIssue(where, "abatement[x]", "clinical status '" + clinical + "' but abated"
                    + (abated == null ? "" : " " + abated) + ": inconsistent; read as current, as its status says"));
        } else if (!current && clinical != null && abated != null && abated.isAfter(date)) {
            issues.add(new InputIssue(where, "abatement[x]", "abated " + abated + ", after the evaluation date " + date
                    + ": it was current on that date, so read as current"));
            current = true;
        }
        if (clinical == null) {
            if (hasAbatement && (abated == null || !abated.isAfter(date))) {
                return; // abated: no longer present
            }
            notEstablished(m, side, where, "clinicalStatus", "no clinical status, so it cannot be told whether "
                    + m.targetName() + " is current");
            return;
        }
        if (verification != null && !"confirmed".equals(verification)) {
            if (current) { // unconfirmed, provisional, differential: a suspicion, not a finding
                notEstablished(m, side, where, "verificationStatus", "verification status '" + verification + "'");
            }
            return;
        }
        if (current || m.history()) {
            state(m, side, m.read() == Read.ABSENCE ? Status.ABSENT : Status.PRESENT, where, Kind.RECORD, null);
        }
    }

    /**
     * A record that is not established (unconfirmed, provisional, preliminary, without status, dated after the
     * evaluation date) is reported; for a red flag ({@code safe-side.csv}) that the record says is there, it is also
     * read as present, on the safe side ("reported, unconfirmed"). It is never dropped silently.
     */
    private void notEstablished(Mapping m, Laterality side, String where, String field, String why) {
        List<FindingDefinition> safe = m.read() == Read.PRESENCE ? m.targets().stream().filter(map::safeSide).toList() : List.of();
        if (safe.isEmpty()) {
            issues.add(new InputIssue(where, field, why + ": " + m.targetName() + " not read"));
            return;
        }
        for (FindingDefinition target : safe) {
            statements.add(new Statement(new Key(target, side), Status.PRESENT, null, null, where, Kind.RECORD, null));
        }
        issues.add(new InputIssue(where, field, why + ": " + safe.stream().map(FindingDefinition::id)
                .collect(Collectors.joining(", ")) + " read as present on the safe side (a red flag reported, "
                + "unconfirmed: confirm or refute it)"));
    }

    private void procedure(Procedure procedure) {
        Optional<Mapping> found = mapping(procedure, "code", procedure.getCode());
        if (found.isEmpty()) {
            return;
        }
        String status = procedure.getStatusElement().getValueAsString();
        boolean unknown = status == null || "unknown".equals(status);
        if (!"completed".equals(status) && !"in-progress".equals(status) && !"stopped".equals(status) && !unknown) {
            return; // not done, entered in error, planned: nothing happened to the patient
        }
        if (!belongsToPatient(procedure, procedure.getSubject(), "subject")) {
            return;
        }
        Mapping m = found.get();
        LocalDate when = firstDay(procedure.hasPerformedDateTimeType() ? procedure.getPerformedDateTimeType()
                : procedure.hasPerformedPeriod() ? procedure.getPerformedPeriod().getStartElement() : null);
        if (when != null && when.isAfter(date)) {
            notEstablished(m, null, name(procedure), "performed[x]", "dated " + when + ", after the evaluation date "
                    + date);
            return;
        }
        if (unknown) {
            notEstablished(m, null, name(procedure), "status", status == null ? "no status, so it cannot be told "
                    + "whether it was done" : "status 'unknown', so it cannot be told whether it was done");
            return;
        }
        if (m.read() == Read.QUANTITY) {
            issues.add(new InputIssue(name(procedure), "code", m.code() + " is a measurement (" + m.targetName()
                    + "), which a Procedure cannot carry"));
            return;
        }
        Sided sided = side(procedure, m, procedure.getBodySite());
        if (sided != null) {
            state(m, sided.side(), m.read() == Read.ABSENCE ? Status.ABSENT : Status.PRESENT, name(procedure),
                    Kind.RECORD, null);
        }
    }

    /** What a medicine record says: taken now, taken in the past (a course that ended), not taken, or unclear. */
    enum Taking { CURRENT, PAST, NOT_TAKEN, UNCLEAR, NOTHING }

    private void medicationRequest(MedicationRequest request) {
        String status = request.getStatusElement().getValueAsString();
        Taking taking = request.getDoNotPerform() ? Taking.NOTHING
                : oneOf(status, "active", "on-hold") ? Taking.CURRENT
                : oneOf(status, "completed", "stopped") ? Taking.PAST
                : status == null || "unknown".equals(status) ? Taking.UNCLEAR : Taking.NOTHING; // draft: not yet ordered
        LocalDate start = firstDay(request.getAuthoredOnElement());
        LocalDate end = request.getDispenseRequest().hasValidityPeriod()
                && request.getDispenseRequest().getValidityPeriod().hasEnd()
                ? firstDay(request.getDispenseRequest().getValidityPeriod().getEndElement()) : null;
        medicine(request, request.getMedication(), request.getSubject(), taking, status, start, end);
    }

    private void medicationStatement(MedicationStatement statement) {
        String status = statement.getStatusElement().getValueAsString();
        Taking taking = oneOf(status, "active", "intended", "on-hold") ? Taking.CURRENT
                : oneOf(status, "completed", "stopped") ? Taking.PAST
                : "not-taken".equals(status) ? Taking.NOT_TAKEN
                : status == null || "unknown".equals(status) ? Taking.UNCLEAR : Taking.NOTHING;
        LocalDate start = firstDay(statement.hasEffectiveDateTimeType() ? statement.getEffectiveDateTimeType()
                : statement.hasEffectivePeriod() ? statement.getEffectivePeriod().getStartElement()
                : statement.getDateAssertedElement());
        LocalDate end = statement.hasEffectivePeriod() && statement.getEffectivePeriod().hasEnd()
                ? firstDay(statement.getEffectivePeriod().getEndElement())
                : statement.hasEffectiveDateTimeType() ? start : null;
        medicine(statement, statement.getMedication(), statement.getSubject(), taking, status, start, end);
    }

    private void medicationAdministration(MedicationAdministration administration) {
        String status = administration.getStatusElement().getValueAsString();
        Taking taking = oneOf(status, "in-progress", "on-hold") ? Taking.CURRENT
                : oneOf(status, "completed", "stopped") ? Taking.PAST
                : status == null || "unknown".equals(status) ? Taking.UNCLEAR : Taking.NOTHING;
        LocalDate start = firstDay(administration.hasEffectiveDateTimeType() ? administration.getEffectiveDateTimeType()
                : administration.hasEffectivePeriod() ? administration.getEffectivePeriod().getStartElement() : null);
        LocalDate end = administration.hasEffectivePeriod() && administration.getEffectivePeriod().hasEnd()
                ? firstDay(administration.getEffectivePeriod().getEndElement()) : start;
        medicine(administration, administration.getMedication(), administration.getSubject(), taking, status, start,
                end);
    }

    /**
     * A medicine by code, or by reference to a Medication (its code and its ingredients' codes). Taken now counts;
     * a course that ended counts only while recent (within the current window) or when the item is a history
     * (chemotherapy); a course that ended years ago is history, not a current medicine.
     */
    private void medicine(DomainResource resource, Type medication, Reference subject, Taking taking, String status,
                          LocalDate start, LocalDate end) {
        if (taking == Taking.NOTHING) {
            return; // cancelled, entered in error, not done, do-not-perform: nothing was taken
        }
        String where = name(resource);
        Set<Mapping> mapped = new LinkedHashSet<>();
        if (medication instanceof CodeableConcept concept) {
            codings(concept).forEach(c -> map.find(c.getSystem(), c.getCode()).ifPresent(mapped::add));
        } else if (medication instanceof Reference reference) {
            if (start != null && start.isAfter(date)) {
                return; // reported below only when the medicine maps to something; an unresolvable one cannot
            }
            Resource target = resolve(reference, resource);
            if (!(target instanceof Medication med)) {
                String display = reference.hasDisplay() ? " (" + shorten(reference.getDisplay()) + ")" : "";
                issues.add(new InputIssue(where, "medicationReference", "cannot resolve "
                        + quote(Objects.toString(reference.getReference(), "")) + display
                        + ": the medicine cannot be identified"));
                return;
            }
            codings(med.getCode()).forEach(c -> map.find(c.getSystem(), c.getCode()).ifPresent(mapped::add));
            for (Medication.MedicationIngredientComponent ingredient : med.getIngredient()) {
                if (ingredient.hasItemCodeableConcept()) {
                    codings(ingredient.getItemCodeableConcept())
                            .forEach(c -> map.find(c.getSystem(), c.getCode()).ifPresent(mapped::add));
                } else if (ingredient.hasItemReference()
                        && resolve(ingredient.getItemReference(), med) instanceof Medication inner) {
                    codings(inner.getCode()).forEach(c -> map.find(c.getSystem(), c.getCode()).ifPresent(mapped::add));
                }
            }
        }
        if (mapped.isEmpty() || !belongsToPatient(resource, subject, "subject")) {
            return;
        }
        Set<FindingDefinition> done = new java.util.HashSet<>();
        for (Mapping m : mapped) {
            if (m.target() == null || m.read() == Read.QUANTITY || m.read() == Read.THRESHOLD) {
                issues.add(new InputIssue(where, "medication", m.code() + " maps to " + m.targetName()
                        + ", which is not a medicine"));
                continue;
            }
            if (!done.add(m.target())) {
                continue;
            }
            if (start != null && start.isAfter(date)) {
                notEstablished(m, m.laterality(), where, "date", "dated " + start + ", after the evaluation date "
                        + date);
                continue;
            }
            if (taking == Taking.UNCLEAR) {
                notEstablished(m, m.laterality(), where, "status", (status == null ? "no status" : "status '"
                        + status + "'") + ", so it cannot be told whether it is taken");
                continue;
            }
            LocalDate last = end != null ? end : start;
            if (taking == Taking.PAST && !m.history() && (last == null || last.isBefore(currentSince))) {
                continue; // a course that ended long ago (or at an unknown time): history, not a current medicine
            }
            Status said = taking == Taking.NOT_TAKEN ? Status.ABSENT : Status.PRESENT;
            state(m, m.laterality(), m.read() == Read.ABSENCE ? negate(said) : said, where, Kind.RECORD, null);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // observations

    private void observation(Observation observation) {
        // the code as written (null when absent): getStatus() is null for a code HAPI does not know, so never use it
        String status = observation.getStatusElement().getValueAsString();
        if (oneOf(status, "cancelled", "entered-in-error")) {
            return; // nothing was observed
        }
        Optional<Mapping> main = mapping(observation, "code", observation.getCode());
        List<Integer> components = new ArrayList<>();
        List<Mapping> componentMaps = new ArrayList<>();
        for (int i = 0; i < observation.getComponent().size(); i++) {
            Optional<Mapping> m = mapping(observation, "component[" + i + "].code",
                    observation.getComponent().get(i).getCode());
            if (m.isPresent()) {
                components.add(i);
                componentMaps.add(m.get());
            }
        }
        if (main.isEmpty() && components.isEmpty()) {
            return;
        }
        if (!belongsToPatient(observation, observation.getSubject(), "subject")) {
            return;
        }
        When when = when(observation);
        String why = when != null && when.day().isAfter(date) ? "dated " + when.day() + ", after the evaluation date "
                + date : oneOf(status, "final", "amended", "corrected") ? null
                : status == null ? "no status" : "status '" + status + "' (not final)";
        if (why != null) {
            String field = status == null || !oneOf(status, "final", "amended", "corrected") ? "status" : "effective[x]";
            if (main.isPresent()) {
                notEstablished(observation, main.get(), field, why, observation.hasValue() ? observation.getValue() : null,
                        observation.hasDataAbsentReason());
            }
            for (int k = 0; k < components.size(); k++) {
                Observation.ObservationComponentComponent component = observation.getComponent().get(components.get(k));
                notEstablished(observation, componentMaps.get(k), field, why, component.hasValue() ? component.getValue()
                        : null, component.hasDataAbsentReason());
            }
            return;
        }
        boolean panel = main.isPresent() && main.get().read() == Read.QUANTITY && !observation.hasValue()
                && !observation.hasDataAbsentReason() && !components.isEmpty();
        if (main.isPresent() && !panel) { // a panel's values are in its components
            Mapping m = main.get();
            Sided side = side(observation, m, observation.hasBodySite() ? List.of(observation.getBodySite()) : List.of());
            if (side != null) {
                deferringIssues(m, side.side(), when, () -> value(observation, "", m, side.side(),
                        observation.hasValue() ? observation.getValue() : null, observation.hasDataAbsentReason(), when));
            }
        }
        for (int k = 0; k < components.size(); k++) {
            Observation.ObservationComponentComponent component = observation.getComponent().get(components.get(k));
            Mapping m = componentMaps.get(k);
            Sided side = side(observation, m, observation.hasBodySite() ? List.of(observation.getBodySite()) : List.of());
            if (side != null) {
                String prefix = "component[" + components.get(k) + "].";
                deferringIssues(m, side.side(), when, () -> value(observation, prefix, m, side.side(),
                        component.hasValue() ? component.getValue() : null, component.hasDataAbsentReason(), when));
            }
        }
    }

    /** An observation that is not established: a red flag it says is there is read on the safe side; else reported. */
    private void notEstablished(Observation observation, Mapping m, String field, String why, Type value,
                                boolean dataAbsent) {
        Sided sided = side(observation, m, observation.hasBodySite() ? List.of(observation.getBodySite()) : List.of());
        if (sided == null) {
            return;
        }
        boolean saysPresent = !dataAbsent && (value == null || (value instanceof BooleanType b && b.getValue() != null
                && b.booleanValue()) || (value instanceof CodeableConcept concept && !codings(concept).isEmpty()
                && codings(concept).stream().allMatch(c -> map.answer(c.getSystem(), c.getCode())
                .filter(st -> st == Status.PRESENT).isPresent())));
        if (m.read() == Read.PRESENCE && saysPresent) {
            notEstablished(m, sided.side(), name(observation), field, why);
        } else {
            issues.add(new InputIssue(name(observation), field, why + ": " + m.targetName() + " not read"));
        }
    }

    /**
     * Reads an observation value; if it cannot be read, its issues wait in an unreadable statement, so that they are
     * reported only when that observation is the one that counts (the latest), not when a newer one supersedes it.
     */
    private void deferringIssues(Mapping m, Laterality side, When when, Runnable read) {
        int issuesBefore = issues.size();
        int statementsBefore = statements.size();
        read.run();
        if (issues.size() > issuesBefore && statements.size() == statementsBefore) {
            List<InputIssue> raised = new ArrayList<>(issues.subList(issuesBefore, issues.size()));
            issues.subList(issuesBefore, issues.size()).clear();
            statements.add(new Statement(new Key(m.target(), m.pregnancy() ? null : side), null, null, null,
                    raised.get(0).resource(), Kind.OBSERVATION, when, raised));
        }
    }

    /** Reads one observation value for one mapping. */
    private void value(Observation observation, String prefix, Mapping m, Laterality side, Type value,
                       boolean dataAbsent, When when) {
        String where = name(observation);
        if (m.pregnancy() && when != null && when.day().isBefore(date.minusDays(PREGNANCY_DAYS))) {
            return; // too old to say anything about pregnancy now
        }
        if (dataAbsent && value != null) {
            issues.add(new InputIssue(where, prefix + "dataAbsentReason", "has both a value and a reason for its absence"));
            return;
        }
        if (dataAbsent) {
            state(m, side, Status.UNKNOWN, where, Kind.OBSERVATION, when);
            return;
        }
        switch (m.read()) {
            case QUANTITY -> quantity(where, prefix, m, side, value, when);
            case THRESHOLD -> threshold(where, prefix, m, side, value, when);
            case ANSWER -> {
                if (value == null) {
                    issues.add(new InputIssue(where, prefix + "value[x]", "missing: " + m.code() + " is a question ("
                            + m.targetName() + ") and needs an answer"));
                } else {
                    answer(where, prefix, value).ifPresent(s -> state(m, side, s, where, Kind.OBSERVATION, when));
                }
            }
            case PRESENCE, ABSENCE -> {
                Optional<Status> said = value == null ? Optional.of(Status.PRESENT) : answer(where, prefix, value);
                said.ifPresent(s -> state(m, side, m.read() == Read.ABSENCE ? negate(s) : s, where, Kind.OBSERVATION, when));
            }
        }
    }

    private void quantity(String where, String prefix, Mapping m, Laterality side, Type value, When when) {
        FindingDefinition code = m.target();
        List<String> accepted = m.acceptedUnits();
        if (!(value instanceof Quantity quantity)) {
            issues.add(new InputIssue(where, prefix + "value[x]", (value == null ? "missing" : "a " + value.fhirType())
                    + ": " + code.id() + " needs a quantity in " + String.join(" or ", accepted)));
            return;
        }
        String field = prefix + "valueQuantity";
        if (quantity.hasComparator()) {
            issues.add(new InputIssue(where, field + ".comparator", "'" + quantity.getComparatorElement().getValueAsString()
                    + quantity.getValue() + "' is a bound, not a measurement of " + code.id()));
            return;
        }
        if (!quantity.hasValue() || quantity.getValue() == null) {
            issues.add(new InputIssue(where, field + ".value", "missing: " + code.id() + " needs a number"));
            return;
        }
        String raw = quantity.hasCode() ? quantity.getCode() : quantity.hasUnit() ? quantity.getUnit() : null;
        String unit = raw == null || raw.isBlank() ? (accepted.equals(List.of("1")) ? "1" : null) : map.unit(raw);
        if (unit == null) {
            issues.add(new InputIssue(where, field + ".unit", "missing: " + code.id() + " is given in "
                    + String.join(" or ", accepted)));
            return;
        }
        if (!accepted.contains(unit)) {
            issues.add(new InputIssue(where, field + ".unit", "unit " + quote(raw) + " is not a valid unit for " + code.id()
                    + " (expected " + String.join(" or ", accepted) + ")"));
            return;
        }
        try {
            Finding finding = Finding.measured(code.id(), quantity.getValue().doubleValue(), unit);
            List<org.legcds.problems.Problem> unfit = vocabulary.problems(finding, field);
            if (!unfit.isEmpty()) {
                // the issue names the field itself: its text is what is wrong with the value
                String text = unfit.get(0).toString();
                String named = unfit.get(0).field() + ": ";
                throw new IllegalArgumentException(text.startsWith(named) ? text.substring(named.length()) : text);
            }
            statements.add(new Statement(new Key(code, side), Status.PRESENT, finding.value(), unit, where,
                    Kind.OBSERVATION, when));
        } catch (IllegalArgumentException e) {
            issues.add(new InputIssue(where, field + ".value", e.getMessage()));
        }
    }

    /** A result that stands for a finding at or above a threshold (cholesterol -> high cholesterol); below: nothing. */
    private void threshold(String where, String prefix, Mapping m, Laterality side, Type value, When when) {
        CodeMap.Threshold limit = m.threshold();
        String expected = map.unit(limit.unit());
        String field = prefix + "valueQuantity";
        if (!(value instanceof Quantity quantity)) {
            issues.add(new InputIssue(where, prefix + "value[x]", (value == null ? "missing" : "a " + value.fhirType())
                    + ": " + m.code() + " needs a quantity in " + limit.unit() + " (" + m.targetName() + " at "
                    + limit + " or more)"));
            return;
        }
        if (quantity.hasComparator()) {
            issues.add(new InputIssue(where, field + ".comparator", "'" + quantity.getComparatorElement().getValueAsString()
                    + quantity.getValue() + "' is a bound, not a measurement: " + m.targetName() + " not read"));
            return;
        }
        if (!quantity.hasValue() || quantity.getValue() == null) {
            issues.add(new InputIssue(where, field + ".value", "missing: " + m.code() + " needs a number"));
            return;
        }
        String raw = quantity.hasCode() ? quantity.getCode() : quantity.hasUnit() ? quantity.getUnit() : null;
        String unit = raw == null || raw.isBlank() ? null : map.unit(raw);
        if (!expected.equals(unit)) {
            issues.add(new InputIssue(where, field + ".unit", (unit == null ? "missing" : "unit " + quote(raw)
                    + " is not " + limit.unit()) + ": " + m.code() + " is compared with " + limit + " for "
                    + m.targetName() + " (no conversion)"));
            return;
        }
        double number = quantity.getValue().doubleValue();
        if (number < 0 || !Double.isFinite(number)) {
            issues.add(new InputIssue(where, field + ".value", number + " " + unit + " is not a possible value of "
                    + m.code()));
            return;
        }
        if (number >= limit.value()) {
            state(m, side, Status.PRESENT, where, Kind.OBSERVATION, when);
        }
    }

    /** What a yes/no or coded value says; empty (and an issue) when it says nothing we can read. */
    private Optional<Status> answer(String where, String prefix, Type value) {
        if (value instanceof BooleanType bool && bool.getValue() != null) {
            return Optional.of(bool.booleanValue() ? Status.PRESENT : Status.ABSENT);
        }
        if (value instanceof CodeableConcept concept) {
            Set<Status> said = new LinkedHashSet<>();
            codings(concept).forEach(c -> map.answer(c.getSystem(), c.getCode()).ifPresent(said::add));
            if (said.size() == 1) {
                return Optional.of(said.iterator().next());
            }
            String codes = codings(concept).stream().map(c -> c.getSystem() + "|" + c.getCode())
                    .collect(Collectors.joining(", "));
            issues.add(new InputIssue(where, prefix + "valueCodeableConcept", said.isEmpty()
                    ? "answer " + (codes.isEmpty() ? quote(concept.getText()) : shorten(codes))
                    + " is not a known answer (answers.csv): not read"
                    : "codes " + shorten(codes) + " say different things (" + said + "): not read"));
            return Optional.empty();
        }
        issues.add(new InputIssue(where, prefix + "value[x]", "a " + value.fhirType()
                + " cannot be read as present or absent (expected a boolean or a coded answer)"));
        return Optional.empty();
    }

    private static Status negate(Status status) {
        return switch (status) {
            case PRESENT -> Status.ABSENT;
            case ABSENT -> Status.PRESENT;
            case UNKNOWN -> Status.UNKNOWN;
            case CONFLICTING -> Status.CONFLICTING;
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // codes, sides, subjects, dates

    private static List<Coding> codings(CodeableConcept concept) {
        return concept == null ? List.of() : concept.getCoding().stream().filter(c -> c.hasCode() && c.hasSystem()).toList();
    }

    private static String code(CodeableConcept concept) {
        return codings(concept).stream().map(Coding::getCode).findFirst().orElse(null);
    }

    /** The one mapping for a concept's codings; empty when none maps, or (with an issue) when they disagree. */
    private Optional<Mapping> mapping(Resource resource, String field, CodeableConcept concept) {
        List<Mapping> found = new ArrayList<>();
        for (Coding coding : codings(concept)) {
            map.find(coding.getSystem(), coding.getCode()).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping first = found.get(0);
        for (Mapping other : found) {
            if (!Objects.equals(other.targets(), first.targets()) || !Objects.equals(other.target(), first.target())
                    || other.read() != first.read()
                    || other.laterality() != first.laterality()) {
                issues.add(new InputIssue(name(resource), field, "its codings map to different things ("
                        + describe(first) + "; " + describe(other) + "): not read"));
                return Optional.empty();
            }
        }
        return Optional.of(first);
    }

    private static String describe(Mapping m) {
        return m.code() + " -> " + m.targetName() + (m.laterality() == null ? "" : " "
                + m.laterality().name().toLowerCase(Locale.ROOT)) + " (" + m.read().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** A record's side (null: no side). */
    record Sided(Laterality side) {
    }

    /**
     * The side of a record: from the code itself, else from its body sites (left and right together are bilateral);
     * null (with an issue) when the code and the body site disagree.
     */
    private Sided side(Resource resource, Mapping m, List<CodeableConcept> bodySites) {
        Set<Laterality> sides = EnumSet.noneOf(Laterality.class);
        for (CodeableConcept site : bodySites) {
            codings(site).forEach(c -> map.side(c.getSystem(), c.getCode()).ifPresent(sides::add));
        }
        Laterality fromSite = sides.isEmpty() ? null : sides.contains(Laterality.BILATERAL)
                || (sides.contains(Laterality.LEFT) && sides.contains(Laterality.RIGHT)) ? Laterality.BILATERAL
                : sides.iterator().next();
        if (m.laterality() != null && fromSite != null && m.laterality() != fromSite) {
            issues.add(new InputIssue(name(resource), "bodySite", "says " + fromSite.name().toLowerCase(Locale.ROOT)
                    + " but the code " + m.code() + " says " + m.laterality().name().toLowerCase(Locale.ROOT) + ": not read"));
            return null;
        }
        return new Sided(m.laterality() != null ? m.laterality() : fromSite);
    }

    private void state(Mapping m, Laterality side, Status status, String where, Kind kind, When when) {
        if (m.pregnancy()) {
            statements.add(new Statement(new Key(null, null), status, null, null, where, kind, when));
            return;
        }
        for (FindingDefinition target : m.targets()) {
            statements.add(new Statement(new Key(target, side), status, null, null, where, kind, when));
        }
    }

    /**
     * Whether a record is about the patient being assessed; an issue when it is about someone else or cannot be told.
     * A subject is matched against the Patient: a reference that resolves to it (or to a copy of it), an absolute URL
     * only when it is the Patient's own full URL, an identifier only when the Patient carries that identifier (system
     * and value). A subject that names no one (no reference, identifier or resource) leaves the record to the patient
     * whose data it is in; one given by display text alone cannot be checked and is refused.
     */
    private boolean belongsToPatient(Resource resource, Reference subject, String field) {
        if (subject == null || subject.isEmpty()) {
            return true; // a record without a subject, in one patient's data, is about that patient
        }
        String reference = subject.getReference();
        if (reference == null || reference.isBlank()) {
            if (subject.getResource() instanceof Resource r) {
                return isPatient(resource, r, field, "the subject");
            }
            if (subject.hasIdentifier()) {
                return identifierMatches(resource, subject.getIdentifier(), field);
            }
            if (!subject.hasDisplay()) {
                return true; // only extensions: names no one
            }
            issues.add(new InputIssue(name(resource), field, "names the patient only as " + quote(subject.getDisplay())
                    + ", which cannot be checked against the Patient: not read"));
            return false;
        }
        if (reference.contains("?")) {
            if (conditionalMatches(reference)) {
                return true;
            }
            issues.add(new InputIssue(name(resource), field + ".reference", "conditional reference " + quote(reference)
                    + " does not match the Patient's identifiers: not read"));
            return false;
        }
        if (reference.contains("://")) {
            String stripped = reference.replaceFirst("/_history/[^/]*$", "");
            Resource target = index.get(stripped); // the exact URL only: Patient/p1 on another server is not ours
            if (target != null) {
                return isPatient(resource, target, field + ".reference", quote(reference));
            }
            issues.add(new InputIssue(name(resource), field + ".reference", quote(reference) + " is not the full URL of "
                    + "the Patient being assessed (" + name(patient) + (patientUrls().isEmpty() ? ", which has none"
                    : ", " + shorten(String.join(", ", patientUrls()))) + "), so it may be someone on another server: "
                    + "not read"));
            return false;
        }
        Resource target = resolve(subject, resource);
        if (target == null && reference.equals(patient.getIdElement().getIdPart())) {
            return true;
        }
        if (target == null) {
            issues.add(new InputIssue(name(resource), field + ".reference", quote(reference) + " cannot be resolved, "
                    + "so it cannot be told whether it is the patient being assessed (" + name(patient) + "): not read"));
            return false;
        }
        return isPatient(resource, target, field + ".reference", quote(reference));
    }

    private boolean isPatient(Resource resource, Resource target, String field, String said) {
        if (patientCopies.contains(target)) {
            return true;
        }
        issues.add(new InputIssue(name(resource), field, said + " refers to " + name(target)
                + ", not to the patient being assessed (" + name(patient) + "): not read"));
        return false;
    }

    /** The Patient's full URLs (of every copy), as given in the bundle. */
    private List<String> patientUrls() {
        return patientCopies.stream().map(fullUrls::get).filter(Objects::nonNull).distinct().toList();
    }

    /** A subject given by identifier: it must be one of the Patient's identifiers, system and value. */
    private boolean identifierMatches(Resource resource, Identifier identifier, String field) {
        String system = identifier.getSystem();
        String value = identifier.getValue();
        if (system != null && value != null) {
            for (Resource copy : patientCopies) {
                for (Identifier own : ((org.hl7.fhir.r4.model.Patient) copy).getIdentifier()) {
                    if (system.equals(own.getSystem()) && value.equals(own.getValue())) {
                        return true;
                    }
                }
            }
        }
        issues.add(new InputIssue(name(resource), field + ".identifier", (system == null || value == null
                ? "an identifier without " + (system == null ? "a system" : "a value") + " cannot be checked"
                : "identifier " + quote(system + "|" + value) + " is not one of the Patient's identifiers")
                + ", so it may be someone else: not read"));
        return false;
    }

    /** A conditional reference such as {@code Patient?identifier=http://hospital.example/mrn|12345}. */
    private boolean conditionalMatches(String reference) {
        int q = reference.indexOf('?');
        String type = reference.substring(0, q);
        if (!type.isEmpty() && !type.endsWith("Patient")) {
            return false;
        }
        boolean matched = false;
        for (String parameter : reference.substring(q + 1).split("&")) {
            int eq = parameter.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String name = parameter.substring(0, eq);
            String value = java.net.URLDecoder.decode(parameter.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            if (name.equals("identifier")) {
                int bar = value.indexOf('|');
                String system = bar < 0 ? null : value.substring(0, bar);
                String id = bar < 0 ? value : value.substring(bar + 1);
                boolean any = false;
                for (Identifier identifier : patient.getIdentifier()) {
                    if (id.equals(identifier.getValue()) && (system == null || system.equals(identifier.getSystem()))) {
                        any = true;
                    }
                }
                if (!any) {
                    return false;
                }
                matched = true;
            } else if (name.equals("_id")) {
                if (!value.equals(patient.getIdElement().getIdPart())) {
                    return false;
                }
                matched = true;
            } else {
                return false; // a search we cannot evaluate here
            }
        }
        return matched;
    }

    /** The resource a reference points at: contained, in the bundle by fullUrl or Type/id, or set on the reference. */
    private Resource resolve(Reference reference, Resource from) {
        if (reference.getResource() instanceof Resource r) {
            return r;
        }
        String ref = reference.getReference();
        if (ref == null || ref.isBlank()) {
            return null;
        }
        if (ref.startsWith("#")) {
            if (from instanceof DomainResource domain) {
                String id = ref.substring(1);
                for (Resource contained : domain.getContained()) {
                    String cid = contained.getIdElement().getIdPart();
                    String cvalue = contained.getId();
                    if (id.equals(cid) || ref.equals(cvalue) || id.equals(cvalue)) {
                        return contained;
                    }
                }
            }
            return null;
        }
        String stripped = ref.replaceFirst("/_history/[^/]*$", "");
        Resource found = index.get(stripped);
        if (found == null && stripped.contains("://")) {
            String relative = relativePart(stripped);
            found = relative == null ? null : index.get(relative);
        }
        return found;
    }

    /** When an observation applies: effective[x] (a period's end, else its start), else when it was issued. */
    private When when(Observation observation) {
        BaseDateTimeType dt = null;
        if (observation.hasEffectiveDateTimeType()) {
            dt = observation.getEffectiveDateTimeType();
        } else if (observation.hasEffectiveInstantType()) {
            dt = observation.getEffectiveInstantType();
        } else if (observation.hasEffectivePeriod()) {
            dt = observation.getEffectivePeriod().hasEnd() ? observation.getEffectivePeriod().getEndElement()
                    : observation.getEffectivePeriod().getStartElement();
        } else if (observation.hasIssued()) {
            dt = observation.getIssuedElement();
        }
        if (dt == null || dt.getValueAsString() == null) {
            return null;
        }
        try {
            String text = dt.getValueAsString();
            return new When(start(text), text.length() > 10 && dt.getValue() != null ? dt.getValue().toInstant() : null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate firstDay(BaseDateTimeType dt) {
        if (dt == null || dt.getValueAsString() == null) {
            return null;
        }
        try {
            return start(dt.getValueAsString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first day a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime) can mean. */
    static LocalDate start(String text) {
        String day = text.length() >= 10 ? text.substring(0, 10) : text.length() == 7 ? text + "-01"
                : text.length() == 4 ? text + "-01-01" : text;
        return LocalDate.parse(day);
    }

    /** The last day a FHIR date can mean. */
    static LocalDate end(String text) {
        LocalDate first = start(text);
        return text.length() == 4 ? first.withDayOfYear(first.lengthOfYear())
                : text.length() == 7 ? first.withDayOfMonth(first.lengthOfMonth()) : first;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // merging what several records say about one finding

    /** Which kind of record said it: observations are weighed by date, other records together. */
    enum Kind { OBSERVATION, RECORD }

    /** A finding's identity in a case: the code (null for pregnancy) and the side. */
    record Key(FindingDefinition code, Laterality side) {
    }

    /** When an observation applies: the day as written, and the instant when a time was given. */
    record When(LocalDate day, java.time.Instant instant) implements Comparable<When> {
        @Override
        public int compareTo(When other) {
            int byDay = day.compareTo(other.day);
            if (byDay != 0 || instant == null || other.instant == null) {
                return byDay;
            }
            return instant.compareTo(other.instant);
        }
    }

    /** What one record says about one finding. */
    record Statement(Key key, Status status, Double value, String unit, String resource, Kind kind, When when,
                     List<InputIssue> problems) {

        Statement(Key key, Status status, Double value, String unit, String resource, Kind kind, When when) {
            this(key, status, value, unit, resource, kind, when, List.of());
        }

        /** Whether the record could not be read (its problems say why). */
        boolean unreadable() {
            return !problems.isEmpty();
        }

        boolean sameAs(Statement other) {
            return status == other.status && Objects.equals(value, other.value) && Objects.equals(unit, other.unit);
        }

        Finding finding() {
            FindingDefinition code = key.code();
            Finding f = value != null ? Finding.measured(code.id(), value, unit)
                    : switch (status) {
                case PRESENT -> Finding.present(code.id());
                case ABSENT -> code.isMeasurement() ? Finding.unknown(code.id()) : Finding.absent(code.id());
                case UNKNOWN -> Finding.unknown(code.id());
                case CONFLICTING -> Finding.conflicting(code.id());
            };
            return key.side() == null ? f : f.on(key.side());
        }

        String describe() {
            return (value != null ? value + " " + unit : status.name().toLowerCase(Locale.ROOT)) + " (" + resource + ")";
        }
    }

    /** Whether an item is a history (diabetes, smoking, high cholesterol): an old observation of it still counts. */
    private static boolean isHistory(FindingDefinition code) {
        return code.kind() == org.legcds.vocabulary.FindingKind.HISTORY;
    }

    /** Whether a code is one of the given ones; false for null (an element without a code). */
    private static boolean oneOf(String code, String... codes) {
        return code != null && List.of(codes).contains(code);
    }

    /**
     * One statement per finding: the latest observation (undated ones rank oldest; different values at the latest
     * time are an issue and leave the finding unread), then present from any source wins over absent, absent over
     * unknown. A measurement is read from observations only.
     */
    private Map<Key, Statement> merge() {
        Map<Key, List<Statement>> grouped = new LinkedHashMap<>();
        statements.forEach(s -> grouped.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        Map<Key, Statement> chosen = new LinkedHashMap<>();
        Comparator<When> order = Comparator.nullsFirst(Comparator.<When>naturalOrder());
        for (Map.Entry<Key, List<Statement>> e : grouped.entrySet()) {
            List<Statement> observations = e.getValue().stream().filter(s -> s.kind() == Kind.OBSERVATION).toList();
            List<Statement> candidates = new ArrayList<>(e.getValue().stream().filter(s -> s.kind() == Kind.RECORD).toList());
            if (!observations.isEmpty()) {
                // Stream.max throws on a null maximum: find the latest dated one; null (all undated) when there is none
                When latest = observations.stream().map(Statement::when).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null);
                List<Statement> atLatest = observations.stream().filter(s -> order.compare(s.when(), latest) == 0).toList();
                atLatest.stream().filter(Statement::unreadable).forEach(s -> issues.addAll(s.problems()));
                atLatest = atLatest.stream().filter(s -> !s.unreadable()).toList();
                Statement first = atLatest.isEmpty() ? null : atLatest.get(0);
                Key key = e.getKey();
                if (first == null) {
                    // the latest could not be read (reported above); an older value is not taken in its place
                } else if (latest != null && latest.day().isBefore(currentSince) && key.code() != null
                        && !isHistory(key.code())) {
                    issues.add(new InputIssue(first.resource(), "effective[x]", "the latest observation of "
                            + key.code().id() + " is of " + latest.day() + ", before " + currentSince
                            + " (older than the current window): history, not read as current"));
                } else if (atLatest.stream().allMatch(first::sameAs)) {
                    candidates.add(first);
                } else {
                    issues.add(new InputIssue(first.resource(), "value[x]", "observations of "
                            + (key.code() == null ? CodeMap.PREGNANCY : key.code().id())
                            + (key.side() == null ? "" : " (" + key.side().name().toLowerCase(Locale.ROOT) + ")")
                            + " at the same time say different things: "
                            + atLatest.stream().map(Statement::describe).collect(Collectors.joining(", "))
                            + ": not read"));
                }
            }
            Optional<Statement> measured = candidates.stream().filter(s -> s.value() != null).findFirst();
            Optional<Statement> pick = measured.isPresent() ? measured
                    : candidates.stream().filter(s -> s.status() == Status.PRESENT).findFirst()
                    .or(() -> candidates.stream().filter(s -> s.status() == Status.ABSENT).findFirst())
                    .or(() -> candidates.stream().filter(s -> s.status() == Status.UNKNOWN).findFirst());
            pick.ifPresent(s -> chosen.put(e.getKey(), s));
        }
        return chosen;
    }
}
