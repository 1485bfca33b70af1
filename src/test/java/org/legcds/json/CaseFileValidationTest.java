package org.legcds.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * Each failure mode of a case file (issue 6, "Input") is reported as a {@link Problem} that names the field, repeats the
 * value and says what was expected; all of them come as the one documented {@link InvalidCaseException}.
 */
@DisplayName("A bad case file is refused, naming the field, the value and what was expected")
class CaseFileValidationTest {

    private static final String PATIENT = "\"patient\": {\"id\": \"p-1\", \"age\": 60, \"sex\": \"female\"}";
    private static final String DATE = "\"evaluationDate\": \"2026-11-21\"";

    private static String caseWith(String... findings) {
        return "{" + PATIENT + ", " + DATE + ", \"findings\": [" + String.join(", ", findings) + "]}";
    }

    private static InvalidCaseException refused(String json) {
        return assertThrows(InvalidCaseException.class, () -> CaseJson.read(json));
    }

    /** The problem of the given field, with its value and a fragment of what was expected. */
    private static void assertProblem(InvalidCaseException e, String field, String value, String expected) {
        // a finding's problems also give the line it starts on ("findings[0] (line 1).code"); the path is what is compared
        Problem problem = e.problems().stream().filter(p -> p.field().replaceFirst(" \\(line \\d+\\)", "").equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + field + " in " + e.problems()));
        assertEquals(value, problem.value(), () -> "value of " + problem);
        assertTrue(problem.expected().contains(expected), () -> "expected '" + expected + "' in " + problem);
    }

    @Nested
    @DisplayName("vocabulary and status")
    class VocabularyAndStatus {

        @Test
        void aMisspeltFindingCodeIsNamedWithTheNearestKnownCodes() {
            var e = refused(caseWith("{\"code\": \"BLADER_DYSFUNCTION\", \"status\": \"present\"}"));
            assertProblem(e, "findings[0].code", "'BLADER_DYSFUNCTION'", "nearest: BLADDER_DYSFUNCTION");
        }

        @Test
        void aFindingWithoutStatusIsRefusedBecauseAMissingAnswerIsNeverAbsent() {
            var e = refused(caseWith("{\"code\": \"SADDLE_ANAESTHESIA\"}"));
            assertProblem(e, "findings[0].status", "missing", "a missing answer is never taken as absent");
        }

        @Test
        void aStatusThatIsNotPresentAbsentOrUnknownIsRefused() {
            var e = refused(caseWith("{\"code\": \"FEVER\", \"status\": \"no\"}"));
            assertProblem(e, "findings[0].status", "\"no\"", "[present, absent, unknown, conflicting]");
        }
    }

    @Nested
    @DisplayName("values out of physiological range")
    class OutOfRange {

        @Test
        void anAnkleBrachialIndexOfSevenPointFiveIsOutsideZeroToThree() {
            var e = refused(caseWith("{\"code\": \"ANKLE_BRACHIAL_INDEX\", \"status\": \"present\", \"laterality\": "
                    + "\"left\", \"value\": 7.5, \"unit\": \"1\"}"));
            assertProblem(e, "findings[0].value", "7.5", "a value of ANKLE_BRACHIAL_INDEX in 1 between 0 and 3");
        }

        @Test
        void aNegativeVitaminB12AndAWrongUnitAreBothReported() {
            var e = refused(caseWith("{\"code\": \"VITAMIN_B12\", \"status\": \"present\", \"value\": -5, "
                    + "\"unit\": \"ng\"}"));
            assertProblem(e, "findings[0].value", "-5.0", "pg/mL 0 to 20000");
            assertProblem(e, "findings[0].unit", "'ng'", "one of [pg/mL, pmol/L]");
        }

        @Test
        void anAgeOf131IsRefused() {
            var e = refused("{\"patient\": {\"id\": \"p\", \"age\": 131}, " + DATE + ", \"findings\": []}");
            assertProblem(e, "patient.age", "131", "a whole number of years from 0 to 130");
        }

        @Test
        void aNegativeAgeIsRefused() {
            var e = refused("{\"patient\": {\"id\": \"p\", \"age\": -1}, " + DATE + ", \"findings\": []}");
            assertProblem(e, "patient.age", "-1", "from 0 to 130");
        }

        @Test
        void anAgeGivenAsTextIsRefused() {
            var e = refused("{\"patient\": {\"id\": \"p\", \"age\": \"sixty\"}, " + DATE + ", \"findings\": []}");
            assertProblem(e, "patient.age", "\"sixty\"", "a whole number of years");
        }

        @Test
        void aBirthDateAfterTheEvaluationDateIsRefused() {
            var e = refused("{\"patient\": {\"id\": \"p\", \"birthDate\": \"2030-01-01\"}, " + DATE
                    + ", \"findings\": []}");
            assertProblem(e, "patient.birthDate", "2030-01-01", "on or before the evaluation date 2026-11-21");
        }

        @Test
        void aBirthDateGivingAnAgeAbove130IsRefused() {
            var e = refused("{\"patient\": {\"id\": \"p\", \"birthDate\": \"1850-01-01\"}, " + DATE
                    + ", \"findings\": []}");
            assertProblem(e, "patient.birthDate", "1850-01-01", "an age of at most 130");
        }
    }

    @Nested
    @DisplayName("contradictions and impossible combinations")
    class Contradictions {

        // records that disagree (present and absent on one side) are no longer refused: they are read as one
        // CONFLICTING finding, on the present record's side, naming both sources (issue 10)

        @Test
        void feverBothPresentAndAbsentIsOneConflictingFinding() {
            Case patientCase = CaseJson.read(caseWith(
                    "{\"code\": \"FEVER\", \"status\": \"present\", \"source\": \"nurse note\"}",
                    "{\"code\": \"FEVER\", \"status\": \"absent\", \"source\": \"checklist\"}"));
            assertEquals(List.of("FEVER/CONFLICTING"), patientCase.findings().stream()
                    .map(f -> f.code() + "/" + f.status()).toList());
            assertEquals("present: nurse note; absent: checklist", patientCase.findings().get(0).source());
        }

        @Test
        void aFootPulseAbsentOnTheLeftButPresentOnBothSidesIsOneConflictingFinding() {
            Case patientCase = CaseJson.read(caseWith(
                    "{\"code\": \"DIMINISHED_FOOT_PULSES\", \"status\": \"present\", \"laterality\": \"bilateral\"}",
                    "{\"code\": \"DIMINISHED_FOOT_PULSES\", \"status\": \"absent\", \"laterality\": \"left\"}"));
            assertEquals(1, patientCase.findings().size(), patientCase.findings()::toString);
            Finding finding = patientCase.findings().get(0);
            assertEquals(Status.CONFLICTING, finding.status());
            assertEquals(Laterality.BILATERAL, finding.laterality(), "the side of the record that finds it present");
        }

        @Test
        void legPainOnTheLeftContradictsNoLegPainAtAll() {
            Case patientCase = CaseJson.read(caseWith("{\"code\": \"LEG_PAIN\", \"status\": \"absent\"}",
                    "{\"code\": \"LEG_PAIN\", \"status\": \"present\", \"laterality\": \"left\"}"));
            assertEquals(1, patientCase.findings().size(), patientCase.findings()::toString);
            assertEquals(Status.CONFLICTING, patientCase.findings().get(0).status());
            assertEquals(Laterality.LEFT, patientCase.findings().get(0).laterality());
        }

        @Test
        void painOnTheLeftAndNoneOnTheRightIsNotAContradiction() {
            Case patientCase = CaseJson.read(caseWith(
                    "{\"code\": \"CALF_PAIN\", \"status\": \"present\", \"laterality\": \"left\"}",
                    "{\"code\": \"CALF_PAIN\", \"status\": \"absent\", \"laterality\": \"right\"}",
                    "{\"code\": \"THIGH_PAIN\", \"status\": \"present\"}",
                    "{\"code\": \"THIGH_PAIN\", \"status\": \"absent\", \"laterality\": \"left\"}"));
            assertEquals(4, patientCase.findings().size());
        }

        @Test
        void pregnancyInAMalePatientIsRefused() {
            var e = refused("{\"patient\": {\"id\": \"p\", \"age\": 30, \"sex\": \"male\", \"pregnancy\": "
                    + "\"present\"}, " + DATE + ", \"findings\": []}");
            assertProblem(e, "patient.pregnancy", "present", "absent or unknown for a patient whose sex is male");
        }

        @Test
        void aMeasurementRecordedAsAbsentIsRefused() {
            var e = refused(caseWith("{\"code\": \"ANKLE_BRACHIAL_INDEX\", \"status\": \"absent\"}"));
            assertProblem(e, "findings[0].status", "absent", "present (measured, with a value) or unknown");
        }

        @Test
        void anOnsetOnAnAbsentFindingIsRefused() {
            var e = refused(caseWith("{\"code\": \"COLD_LIMB\", \"status\": \"absent\", \"onset\": \"sudden\"}"));
            assertProblem(e, "findings[0].onset", "'sudden'", "only when it is present");
        }

        @Test
        void aValueOnAFindingThatIsNotAMeasurementIsRefused() {
            var e = refused(caseWith("{\"code\": \"FEVER\", \"status\": \"present\", \"value\": 39.5, "
                    + "\"unit\": \"Cel\"}"));
            assertProblem(e, "findings[0].value", "39.5", "FEVER is not a measurement");
            assertProblem(e, "findings[0].unit", "'Cel'", "FEVER is not a measurement");
        }
    }

    @Nested
    @DisplayName("implausible for the patient: pregnancy, habits and dates against age, sides against each other")
    class Implausible {

        private static String patient(String sex, int age, String pregnancy) {
            return "\"patient\": {\"id\": \"p\", \"age\": " + age + ", \"sex\": \"" + sex + "\", \"pregnancy\": \""
                    + pregnancy + "\"}";
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 3, 9, 61, 90})
        void pregnancyOutsideAgesTenToSixtyIsRefused(int age) {
            var e = refused("{" + patient("female", age, "present") + ", " + DATE + ", \"findings\": []}");
            assertProblem(e, "patient.pregnancy", "present at age " + age, "plausible from age 10 to 60");
        }

        @ParameterizedTest
        @ValueSource(ints = {10, 60})
        void pregnancyAtTenAndSixtyIsAccepted(int age) {
            assertEquals(age, CaseJson.read("{" + patient("female", age, "present") + ", " + DATE
                    + ", \"findings\": []}").patient().age());
        }

        @ParameterizedTest
        @CsvSource({"SMOKING, 0", "SMOKING, 9", "ALCOHOL_MISUSE, 0", "ALCOHOL_MISUSE, 5"})
        void smokingAndAlcoholMisuseInAYoungChildAreRefused(String code, int age) {
            var e = refused("{" + patient("unknown", age, "unknown") + ", " + DATE + ", \"findings\": [{\"code\": \""
                    + code + "\", \"status\": \"present\"}]}");
            assertProblem(e, "findings[0]", code + " present", "plausible from age 10");
        }

        @Test
        void smokingAbsentInAChildAndPresentAtTenAreAccepted() {
            CaseJson.read("{" + patient("male", 3, "absent") + ", " + DATE
                    + ", \"findings\": [{\"code\": \"SMOKING\", \"status\": \"absent\"}]}");
            CaseJson.read("{" + patient("male", 10, "absent") + ", " + DATE
                    + ", \"findings\": [{\"code\": \"SMOKING\", \"status\": \"present\"}]}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0000-01-01", "1899-12-31", "2201-01-01", "+999999999-12-31"})
        void anEvaluationDateOutside1900To2200IsRefused(String date) {
            var e = refused("{" + PATIENT + ", \"evaluationDate\": \"" + date + "\", \"findings\": []}");
            assertProblem(e, "evaluationDate", LocalDate.parse(date).toString(), "a date from 1900-01-01 to 2200-12-31");
        }

        @Test
        void aBirthDateBefore1900IsRefused() {
            var e = refused("{\"patient\": {\"id\": \"p\", \"birthDate\": \"1899-12-31\"}, "
                    + "\"evaluationDate\": \"1950-01-01\", \"findings\": []}");
            assertProblem(e, "patient.birthDate", "1899-12-31", "a date from 1900-01-01 to 2200-12-31");
        }

        @ParameterizedTest
        @CsvSource({"'', left", "'', bilateral", "bilateral, right", "bilateral, ''"})
        void absentOnBothSidesAndUnknownOnASideAtOnceIsRefused(String absentSide, String unknownSide) {
            var e = refused(caseWith(finding("absent", absentSide), finding("unknown", unknownSide)));
            assertTrue(e.getMessage().contains("absent on both sides and unknown on a side at once"), e.getMessage());
        }

        @Test
        void absentOnOneSideAndUnknownOnTheOtherIsAccepted() {
            assertEquals(2, CaseJson.read(caseWith(finding("absent", "left"), finding("unknown", "right")))
                    .findings().size());
        }

        private static String finding(String status, String side) {
            return "{\"code\": \"DIMINISHED_FOOT_PULSES\", \"status\": \"" + status + "\""
                    + (side == null || side.isEmpty() ? "" : ", \"laterality\": \"" + side + "\"") + "}";
        }
    }

    @Nested
    @DisplayName("unknown fields: a typo is never ignored")
    class UnknownFields {

        @Test
        void aMisspeltPatientFieldIsRefused() {
            var e = refused("{\"patient\": {\"id\": \"p\", \"age\": 60, \"sexe\": \"female\"}, " + DATE
                    + ", \"findings\": []}");
            assertProblem(e, "patient.sexe", "an unknown field", "[age, birthDate, id, pregnancy, sex]");
        }

        @Test
        void aMisspeltFindingFieldIsRefused() {
            var e = refused(caseWith("{\"code\": \"LEG_PAIN\", \"status\": \"present\", \"laterallity\": \"left\"}"));
            assertProblem(e, "findings[0].laterallity", "an unknown field", "laterality");
        }
    }

    @Nested
    @DisplayName("oversized input")
    class Oversized {

        @Test
        void moreThan500FindingsAreRefused() {
            List<String> findings = new ArrayList<>();
            for (int i = 0; i < Case.MAX_FINDINGS + 1; i++) {
                findings.add("{\"code\": \"FEVER\", \"status\": \"unknown\", \"laterality\": \"left\"}");
            }
            var e = refused(caseWith(findings.toArray(String[]::new)));
            assertProblem(e, "findings", "501 findings", "at most 500");
        }

        @Test
        void theByteLimitCountsUtf8BytesNotCharacters() {
            // 600,000 characters, but 1,200,000 bytes in UTF-8: over the limit of 1,000,000 bytes
            String id = "\u00e9".repeat(600_000);
            String json = "{\"patient\": {\"id\": \"" + id + "\", \"age\": 60}, " + DATE + ", \"findings\": []}";
            var e = refused(json);
            assertProblem(e, "$", (json.getBytes(StandardCharsets.UTF_8).length) + " bytes",
                    "a case file of at most 1000000 bytes");
        }

        @Test
        void aStreamLongerThanTheLimitIsRefusedWithoutReadingItWhole() {
            byte[] big = new byte[CaseJson.MAX_BYTES + 10];
            java.util.Arrays.fill(big, (byte) ' ');
            var e = assertThrows(InvalidCaseException.class, () -> CaseJson.read(new ByteArrayInputStream(big)));
            assertProblem(e, "$", "more than 1000000 bytes", "at most 1000000 bytes");
        }

        @Test
        void aFileWithThousandsOfProblemsListsTheFirstHundredAndCountsTheRest() {
            StringBuilder fields = new StringBuilder();
            for (int i = 0; i < 250; i++) {
                fields.append(", \"typo").append(i).append("\": 1");
            }
            var e = refused("{\"patient\": {\"id\": \"p\"" + fields + "}, " + DATE + ", \"findings\": []}");
            assertEquals(CaseJson.MAX_PROBLEMS + 1, e.problems().size());
            assertProblem(e, "$", "", "150 more problems not listed");
        }
    }

    @Nested
    @DisplayName("bytes that are not UTF-8")
    class NotUtf8 {

        @Test
        void aLatin1EncodedFileIsRefusedNamingTheByteRatherThanReadWithReplacementCharacters() {
            byte[] latin1 = caseWith("{\"code\": \"FEVER\", \"status\": \"present\"}")
                    .replace("p-1", "Jos\u00e9").getBytes(StandardCharsets.ISO_8859_1);
            int offset = new String(latin1, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
            var e = assertThrows(InvalidCaseException.class, () -> CaseJson.read(latin1));
            assertProblem(e, "$", "byte 0xE9 at byte offset " + offset, "UTF-8 text");
        }

        @Test
        void aUtf8ByteOrderMarkIsSkipped() {
            byte[] body = caseWith("{\"code\": \"FEVER\", \"status\": \"present\"}").getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            assertEquals(1, CaseJson.read(withBom).findings().size());
        }

        @Test
        void anUnpairedSurrogateInTextIsRefused() {
            var e = refused(caseWith("{\"code\": \"FEVER\", \"status\": \"present\"}").replace("p-1", "p\ud800"));
            assertTrue(e.problems().get(0).value().contains("unpaired surrogate U+D800"), e::getMessage);
        }
    }

    @Nested
    @DisplayName("the Java API throws the same exception")
    class JavaApi {

        private final Patient patient = new Patient("p", 60, Sex.FEMALE, Status.ABSENT);

        @Test
        void aFindingWithoutStatusThrowsInvalidCaseExceptionNamingStatus() {
            var e = assertThrows(InvalidCaseException.class,
                    () -> new Finding("BLADDER_DYSFUNCTION", null, null, null, null, null, Set.of(), Set.of(), Set.of(),
                            Set.of(), null, null, null, null, null, null, null, null));
            assertEquals(List.of(new Problem("status", "missing",
                    "present, absent, unknown or conflicting for BLADDER_DYSFUNCTION (a missing answer is never taken as absent)")),
                    e.problems());
        }

        @Test
        void aPregnantMaleThrowsInvalidCaseExceptionNamingPregnancy() {
            var e = assertThrows(InvalidCaseException.class, () -> new Patient("p", 30, Sex.MALE, Status.PRESENT));
            assertProblem(e, "pregnancy", "present", "absent or unknown for a patient whose sex is male");
        }

        @Test
        void aCaseWithContradictionsMakesEachOneConflictingFinding() {
            Case patientCase = new Case(patient, LocalDate.of(2026, 1, 1), List.of(
                    Finding.present("FEVER"), Finding.absent("FEVER"),
                    Finding.present("CALF_PAIN").on(Laterality.RIGHT), Finding.absent("CALF_PAIN")));
            assertEquals(Set.of("FEVER/CONFLICTING/null", "CALF_PAIN/CONFLICTING/RIGHT"), patientCase.findings().stream()
                    .map(f -> f.code() + "/" + f.status() + "/" + f.laterality()).collect(Collectors.toSet()));
        }

        @Test
        void aCaseWithoutPatientOrDateThrowsInvalidCaseException() {
            var e = assertThrows(InvalidCaseException.class, () -> new Case(null, null, List.of()));
            assertEquals(List.of("patient", "evaluationDate"), e.problems().stream().map(Problem::field).toList());
        }
    }
}
