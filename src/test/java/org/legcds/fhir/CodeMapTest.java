package org.legcds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.facts.Status;
import org.legcds.fhir.CodeMap.Mapping;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.StandardCode;
import org.legcds.vocabulary.Vocabulary;

/** The code maps an informatician edits: they load, they are consistent, and they cover the vocabulary. */
class CodeMapTest {

    static final CodeMap MAP = CodeMap.packaged();
    static final Vocabulary VOCABULARY = Vocabulary.packaged();

    /** A finding's own codes in the vocabulary: its SNOMED CT concept and its LOINC code, where it has them. */
    private static List<StandardCode> ownCodes(FindingDefinition finding) {
        List<StandardCode> own = new ArrayList<>();
        if (finding.snomed() != null) {
            own.add(new StandardCode(StandardCode.SNOMED_CT, finding.snomed()));
        }
        if (finding.loinc() != null) {
            own.add(new StandardCode(StandardCode.LOINC, finding.loinc()));
        }
        return own;
    }

    @Test
    void everyTargetExistsInTheVocabulary() {
        // the loader rejects unknown targets; this checks the packaged files were actually read
        assertTrue(MAP.mappings().size() > 200, "rows read: " + MAP.mappings().size());
        for (Mapping m : MAP.mappings()) {
            assertTrue(m.pregnancy() || VOCABULARY.finding(m.target().id()).isPresent(), m.source());
        }
    }

    @Test
    void noSourceCodeMapsTwice() {
        List<String> seen = new ArrayList<>();
        for (Mapping m : MAP.mappings()) {
            String key = m.system() + "|" + m.code();
            assertTrue(!seen.contains(key), key + " maps twice (" + m.source() + ")");
            seen.add(key);
        }
    }

    @Test
    void everyVocabularyItemWithAStandardCodeIsReachableFromItsOwnCode() {
        List<String> unreachable = new ArrayList<>();
        for (FindingDefinition code : VOCABULARY.findings()) {
            for (StandardCode own : ownCodes(code)) {
                boolean reached = MAP.find(own.system(), own.code()).map(Mapping::target)
                        .filter(code::equals).isPresent();
                if (!reached) {
                    unreachable.add(code.id() + " (" + own.system() + " " + own.code() + ")");
                }
            }
        }
        assertEquals(List.of(), unreachable);
    }

    @Test
    void snomedConceptIdsPassTheirVerhoeffCheckDigit() {
        List<String> bad = new ArrayList<>();
        for (Mapping m : MAP.mappings()) {
            if (m.system().equals(CodeMap.SNOMED) && !verhoeffValid(m.code())) {
                bad.add(m.code() + " at " + m.source());
            }
        }
        assertEquals(List.of(), bad, "a SNOMED CT id ends in a Verhoeff check digit: these are mistyped");
    }

    @Test
    void loincCodesPassTheirCheckDigit() {
        List<String> bad = new ArrayList<>();
        for (Mapping m : MAP.mappings()) {
            if (m.system().equals(CodeMap.LOINC) && !loincValid(m.code())) {
                bad.add(m.code() + " at " + m.source());
            }
        }
        assertEquals(List.of(), bad, "a LOINC code ends in a mod-10 check digit: these are mistyped");
    }

    @Test
    void icdPrefixesAndSidesAreFound() {
        assertEquals("DIABETES", MAP.find(CodeMap.ICD10CM, "E11.9").orElseThrow().target().id());
        assertEquals("DIABETES", MAP.find(CodeMap.ICD10CM, "e1165").orElseThrow().target().id(), "no dot, lower case");
        assertEquals(org.legcds.facts.Laterality.LEFT, MAP.find(CodeMap.ICD10CM, "M79.605").orElseThrow().laterality());
        assertTrue(MAP.find(CodeMap.ICD10CM, "E12").isEmpty(), "E12 is not a diabetes code in ICD-10-CM");
        assertTrue(MAP.find(CodeMap.SNOMED, "15777000").isEmpty(), "prediabetes is not diabetes");
    }

    @Test
    void answersAndUnitsAreRead() {
        assertEquals(Status.ABSENT, MAP.answer(CodeMap.SNOMED, "260385009").orElseThrow());
        assertEquals("mIU/L", MAP.unit("m[IU]/L"));
        assertEquals("mm[Hg]", MAP.unit("mm[Hg]"), "a unit without an alias is itself");
    }

    // ---- an informatician's edited copy -------------------------------------------------------------------------

    static void copyPackaged(Path dir) throws IOException {
        for (String name : CodeMap.PACKAGED) {
            try (InputStream in = CodeMap.class.getResourceAsStream(name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    @Test
    void editedCopyWithALocalCodeIsUsed(@TempDir Path dir) throws IOException {
        copyPackaged(dir);
        Files.writeString(dir.resolve("local.csv"), """
                # our hospital's problem-list codes
                system,code,display,target
                http://hospital.example/problems,CES-SUSP,Suspected cauda equina,BLADDER_DYSFUNCTION
                """);
        FhirCaseReader reader = FhirCaseReader.withMappings(dir);
        Patient patient = new Patient();
        patient.setId("p1");
        Condition local = new Condition();
        local.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        local.setCode(new CodeableConcept(new Coding("http://hospital.example/problems", "CES-SUSP", null)));
        FhirReading reading = reader.read(List.of(patient, local), LocalDate.of(2026, 11, 21));
        assertEquals("BLADDER_DYSFUNCTION", reading.patientCase().findings().get(0).code());
    }

    @Test
    void malformedMappingFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        copyPackaged(dir);
        Files.writeString(dir.resolve("local.csv"), """
                system,code,display,target,read
                # a comment line still counts as a line
                SNOMED,12345678,Something,BLADER_DYSFUNCTION,presence
                LOINC,2132-9,Cobalamin again,VITAMIN_B12,quantity
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FhirCaseReader.withMappings(dir));
        assertTrue(e.getMessage().contains("local.csv:3: target 'BLADER_DYSFUNCTION' is not a finding id of the vocabulary"),
                e.getMessage());
        assertTrue(e.getMessage().contains("nearest: BLADDER_DYSFUNCTION"), e.getMessage());
        assertTrue(e.getMessage().contains("2132-9 maps twice") && e.getMessage().contains("local.csv:4"),
                "the loinc.csv row and this one clash: " + e.getMessage());
    }

    @Test
    void misspeltColumnIsAnError(@TempDir Path dir) throws IOException {
        copyPackaged(dir);
        Files.writeString(dir.resolve("units.csv"), "unit,alais\nmIU/L,mU/L\n", StandardOpenOption.TRUNCATE_EXISTING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FhirCaseReader.withMappings(dir));
        assertTrue(e.getMessage().contains("units.csv:1: unknown column(s) [alais]"), e.getMessage());
    }

    @Test
    void prefixThatCoversAnotherRowMapsTwice(@TempDir Path dir) throws IOException {
        copyPackaged(dir);
        Files.writeString(dir.resolve("local.csv"), "system,code,target\nICD-10-CM,E11.4*,PARESTHESIA\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FhirCaseReader.withMappings(dir));
        assertTrue(e.getMessage().contains("local.csv:2: E11.4* maps twice"), e.getMessage());
    }

    @Test
    void thresholdRowsAreChecked(@TempDir Path dir) throws IOException {
        copyPackaged(dir);
        Files.writeString(dir.resolve("local.csv"), """
                system,code,target,read,threshold
                http://lab.example,TC1,HIGH_CHOLESTEROL,threshold,two hundred mg/dL
                http://lab.example,TC2,HIGH_CHOLESTEROL,threshold,240
                http://lab.example,TC3,HBA1C,threshold,6.5 %
                http://lab.example,TC4,HIGH_CHOLESTEROL,presence,240 mg/dL
                http://lab.example,TC5,HIGH_CHOLESTEROL,threshold,
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FhirCaseReader.withMappings(dir));
        assertTrue(e.getMessage().contains("local.csv:2: threshold 'two hundred mg/dL' is not valid"), e.getMessage());
        assertTrue(e.getMessage().contains("local.csv:3: threshold '240' is not valid"), e.getMessage());
        assertTrue(e.getMessage().contains("local.csv:4: read threshold needs one target that is not a measurement"),
                e.getMessage());
        assertTrue(e.getMessage().contains("local.csv:5: read threshold and a threshold column go together"),
                e.getMessage());
        assertTrue(e.getMessage().contains("local.csv:6: read threshold and a threshold column go together"),
                e.getMessage());
    }

    @Test
    void severalTargetsAreEachCheckedAndReadAsPresenceOnly(@TempDir Path dir) throws IOException {
        copyPackaged(dir);
        Files.writeString(dir.resolve("local.csv"), """
                system,code,target,read
                http://hospital.example,A,DIABETES STOKING_GLOVE_SYMPTOMS,presence
                http://hospital.example,B,DIABETES HBA1C,presence
                http://hospital.example,C,DIABETES DIABETES,presence
                http://hospital.example,D,PREGNANCY DIABETES,presence
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FhirCaseReader.withMappings(dir));
        assertTrue(e.getMessage().contains("local.csv:2: target 'STOKING_GLOVE_SYMPTOMS' is not a finding id of the vocabulary"),
                e.getMessage());
        assertTrue(e.getMessage().contains("local.csv:3: several targets are read as presence or absence only"),
                e.getMessage());
        assertTrue(e.getMessage().contains("local.csv:4: target DIABETES is listed twice"), e.getMessage());
        assertTrue(e.getMessage().contains("local.csv:5: PREGNANCY is a target on its own"), e.getMessage());
        assertEquals(List.of("DIABETES", "STOCKING_GLOVE_SYMPTOMS"),
                MAP.find(CodeMap.SNOMED, "368581000119106").orElseThrow().targets().stream()
                        .map(FindingDefinition::id).toList(), "the packaged diabetic neuropathy row");
    }

    @Test
    void safeSideTableNamesVocabularyItemsOnce(@TempDir Path dir) throws IOException {
        copyPackaged(dir);
        Files.writeString(dir.resolve("safe-side.csv"), "target,comment\nSADLE_ANAESTHESIA,x\nFEVER,\nFEVER,\n",
                StandardOpenOption.TRUNCATE_EXISTING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FhirCaseReader.withMappings(dir));
        assertTrue(e.getMessage().contains("safe-side.csv:2: target 'SADLE_ANAESTHESIA' is not a finding id of the vocabulary "
                + "(nearest: SADDLE_ANAESTHESIA"), e.getMessage());
        assertTrue(e.getMessage().contains("safe-side.csv:4: FEVER is listed twice"), e.getMessage());
        assertTrue(MAP.safeSide(VOCABULARY.requireFinding("BLADDER_DYSFUNCTION"))
                && !MAP.safeSide(VOCABULARY.requireFinding("DIABETES")));
    }

    @Test
    void missingTableIsNamed(@TempDir Path dir) throws IOException {
        copyPackaged(dir);
        Files.delete(dir.resolve("answers.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FhirCaseReader.withMappings(dir));
        assertTrue(e.getMessage().contains("answers.csv: missing"), e.getMessage());
    }

    // ---- check digits ---------------------------------------------------------------------------------------------

    private static final int[][] D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    static boolean verhoeffValid(String id) {
        if (!id.matches("\\d{6,18}")) {
            return false;
        }
        int c = 0;
        for (int i = 0; i < id.length(); i++) {
            c = D[c][P[i % 8][id.charAt(id.length() - 1 - i) - '0']];
        }
        return c == 0;
    }

    /** LOINC's mod 10: double the number formed by the odd positions from the right, add the digits. */
    static boolean loincValid(String code) {
        if (!code.matches("\\d{1,7}-\\d")) {
            return false;
        }
        String digits = code.substring(0, code.indexOf('-'));
        StringBuilder odd = new StringBuilder();
        int sum = 0;
        for (int i = digits.length() - 1, position = 1; i >= 0; i--, position++) {
            if (position % 2 == 1) {
                odd.append(digits.charAt(i));
            } else {
                sum += digits.charAt(i) - '0';
            }
        }
        for (char ch : String.valueOf(2 * Long.parseLong(odd.toString())).toCharArray()) {
            sum += ch - '0';
        }
        return (10 - sum % 10) % 10 == code.charAt(code.length() - 1) - '0';
    }

    @Test
    void checkDigitsAreComputedCorrectly() {
        assertTrue(verhoeffValid("73211009") && !verhoeffValid("73211008"));
        assertTrue(loincValid("4548-4") && loincValid("2132-9") && !loincValid("4548-5"));
    }
}
