package org.legcds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.fhir.FhirCaseReaderTest.ENGINE;
import static org.legcds.fhir.FhirCaseReaderTest.LOINC;
import static org.legcds.fhir.FhirCaseReaderTest.READER;
import static org.legcds.fhir.FhirCaseReaderTest.SNOMED;
import static org.legcds.fhir.FhirCaseReaderTest.TODAY;
import static org.legcds.fhir.FhirCaseReaderTest.finding;
import static org.legcds.fhir.FhirCaseReaderTest.only;
import static org.legcds.fhir.FhirCaseReaderTest.patient;
import static org.legcds.fhir.FhirCaseReaderTest.text;

import ca.uhn.fhir.context.FhirContext;
import java.time.Period;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Tier;
import org.legcds.facts.Status;
import org.legcds.problems.InvalidCaseException;
import org.legcds.vocabulary.Urgency;

/**
 * What a record must be before legcds trusts it (issue 12): whose it is, whether it is established, whether it is
 * current; and the concepts generated records carry. Each test is one situation a real chart produces.
 */
class FhirRecordTrustTest {

    static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    static Condition condition(String id, String snomed, String clinical, String verification) {
        Condition c = new Condition();
        c.setId(id);
        c.setCode(new CodeableConcept(new Coding(SNOMED, snomed, null)));
        c.setSubject(new Reference("Patient/p1"));
        if (clinical != null) {
            c.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, clinical, null)));
        }
        if (verification != null) {
            c.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION, verification, null)));
        }
        return c;
    }

    static Observation lab(String id, String loinc, String date, double value, String unit) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(LOINC, loinc, null)));
        o.setSubject(new Reference("Patient/p1"));
        o.setEffective(new DateTimeType(date));
        o.setValue(new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode(unit));
        return o;
    }

    static MedicationRequest prescription(String id, String rxnorm, String status, String authored) {
        MedicationRequest m = new MedicationRequest();
        m.setId(id);
        m.setStatus(MedicationRequest.MedicationRequestStatus.fromCode(status));
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(new CodeableConcept(new Coding(RXNORM, rxnorm, null)));
        m.setSubject(new Reference("Patient/p1"));
        m.setAuthoredOnElement(new DateTimeType(authored));
        return m;
    }

    // ---- whose record it is -----------------------------------------------------------------------------------------

    @Test
    void thePatientIncludedTwiceInASearchsetIsOnePatientAndItsRedFlagsStayItsOwn() {
        FhirReading reading = READER.readJson(text("cases/include-searchset.json"), TODAY);
        assertEquals(List.of(), reading.issues());
        assertEquals(Status.PRESENT, only(reading, "BLADDER_DYSFUNCTION", null).status(), "subject by its full URL");
        assertEquals(Status.PRESENT, only(reading, "SADDLE_ANAESTHESIA", null).status(), "subject Patient/ces-1");
        assertEquals(Urgency.EMERGENCY, ENGINE.assess(reading.patientCase()).triage().level());
    }

    @Test
    void aPrefetchedPatientAndTheCopyAnIncludeSearchReturnsAreOnePatient() {
        Bundle searchset = FhirContext.forR4Cached().newJsonParser()
                .parseResource(Bundle.class, text("cases/include-searchset.json"));
        org.hl7.fhir.r4.model.Patient prefetched = (org.hl7.fhir.r4.model.Patient) searchset.getEntry().get(1)
                .getResource().copy();
        FhirReading reading = READER.read(List.of(prefetched, searchset), TODAY);
        assertEquals(List.of(), reading.issues(), "the copy with the full URL is the same patient");
        assertEquals(Urgency.EMERGENCY, ENGINE.assess(reading.patientCase()).triage().level(),
                "was ROUTINE when the included copy made every record 'not this patient'");
    }

    @Test
    void copiesOfThePatientThatDisagreeAreRefused() {
        org.hl7.fhir.r4.model.Patient older = patient();
        older.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1950-01-01"));
        InvalidCaseException e = assertThrows(InvalidCaseException.class,
                () -> READER.read(List.of(patient(), older), TODAY));
        assertTrue(e.getMessage().contains("agree on gender and birth date"), e.getMessage());
    }

    @Test
    void aSubjectGivenByThePatientsIdentifierIsRead() {
        org.hl7.fhir.r4.model.Patient p = patient();
        p.addIdentifier(new Identifier().setSystem("https://hospital.example/mrn").setValue("12345"));
        Condition retention = condition("retention", "267064002", "active", "confirmed");
        retention.setSubject(new Reference().setIdentifier(new Identifier()
                .setSystem("https://hospital.example/mrn").setValue("12345")));
        FhirReading reading = READER.read(List.of(p, retention), TODAY);
        assertEquals(Status.PRESENT, only(reading, "BLADDER_DYSFUNCTION", null).status());
        assertEquals(List.of(), reading.issues());
    }

    @Test
    void aSubjectGivenByAnotherIdentifierIsRefusedWithAnIssue() {
        org.hl7.fhir.r4.model.Patient p = patient();
        p.addIdentifier(new Identifier().setSystem("https://hospital.example/mrn").setValue("12345"));
        Condition diabetes = condition("dm", "44054006", "active", "confirmed");
        diabetes.setSubject(new Reference().setIdentifier(new Identifier()
                .setSystem("https://hospital.example/mrn").setValue("99999")));
        Condition noSystem = condition("dm2", "44054006", "active", "confirmed");
        noSystem.setSubject(new Reference().setIdentifier(new Identifier().setValue("12345")));
        FhirReading reading = READER.read(List.of(p, diabetes, noSystem), TODAY);
        assertTrue(finding(reading, "DIABETES", null).isEmpty(), "taken on trust before");
        assertEquals(2, reading.issues().size(), reading.issues().toString());
        assertEquals("subject.identifier", reading.issues().get(0).field());
        assertTrue(reading.issues().get(0).problem().contains("is not one of the Patient's identifiers"));
        assertTrue(reading.issues().get(1).problem().contains("without a system cannot be checked"));
    }

    @Test
    void aSubjectOnAnotherServerIsRefusedWithAnIssue() {
        Condition diabetes = condition("dm", "44054006", "active", "confirmed");
        diabetes.setSubject(new Reference("https://other.example/fhir/Patient/p1"));
        FhirReading reading = read(diabetes);
        assertTrue(finding(reading, "DIABETES", null).isEmpty(), "Patient/p1 on another server is someone else");
        assertEquals("subject.reference", reading.issues().get(0).field());
        assertTrue(reading.issues().get(0).problem().contains("another server"), reading.issues().toString());
    }

    @Test
    void aSubjectGivenOnlyByNameIsRefusedWithAnIssue() {
        Condition diabetes = condition("dm", "44054006", "active", "confirmed");
        diabetes.setSubject(new Reference().setDisplay("Jane Doe"));
        FhirReading reading = read(diabetes);
        assertTrue(finding(reading, "DIABETES", null).isEmpty());
        assertTrue(reading.issues().get(0).problem().contains("cannot be checked"), reading.issues().toString());
    }

    // ---- whether it is established ------------------------------------------------------------------------------------

    @Test
    void aProvisionalRedFlagIsReadOnTheSafeSideAndReported() {
        FhirReading reading = read(condition("saddle", "271594007", "active", "provisional"));
        assertEquals(Status.PRESENT, only(reading, "SADDLE_ANAESTHESIA", null).status(), "reported, unconfirmed");
        assertEquals(1, reading.issues().size());
        assertEquals("verificationStatus", reading.issues().get(0).field());
        assertTrue(reading.issues().get(0).problem().contains("'provisional'")
                && reading.issues().get(0).problem().contains("on the safe side"), reading.issues().toString());
        assertEquals(Urgency.EMERGENCY, ENGINE.assess(reading.patientCase()).triage().level(),
                "red flags win until a clinician refutes the record");
    }

    @Test
    void anUnconfirmedRiskFactorIsReportedNotRead() {
        FhirReading reading = read(condition("dm", "44054006", "active", "unconfirmed"));
        assertTrue(finding(reading, "DIABETES", null).isEmpty());
        assertEquals(List.of(new InputIssue("Condition/dm", "verificationStatus",
                "verification status 'unconfirmed': DIABETES not read")), reading.issues());
    }

    @Test
    void aPreliminaryRedFlagObservationIsReadOnTheSafeSideAndReported() {
        Observation fever = new Observation();
        fever.setId("fever");
        fever.setStatus(Observation.ObservationStatus.PRELIMINARY);
        fever.setCode(new CodeableConcept(new Coding(SNOMED, "386661006", "Fever")));
        fever.setValue(new BooleanType(true));
        fever.setEffective(new DateTimeType("2026-11-20"));
        Observation noFever = fever.copy();
        noFever.setId("no-fever");
        noFever.setValue(new BooleanType(false));
        FhirReading yes = read(fever);
        assertEquals(Status.PRESENT, only(yes, "FEVER", null).status());
        assertTrue(yes.issues().get(0).problem().startsWith("status 'preliminary' (not final): FEVER read as present"),
                yes.issues().toString());
        FhirReading no = read(noFever);
        assertTrue(finding(no, "FEVER", null).isEmpty(), "a preliminary 'no' is not taken as absent");
        assertEquals("status 'preliminary' (not final): FEVER not read", no.issues().get(0).problem());
    }

    @Test
    void anObservationWithoutStatusIsReported() {
        Observation b12 = lab("b12", "2132-9", "2026-11-01", 150, "pg/mL");
        b12.setStatus(null);
        FhirReading reading = read(b12);
        assertTrue(finding(reading, "VITAMIN_B12", null).isEmpty());
        assertEquals(List.of(new InputIssue("Observation/b12", "status", "no status: VITAMIN_B12 not read")),
                reading.issues());
    }

    @Test
    void aRedFlagDatedAfterTheEvaluationDateIsReadOnTheSafeSideAndReported() {
        Condition retention = condition("retention", "267064002", "active", "confirmed");
        retention.setOnset(new DateTimeType("2026-11-22"));
        FhirReading reading = read(retention);
        assertEquals(Status.PRESENT, only(reading, "BLADDER_DYSFUNCTION", null).status());
        assertEquals("onset", reading.issues().get(0).field());
        assertTrue(reading.issues().get(0).problem().startsWith("dated 2026-11-22, after the evaluation date"));
    }

    @Test
    void aRiskFactorDatedAfterTheEvaluationDateIsReportedNotRead() {
        Condition diabetes = condition("dm", "44054006", "active", "confirmed");
        diabetes.setOnset(new DateTimeType("2027-02-01"));
        FhirReading reading = read(diabetes);
        assertTrue(finding(reading, "DIABETES", null).isEmpty());
        assertEquals(List.of(new InputIssue("Condition/dm", "onset", "dated 2027-02-01, after the evaluation date "
                + "2026-11-21: DIABETES not read")), reading.issues());
    }

    // ---- whether it is current ----------------------------------------------------------------------------------------

    @Test
    void aMetforminCourseCompletedYearsAgoIsHistoryNotACurrentMedicine() {
        FhirReading old = read(prescription("old", "860975", "completed", "2019-03-01"));
        assertTrue(finding(old, "METFORMIN", null).isEmpty(), "counted as current before");
        assertEquals(List.of(), old.issues(), "history: nothing wrong with the record");
        assertEquals(Status.PRESENT, only(read(prescription("now", "860975", "active", "2019-03-01")),
                "METFORMIN", null).status(), "still prescribed");
        assertEquals(Status.PRESENT, only(read(prescription("recent", "860975", "stopped", "2026-09-01")),
                "METFORMIN", null).status(), "stopped within the current window");
    }

    @Test
    void aMedicineStatementEndedLongAgoIsHistoryButChemotherapyIsAHistoryAnyway() {
        MedicationStatement cipro = new MedicationStatement();
        cipro.setId("cipro");
        cipro.setStatus(MedicationStatement.MedicationStatementStatus.COMPLETED);
        cipro.setMedication(new CodeableConcept(new Coding(RXNORM, "2551", "ciprofloxacin")));
        cipro.setEffective(new org.hl7.fhir.r4.model.Period().setStartElement(new DateTimeType("2018-01-01"))
                .setEndElement(new DateTimeType("2018-01-10")));
        assertTrue(read(cipro).patientCase().findings().isEmpty());
        FhirReading chemo = read(prescription("chemo", "1736854", "completed", "2015-06-01"));
        assertEquals(Status.PRESENT, only(chemo, "CHEMOTHERAPY", null).status(), "chemotherapy is current or past");
    }

    @Test
    void aMedicineWithUnknownStatusIsReported() {
        FhirReading reading = read(prescription("m", "860975", "unknown", "2026-10-01"));
        assertTrue(finding(reading, "METFORMIN", null).isEmpty());
        assertTrue(reading.issues().get(0).problem().contains("cannot be told whether it is taken"),
                reading.issues().toString());
    }

    @Test
    void aLabOlderThanTheCurrentWindowIsReportedAndTreatedAsHistory() {
        Observation hba1c = lab("a1c", "4548-4", "2024-05-01", 8.1, "%");
        FhirReading reading = read(hba1c);
        assertTrue(finding(reading, "HBA1C", null).isEmpty(), "counted as current before");
        assertEquals("effective[x]", reading.issues().get(0).field());
        assertTrue(reading.issues().get(0).problem().contains("2024-05-01, before 2025-11-21"), reading.issues().toString());
        FhirReading wider = READER.withCurrentWindow(Period.ofYears(3)).read(List.of(patient(), hba1c), TODAY);
        assertEquals(8.1, only(wider, "HBA1C", null).value(), "the window is the reader's option");
        assertEquals(List.of(), wider.issues());
    }

    @Test
    void anOldSmokingStatusStillCountsBecauseSmokingIsAHistory() {
        Observation smoking = new Observation();
        smoking.setId("smoking");
        smoking.setStatus(Observation.ObservationStatus.FINAL);
        smoking.setCode(new CodeableConcept(new Coding(LOINC, "72166-2", null)));
        smoking.setValue(new CodeableConcept(new Coding(SNOMED, "8517006", "Ex-smoker")));
        smoking.setEffective(new DateTimeType("2015-01-01"));
        FhirReading reading = read(smoking);
        assertEquals(Status.PRESENT, only(reading, "SMOKING", null).status());
        assertEquals(List.of(), reading.issues());
    }

    @Test
    void abatementBeforeOnsetIsReported() {
        Condition pain = condition("pain", "10601006", "resolved", "confirmed");
        pain.setOnset(new DateTimeType("2026-06-01"));
        pain.setAbatement(new DateTimeType("2026-05-01"));
        FhirReading reading = read(pain);
        assertTrue(reading.patientCase().findings().isEmpty(), "resolved, as its status says");
        assertEquals("abatement[x]", reading.issues().get(0).field());
        assertTrue(reading.issues().get(0).problem().contains("before its onset"), reading.issues().toString());
    }

    @Test
    void anActiveConditionWithAnAbatementIsReportedAndReadAsItsStatusSays() {
        Condition pain = condition("pain", "10601006", "active", "confirmed");
        pain.setOnset(new DateTimeType("2026-06-01"));
        pain.setAbatement(new DateTimeType("2026-07-01"));
        FhirReading reading = read(pain);
        assertEquals(Status.PRESENT, only(reading, "LEG_PAIN", null).status());
        assertTrue(reading.issues().get(0).problem().contains("'active' but abated 2026-07-01"), reading.issues().toString());
    }

    @Test
    void aConditionAbatedAfterTheEvaluationDateWasCurrentOnIt() {
        Condition pain = condition("pain", "10601006", "resolved", "confirmed");
        pain.setOnset(new DateTimeType("2026-06-01"));
        pain.setAbatement(new DateTimeType("2026-12-15"));
        FhirReading reading = read(pain);
        assertEquals(Status.PRESENT, only(reading, "LEG_PAIN", null).status());
        assertTrue(reading.issues().get(0).problem().contains("after the evaluation date"), reading.issues().toString());
    }

    // ---- input forms ----------------------------------------------------------------------------------------------------

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        FhirReading reading = READER.readJson("\uFEFF" + text("cauda-equina.json"), TODAY);
        assertEquals(Status.PRESENT, only(reading, "BLADDER_DYSFUNCTION", null).status());
    }

    // ---- concepts generated records carry -------------------------------------------------------------------------------

    @Test
    void diabeticNeuropathyIsDiabetesAndANeuropathy() {
        FhirReading reading = read(condition("dpn", "368581000119106", "active", "confirmed"));
        assertEquals(Status.PRESENT, only(reading, "DIABETES", null).status());
        assertEquals(Status.PRESENT, only(reading, "STOCKING_GLOVE_SYMPTOMS", null).status());
        Assessment assessment = ENGINE.assess(reading.patientCase());
        assertEquals(Tier.LIKELY, FhirCaseReaderTest.hypothesis(assessment,
                "DIABETIC_NEUROPATHY").tier(), "read only as diabetes before");
    }

    @Test
    void vitaminB12InjectionsMeanAKnownDeficiency() {
        assertEquals(Status.PRESENT, only(read(prescription("b12", "309594", "active", "2026-08-01")),
                "B12_DEFICIENCY", null).status(), "cyanocobalamin injection");
        assertEquals(Status.PRESENT, only(read(prescription("b12", "317106", "active", "2026-08-01")),
                "B12_DEFICIENCY", null).status(), "hydroxocobalamin injection");
    }

    @Test
    void cholesterolAndLdlAboveTheThresholdInTheMapsMeanHighCholesterol() {
        assertEquals(Status.PRESENT, only(read(lab("tc", "2093-3", "2026-10-01", 252, "mg/dL")),
                "HIGH_CHOLESTEROL", null).status(), "total cholesterol 252 >= 240 mg/dL");
        assertEquals(Status.PRESENT, only(read(lab("ldl", "18262-6", "2026-10-01", 171, "mg/dL")),
                "HIGH_CHOLESTEROL", null).status(), "LDL 171 >= 160 mg/dL");
        FhirReading normal = read(lab("tc", "2093-3", "2026-10-01", 181, "mg/dL"));
        assertTrue(normal.patientCase().findings().isEmpty(), "below the threshold says nothing, not 'absent'");
        assertEquals(List.of(), normal.issues());
        FhirReading wrongUnit = read(lab("tc", "2093-3", "2026-10-01", 6.9, "mmol/L"));
        assertTrue(wrongUnit.patientCase().findings().isEmpty(), "never converted");
        assertTrue(wrongUnit.issues().get(0).problem().contains("is not mg/dL"), wrongUnit.issues().toString());
        assertEquals(Status.PRESENT, only(read(lab("tc", "2093-3", "2019-10-01", 262, "mg/dL"),
                lab("tc2", "2093-3", "2026-10-01", 170, "mg/dL")), "HIGH_CHOLESTEROL", null).status(),
                "a history: an old high value still counts, a later normal one (on a statin) does not undo it");
    }

    static FhirReading read(Resource... resources) {
        return FhirCaseReaderTest.read(resources);
    }
}
