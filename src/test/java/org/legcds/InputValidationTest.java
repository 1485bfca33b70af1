package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.json.CaseJson;
import org.legcds.problems.InvalidCaseException;

@DisplayName("Bad input gets a clear error that names the problem")
class InputValidationTest {

    // a finding is checked against the vocabulary of the knowledge base that assesses it (ranges, units and
    // qualifiers are the vocabulary's data): the engine refuses it, with an InvalidCaseException

    @Test
    void anAbiOutsideThePlausibleRangeIsRejectedNamingFieldAndValue() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Clinic.assess(Finding.measured("ANKLE_BRACHIAL_INDEX", 7.5, "1")));
        assertTrue(e.getMessage().contains("value of ANKLE_BRACHIAL_INDEX") && e.getMessage().contains("7.5"),
                e.getMessage());
    }

    @Test
    void aMeasurementInTheWrongUnitIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Clinic.assess(Finding.measured("HBA1C", 7.1, "mg")));
        assertTrue(e.getMessage().contains("unit of HBA1C"), e.getMessage());
    }

    @Test
    void aMeasurementCannotBeAbsentAndAnAbsentFindingHasNoTriggers() {
        assertThrows(IllegalArgumentException.class, () -> Clinic.assess(Finding.absent("ANKLE_BRACHIAL_INDEX")));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Finding.absent("LEG_PAIN").broughtOnBy("WALKING"));
        assertTrue(e.getMessage().contains("only when it is present"), e.getMessage());
    }

    @Test
    void impossiblePatientsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Patient("p", 131, Sex.MALE, Status.ABSENT))
                .getMessage().contains("age: 131 is not valid; expected a whole number of years from 0 to 130"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Patient("p", 40, Sex.MALE, Status.PRESENT))
                .getMessage().contains("pregnancy"));
        assertThrows(IllegalArgumentException.class, () -> Patient.bornOn("p", LocalDate.of(2030, 1, 1),
                LocalDate.of(2026, 1, 1), Sex.FEMALE, Status.UNKNOWN));
    }

    @Test
    void ageIsResolvedAgainstTheEvaluationDateNotTheClock() {
        Patient p = Patient.bornOn("p", LocalDate.of(1950, 6, 15), LocalDate.of(2026, 6, 14), Sex.FEMALE,
                Status.ABSENT);
        assertEquals(75, p.age());
    }

    @Test
    void theSameFindingBothPresentAndAbsentIsOneConflictingFinding() {
        // records that disagree are accepted as CONFLICTING (issue 10), not refused: a red flag must not be lost
        Case patientCase = new Case(new Patient("p", 50, Sex.MALE, Status.ABSENT), LocalDate.of(2026, 1, 1),
                List.of(Finding.present("FEVER"), Finding.absent("FEVER")));
        assertEquals(List.of(Status.CONFLICTING), patientCase.findings().stream().map(Finding::status).toList());
    }

    @Test
    void aCaseFileWithSeveralProblemsReportsThemAllAtOnce() {
        String json = """
                {"patient": {"id": "p", "age": 50, "sex": "male", "pregnancy": "absent"},
                 "evaluationDate": "2026-13-01",
                 "findings": [{"code": "BLADER_DYSFUNCTION", "status": "present"},
                              {"code": "FEVER"},
                              {"code": "LEG_PAIN", "status": "present", "laterality": "both"},
                              {"code": "LEG_PAIN", "status": "present", "colour": "red"}]}
                """;
        var e = assertThrows(InvalidCaseException.class, () -> CaseJson.read(json));
        List<String> fields = e.problems().stream().map(p -> p.field().replaceFirst(" \\(line \\d+\\)", "")).toList();
        assertTrue(fields.containsAll(List.of("evaluationDate", "findings[0].code", "findings[1].status",
                "findings[2].laterality", "findings[3].colour")), fields.toString());
        assertTrue(e.getMessage().contains("BLADDER_DYSFUNCTION"), "suggests the nearest code: " + e.getMessage());
    }

    @Test
    void malformedJsonIsReportedWithItsPosition() {
        var e = assertThrows(InvalidCaseException.class, () -> CaseJson.read("{\"patient\": {\"id\": "));
        assertTrue(e.getMessage().contains("malformed JSON at line 1"), e.getMessage());
    }
}
