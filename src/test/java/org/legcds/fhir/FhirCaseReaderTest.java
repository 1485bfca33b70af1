package org.legcds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.Tier;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.problems.InvalidCaseException;
import org.legcds.vocabulary.Urgency;

/** Reading FHIR records into a case, as clinical situations: what a clinician's record says, what legcds reads. */
class FhirCaseReaderTest {

    static final FhirCaseReader READER = FhirCaseReader.standard();
    static final LegCds ENGINE = LegCds.packaged();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";

    static FhirReading readBundle(String name) {
        return READER.readJson(text(name), TODAY);
    }

    static String text(String name) {
        try (InputStream in = FhirCaseReaderTest.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Optional<Finding> finding(FhirReading reading, String code, Laterality side) {
        return reading.patientCase().findings().stream()
                .filter(f -> f.code().equals(code) && f.laterality() == side).findFirst();
    }

    static Finding only(FhirReading reading, String code, Laterality side) {
        return finding(reading, code, side).orElseThrow(() -> new AssertionError(code + " " + side + " not read: "
                + reading.patientCase().findings().stream().map(Finding::describe).toList() + " issues " + reading.issues()));
    }

    // ---- hand-written bundles: what Synthea does not model ----------------------------------------------------------

    @Test
    void abiIsReadPerSideFromTheLatestMeasurementAndLaterOnesAreIgnored() {
        FhirReading reading = readBundle("pad-abi.json");
        Finding left = only(reading, "ANKLE_BRACHIAL_INDEX", Laterality.LEFT);
        assertEquals(0.72, left.value(), "the 2026 reading wins over 2025's 0.88; 2027's 0.51 is after the evaluation date");
        assertEquals("1", left.unit());
        assertEquals(0.95, only(reading, "ANKLE_BRACHIAL_INDEX", Laterality.RIGHT).value(), "from the panel's component");
        assertTrue(finding(reading, "ANKLE_BRACHIAL_INDEX", null).isEmpty(), "no unsided ABI: the panel has no value of its own");
        assertEquals(Status.PRESENT, only(reading, "DIABETES", null).status());
        assertEquals(Status.PRESENT, only(reading, "SMOKING", null).status());
        assertEquals(Status.PRESENT, only(reading, "LEG_PAIN", Laterality.BILATERAL).status(), "left and right body sites");
        assertEquals(7.4, only(reading, "HBA1C", null).value());
        assertEquals(69, reading.patientCase().patient().age());
        assertEquals(Sex.MALE, reading.patientCase().patient().sex());
        assertEquals("pad-1", reading.patientCase().patient().id());
        assertEquals(List.of(new InputIssue("Observation/abi-left-2027", "effective[x]", "dated 2027-01-05, after the "
                + "evaluation date 2026-11-21: ANKLE_BRACHIAL_INDEX not read")), reading.issues(),
                "the 2027 ABI is reported; a heart rate maps to nothing and is ignored by design, not reported");
    }

    @Test
    void lowAbiInASmokerWithDiabetesMakesPeripheralArteryDiseaseLikely() {
        Assessment assessment = ENGINE.assess(readBundle("pad-abi.json").patientCase());
        Hypothesis pad = hypothesis(assessment, "PERIPHERAL_ARTERY_DISEASE");
        assertEquals(Tier.LIKELY, pad.tier());
    }

    @Test
    void knownLumbarStenosisWithSciaticaOnBothSidesIsReadFromIcdAndSnomedCodes() {
        FhirReading reading = readBundle("lumbar-stenosis.json");
        assertEquals(Status.PRESENT, only(reading, "SPINAL_STENOSIS", null).status());
        assertEquals(Status.PRESENT, only(reading, "RADIATING_LEG_PAIN", Laterality.LEFT).status(), "M54.42 names the side");
        assertEquals(Status.PRESENT, only(reading, "RADIATING_LEG_PAIN", Laterality.RIGHT).status(), "M5441, written without its dot");
        assertEquals(58.0, only(reading, "EGFR", null).value());
        assertEquals("mL/min/1.73m2", only(reading, "EGFR", null).unit(), "UCUM's mL/min/{1.73_m2} is the same unit");
        assertTrue(finding(reading, "HYPERTENSION", null).isEmpty(), "resolved hypertension is not read");
        assertEquals(76, reading.patientCase().patient().age());
        assertEquals(List.of(), reading.issues());
        Assessment assessment = ENGINE.assess(reading.patientCase());
        assertEquals(Tier.LIKELY, hypothesis(assessment, "LUMBAR_SPINAL_STENOSIS").tier());
    }

    @Test
    void refutedDiabetesIsRecordedAsAbsent() {
        FhirReading reading = readBundle("lumbar-stenosis.json");
        assertEquals(Status.ABSENT, only(reading, "DIABETES", null).status());
    }

    @Test
    void enteredInErrorConditionIsIgnored() {
        FhirReading reading = readBundle("lumbar-stenosis.json");
        assertTrue(finding(reading, "CHRONIC_KIDNEY_DISEASE", null).isEmpty());
    }

    @Test
    void lowB12AfterBariatricSurgeryOnMetforminIsReadWithEveryClue() {
        FhirReading reading = readBundle("b12-deficiency.json");
        Finding b12 = only(reading, "VITAMIN_B12", null);
        assertEquals(150.0, b12.value(), "the latest level, not 2024's 320");
        assertEquals("pg/mL", b12.unit());
        assertEquals(Status.PRESENT, only(reading, "PARESTHESIA", Laterality.BILATERAL).status());
        assertEquals(Status.PRESENT, only(reading, "NUMBNESS", Laterality.BILATERAL).status(), "answered Yes");
        assertEquals(Status.PRESENT, only(reading, "BARIATRIC_SURGERY", null).status(), "a completed procedure");
        assertEquals(Status.PRESENT, only(reading, "METFORMIN", null).status(), "through the contained Medication");
        assertEquals(42.0, only(reading, "HBA1C", null).value());
        assertEquals("mmol/mol", only(reading, "HBA1C", null).unit(), "kept in its own unit: no conversion");
        assertEquals("mIU/L", only(reading, "TSH", null).unit(), "u[IU]/mL is exactly mIU/L");
        assertEquals(Status.ABSENT, reading.patientCase().patient().pregnancy());
        Assessment assessment = ENGINE.assess(reading.patientCase());
        assertEquals(Tier.LIKELY, hypothesis(assessment, "B12_DEFICIENCY_NEUROPATHY").tier());
    }

    @Test
    void medicineThatCannotBeIdentifiedIsReportedNotDropped() {
        FhirReading reading = readBundle("b12-deficiency.json");
        assertEquals(1, reading.issues().size(), reading.issues().toString());
        InputIssue issue = reading.issues().get(0);
        assertEquals("MedicationStatement/unknown-medicine", issue.resource());
        assertEquals("medicationReference", issue.field());
        assertTrue(issue.problem().contains("Medication/not-in-bundle"), issue.problem());
    }

    @Test
    void urinaryRetentionWithSaddleAnaesthesiaIsAnEmergency() {
        FhirReading reading = readBundle("cauda-equina.json");
        assertEquals(Status.PRESENT, only(reading, "BLADDER_DYSFUNCTION", null).status());
        assertEquals(Status.PRESENT, only(reading, "SADDLE_ANAESTHESIA", null).status());
        assertEquals(Status.ABSENT, only(reading, "FEVER", null).status(), "coded Absent");
        Assessment assessment = ENGINE.assess(reading.patientCase());
        assertEquals(Urgency.EMERGENCY, assessment.triage().level());
        assertTrue(assessment.redFlags().stream().anyMatch(f -> f.check().id().equals("CAUDA_EQUINA_SYNDROME")));
    }

    @Test
    void transactionBundleResolvesUrnUuidAndConditionalReferences() {
        FhirReading reading = readBundle("transaction.json");
        Case read = reading.patientCase();
        assertEquals("urn:uuid:8f1c4a2e-7a64-4b0f-9a3e-1d2f3c4b5a60", read.patient().id(), "no server id yet: its fullUrl");
        assertEquals(65, read.patient().age(), "born July 1961: 65 on any day of that month");
        assertEquals(Status.PRESENT, only(reading, "SPINAL_STENOSIS", null).status(), "subject urn:uuid");
        assertEquals(Status.PRESENT, only(reading, "LEG_PAIN", Laterality.BILATERAL).status(),
                "subject Patient?identifier=...|12345 matches the patient");
        assertEquals(Status.PRESENT, only(reading, "METFORMIN", null).status(), "urn:uuid Medication, by its ingredient");
        assertTrue(finding(reading, "DIABETES", null).isEmpty(), "conditional reference to MRN 99999: someone else");
        assertEquals(1, reading.issues().size(), reading.issues().toString());
        assertEquals("subject.reference", reading.issues().get(0).field());
        assertTrue(reading.issues().get(0).problem().contains("99999"));
    }

    // ---- edge cases, built in code ----------------------------------------------------------------------------------

    static org.hl7.fhir.r4.model.Patient patient() {
        org.hl7.fhir.r4.model.Patient p = new org.hl7.fhir.r4.model.Patient();
        p.setId("p1");
        p.setGender(AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1960-01-01"));
        return p;
    }

    static Observation abi(String id, String date, double value, String unit, String bodySite) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(SNOMED, "446841001", "Ankle brachial pressure index")));
        o.setSubject(new Reference("Patient/p1"));
        o.setEffective(new DateTimeType(date));
        o.setValue(new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode(unit));
        o.setBodySite(new CodeableConcept(new Coding(SNOMED, bodySite, null)));
        return o;
    }

    static FhirReading read(Resource... resources) {
        List<Resource> all = new java.util.ArrayList<>(List.of(patient()));
        all.addAll(List.of(resources));
        return READER.read(all, TODAY);
    }

    @Test
    void abiInMmHgIsReportedNotGuessed() {
        FhirReading reading = read(abi("abi-left", "2026-11-10", 98, "mm[Hg]", "32153003"));
        assertTrue(finding(reading, "ANKLE_BRACHIAL_INDEX", Laterality.LEFT).isEmpty());
        assertEquals(List.of(new InputIssue("Observation/abi-left", "valueQuantity.unit",
                "unit 'mm[Hg]' is not a valid unit for ANKLE_BRACHIAL_INDEX (expected 1)")), reading.issues());
    }

    @Test
    void olderAbiInMmHgIsSupersededQuietlyByANewerReadableOne() {
        FhirReading reading = read(abi("old", "2025-01-10", 98, "mm[Hg]", "32153003"), abi("new", "2026-11-10", 0.81, "1", "32153003"));
        assertEquals(0.81, only(reading, "ANKLE_BRACHIAL_INDEX", Laterality.LEFT).value());
        assertEquals(List.of(), reading.issues(), "the 2025 record no longer counts, so it raises nothing");
    }

    @Test
    void unreadableLatestAbiIsReportedAndNoOlderValueTakesItsPlace() {
        FhirReading reading = read(abi("old", "2025-01-10", 0.95, "1", "32153003"), abi("new", "2026-11-10", 70, "mm[Hg]", "32153003"));
        assertTrue(finding(reading, "ANKLE_BRACHIAL_INDEX", Laterality.LEFT).isEmpty(),
                "the 2025 value is out of date; the current one is unknown");
        assertEquals("Observation/new", reading.issues().get(0).resource());
    }

    @Test
    void abiGivenAsABoundIsReportedNotRead() {
        Observation bound = abi("abi-right", "2026-11-10", 0.4, "1", "62175007");
        ((Quantity) bound.getValue()).setComparator(Quantity.QuantityComparator.LESS_THAN);
        FhirReading reading = read(bound);
        assertTrue(reading.patientCase().findings().isEmpty());
        assertEquals("valueQuantity.comparator", reading.issues().get(0).field());
    }

    @Test
    void implausibleAbiIsReportedNotRead() {
        FhirReading reading = read(abi("abi-left", "2026-11-10", 72, "1", "32153003"));
        assertTrue(reading.patientCase().findings().isEmpty());
        assertEquals("valueQuantity.value", reading.issues().get(0).field());
        assertTrue(reading.issues().get(0).problem().contains("between 0 and 3"), reading.issues().toString());
    }

    @Test
    void twoDifferentAbisOnTheSameDayAreAConflictNotAChoice() {
        FhirReading reading = read(abi("a", "2026-11-10", 0.72, "1", "32153003"), abi("b", "2026-11-10", 1.05, "1", "32153003"),
                abi("old", "2026-01-10", 0.99, "1", "32153003"));
        assertTrue(finding(reading, "ANKLE_BRACHIAL_INDEX", Laterality.LEFT).isEmpty(),
                "neither the older reading nor one of the two is taken");
        assertEquals(1, reading.issues().size());
        assertTrue(reading.issues().get(0).problem().contains("0.72") && reading.issues().get(0).problem().contains("1.05"));
    }

    @Test
    void theSameAbiRecordedTwiceIsNoConflict() {
        FhirReading reading = read(abi("a", "2026-11-10", 0.72, "1", "32153003"), abi("b", "2026-11-10", 0.72, "{ratio}", "51636004"));
        assertEquals(0.72, only(reading, "ANKLE_BRACHIAL_INDEX", Laterality.LEFT).value());
        assertEquals(List.of(), reading.issues());
    }

    @Test
    void observationWithADataAbsentReasonIsUnknownNotAbsent() {
        Observation b12 = new Observation();
        b12.setId("b12");
        b12.setStatus(Observation.ObservationStatus.FINAL);
        b12.setCode(new CodeableConcept(new Coding(LOINC, "2132-9", null)));
        b12.setEffective(new DateTimeType("2026-11-01"));
        b12.setDataAbsentReason(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/data-absent-reason", "error", "Error")));
        FhirReading reading = read(b12);
        assertEquals(Status.UNKNOWN, only(reading, "VITAMIN_B12", null).status());
        assertEquals(List.of(), reading.issues());
    }

    @Test
    void preliminaryObservationIsReportedNotRead() {
        Observation preliminary = abi("abi", "2026-11-10", 0.5, "1", "32153003");
        preliminary.setStatus(Observation.ObservationStatus.PRELIMINARY);
        FhirReading reading = read(preliminary);
        assertTrue(reading.patientCase().findings().isEmpty());
        assertEquals(List.of(new InputIssue("Observation/abi", "status",
                "status 'preliminary' (not final): ANKLE_BRACHIAL_INDEX not read")), reading.issues());
    }

    @Test
    void symptomObservationWithAnUnknownAnswerCodeIsReported() {
        Observation saddle = new Observation();
        saddle.setId("saddle");
        saddle.setStatus(Observation.ObservationStatus.FINAL);
        saddle.setCode(new CodeableConcept(new Coding(SNOMED, "271594007", "Saddle anesthesia")));
        saddle.setValue(new CodeableConcept(new Coding("http://local.example/answers", "maybe", "Maybe")));
        FhirReading reading = read(saddle);
        assertTrue(reading.patientCase().findings().isEmpty(), "an unreadable answer is not taken as yes or no");
        assertEquals("valueCodeableConcept", reading.issues().get(0).field());
    }

    @Test
    void redFlagConditionWithoutClinicalStatusIsReadOnTheSafeSideAndReported() {
        Condition retention = new Condition();
        retention.setId("retention");
        retention.setCode(new CodeableConcept(new Coding(SNOMED, "267064002", "Retention of urine")));
        retention.setSubject(new Reference("Patient/p1"));
        FhirReading reading = read(retention);
        assertEquals(Status.PRESENT, only(reading, "BLADDER_DYSFUNCTION", null).status(), "may be current: a red flag");
        assertEquals(List.of(new InputIssue("Condition/retention", "clinicalStatus", "no clinical status, so it cannot "
                + "be told whether BLADDER_DYSFUNCTION is current: BLADDER_DYSFUNCTION read as present on the safe side "
                + "(a red flag reported, unconfirmed: confirm or refute it)")), reading.issues());
    }

    @Test
    void otherConditionWithoutClinicalStatusIsReportedNotRead() {
        Condition diabetes = new Condition();
        diabetes.setId("dm");
        diabetes.setCode(new CodeableConcept(new Coding(SNOMED, "44054006", "Diabetes mellitus type 2")));
        FhirReading reading = read(diabetes);
        assertTrue(reading.patientCase().findings().isEmpty());
        assertEquals(List.of(new InputIssue("Condition/dm", "clinicalStatus", "no clinical status, so it cannot be "
                + "told whether DIABETES is current: DIABETES not read")), reading.issues());
    }

    @Test
    void recordOfAnotherPatientIsReportedAndNotRead() {
        Condition other = new Condition();
        other.setId("dm");
        other.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        other.setCode(new CodeableConcept(new Coding(SNOMED, "44054006", null)));
        other.setSubject(new Reference("Patient/someone-else"));
        FhirReading reading = read(other);
        assertTrue(reading.patientCase().findings().isEmpty());
        assertEquals("subject.reference", reading.issues().get(0).field());
    }

    @Test
    void sideInTheCodeAndADifferentBodySiteAreReported() {
        Condition pain = new Condition();
        pain.setId("pain");
        pain.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        pain.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M79.605", "Pain in left leg")));
        pain.addBodySite(new CodeableConcept(new Coding(SNOMED, "62175007", "Structure of right lower limb")));
        FhirReading reading = read(pain);
        assertTrue(reading.patientCase().findings().isEmpty());
        assertEquals("bodySite", reading.issues().get(0).field());
    }

    @Test
    void pregnancyRecordedForAMaleIsReportedAndLeftUnknown() {
        org.hl7.fhir.r4.model.Patient man = patient();
        man.setGender(AdministrativeGender.MALE);
        Condition pregnant = new Condition();
        pregnant.setId("preg");
        pregnant.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        pregnant.setCode(new CodeableConcept(new Coding(SNOMED, "77386006", "Pregnant")));
        FhirReading reading = READER.read(List.of(man, pregnant), TODAY);
        assertEquals(Status.UNKNOWN, reading.patientCase().patient().pregnancy());
        assertEquals("gender", reading.issues().get(0).field());
    }

    @Test
    void birthYearOnlyLeavesTheAgeUnknownWhenItCouldBeEither() {
        org.hl7.fhir.r4.model.Patient p = patient();
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1960"));
        FhirReading reading = READER.read(List.of(p), TODAY);
        assertNull(reading.patientCase().patient().age(), "65 or 66 at 2026-11-21");
        assertEquals("birthDate", reading.issues().get(0).field());
    }

    @Test
    void hugeMalformedBirthDateIsRefusedWithoutQuotingItWhole() {
        String json = "{\"resourceType\": \"Patient\", \"id\": \"p1\", \"birthDate\": \"" + "é".repeat(60_000) + "\"}";
        InvalidCaseException e = assertThrows(InvalidCaseException.class, () -> READER.readJson(json, TODAY));
        assertTrue(e.getMessage().length() < 500, e.getMessage().length() + " characters (found by FhirReaderFuzzTest)");
    }

    @Test
    void noPatientIsInvalidInput() {
        InvalidCaseException e = assertThrows(InvalidCaseException.class,
                () -> READER.read(List.of(abi("a", "2026-11-10", 0.7, "1", "32153003")), TODAY));
        assertEquals("Patient", e.problems().get(0).field());
    }

    @Test
    void twoPatientsAreInvalidInput() {
        org.hl7.fhir.r4.model.Patient second = patient();
        second.setId("p2");
        InvalidCaseException e = assertThrows(InvalidCaseException.class,
                () -> READER.read(List.of(patient(), second), TODAY));
        assertTrue(e.getMessage().contains("Patient/p1") && e.getMessage().contains("Patient/p2"), e.getMessage());
    }

    @Test
    void thePatientTwiceInASearchsetIsOnePatient() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setResource(patient());
        bundle.addEntry().setResource(patient());
        assertEquals("p1", READER.read(bundle, TODAY).patientCase().patient().id());
    }

    @Test
    void jsonThatIsNotFhirIsInvalidInput() {
        InvalidCaseException notJson = assertThrows(InvalidCaseException.class, () -> READER.readJson("{\"resourceType\":", TODAY));
        assertTrue(notJson.getMessage().contains("not FHIR R4 JSON"), notJson.getMessage());
        InvalidCaseException notFhir = assertThrows(InvalidCaseException.class,
                () -> READER.readJson("{\"patient\": {\"id\": \"x\"}}", TODAY));
        assertTrue(notFhir.getMessage().contains("not FHIR R4 JSON"), notFhir.getMessage());
    }

    @Test
    void misspeltElementIsReportedNotSilentlyIgnored() {
        String json = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1960-01-01"}},
                  {"resource": {"resourceType": "Observation", "id": "b12", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "2132-9"}]},
                    "valueQuantty": {"value": 150, "unit": "pg/mL"}}}]}
                """;
        FhirReading reading = READER.readJson(json, TODAY);
        assertTrue(reading.issues().stream().anyMatch(i -> i.field().contains("valueQuantty")), reading.issues().toString());
        assertTrue(reading.issues().stream().anyMatch(i -> i.resource().equals("Observation/b12")
                && i.problem().contains("missing")), "and the observation's missing value is reported: " + reading.issues());
    }

    @Test
    void malformedNumberIsReportedNotGuessed() {
        String json = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1960-01-01"}},
                  {"resource": {"resourceType": "Observation", "id": "b12", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "2132-9"}]},
                    "effectiveDateTime": "2026-11-01",
                    "valueQuantity": {"value": "one hundred", "unit": "pg/mL"}}}]}
                """;
        FhirReading reading = READER.readJson(json, TODAY);
        assertTrue(finding(reading, "VITAMIN_B12", null).isEmpty());
        assertFalse(reading.issues().isEmpty());
    }

    @Test
    void aNumberWithAnAbsurdExponentIsRefusedBeforeItIsExpanded() {
        String json = """
                {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": 1e99999999}
                """;
        InvalidCaseException refused = assertThrows(InvalidCaseException.class, () -> READER.readJson(json, TODAY));
        assertEquals("/birthDate", refused.problems().get(0).field());
        assertTrue(refused.getMessage().contains("exponent of at most 400"), refused.getMessage());
        assertTrue(refused.getMessage().length() < 300, "the message quotes the number as written");
    }

    static Hypothesis hypothesis(Assessment assessment, String condition) {
        return assessment.differential().stream().filter(h -> h.condition().id().equals(condition)).findFirst()
                .orElseThrow(() -> new AssertionError(condition + " not in " + assessment.differential().stream()
                        .map(h -> h.condition().id()).toList()));
    }
}
