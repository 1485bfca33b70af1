package org.legcds.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.Tier;
import org.legcds.facts.Finding;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.vocabulary.Urgency;

@DisplayName("Scenario files: format, defaults, and strict errors naming file, key and value")
class ScenarioReaderTest {

    private static final String FINDINGS = "findings:\n  - {code: LEG_PAIN, status: present, laterality: bilateral}\n";

    @TempDir
    Path root;

    @Test
    void aFullScenarioIsReadWithEveryExpectation() throws IOException {
        Path file = write("claudication/full.yaml", """
                description: Calf pain on walking, relieved within minutes by standing still
                patient: {id: s1, age: 68, sex: male, pregnancy: absent}
                evaluationDate: 2025-01-31
                screenedForRedFlags: true
                findings:
                  - {code: LEG_PAIN, status: present, laterality: bilateral, triggers: [walking], reliefs: [standing_still]}
                expect:
                  urgency: ROUTINE
                  redFlags: [CAUDA_EQUINA_SYNDROME]
                  notEvaluated: []
                  claudication: VASCULAR
                  distribution: [BILATERAL]
                  causeCategories: {include: [VASCULAR], exclude: [NEOPLASTIC]}
                  differential:
                    include: [PERIPHERAL_ARTERY_DISEASE=LIKELY, LUMBAR_SPINAL_STENOSIS]
                    exclude: [DIABETIC_NEUROPATHY]
                  recommendations: {include: [ANKLE_BRACHIAL_INDEX], exclude: [MRI_LUMBAR_SPINE]}
                  questions: {include: [SHOPPING_CART_SIGN], exclude: [LEG_PAIN], first: BLADDER_DYSFUNCTION}
                  rulesFired: {include: [CLAUD-VASC-01], exclude: [CLAUD-NEURO-01]}
                """);

        Scenario s = ScenarioReader.of(root).read(file);

        assertEquals("claudication/full.yaml", s.name());
        assertEquals("claudication/full", s.id());
        assertEquals("Calf pain on walking, relieved within minutes by standing still", s.description());
        assertEquals("s1", s.patientCase().patient().id());
        assertEquals(Sex.MALE, s.patientCase().patient().sex());
        assertEquals(LocalDate.of(2025, 1, 31), s.patientCase().evaluationDate());
        Expectations e = s.expect();
        assertEquals(Urgency.ROUTINE, e.urgency());
        assertEquals(java.util.Set.of("CAUDA_EQUINA_SYNDROME"), e.redFlags());
        assertEquals(java.util.Set.of(), e.notEvaluated());
        assertEquals(ClaudicationType.VASCULAR, e.claudication());
        assertEquals(List.of(new Expectations.Ranked("PERIPHERAL_ARTERY_DISEASE", Tier.LIKELY),
                new Expectations.Ranked("LUMBAR_SPINAL_STENOSIS", null)), e.differential().include());
        assertEquals(List.of("MRI_LUMBAR_SPINE"), e.recommendations().exclude());
        assertEquals("BLADDER_DYSFUNCTION", e.firstQuestion());
        assertEquals(List.of("CLAUD-VASC-01"), e.rulesFired().include());
    }

    @Test
    void defaultsAreAPatientNamedAfterTheFileAged60OnTheDefaultDateAndNoScreen() throws IOException {
        Path file = write("patterns/no-patient.yaml", "description: d\n" + FINDINGS + "expect: {urgency: ROUTINE}\n");

        Scenario s = ScenarioReader.of(root).read(file);

        assertEquals("no-patient", s.patientCase().patient().id());
        assertEquals(60, s.patientCase().patient().age());
        assertEquals(Sex.UNKNOWN, s.patientCase().patient().sex());
        assertEquals(Status.UNKNOWN, s.patientCase().patient().pregnancy());
        assertEquals(LocalDate.parse(ScenarioReader.DEFAULT_EVALUATION_DATE), s.patientCase().evaluationDate());
        assertEquals(1, s.patientCase().findings().size(), "not screened: nothing added");
    }

    @Test
    void aPartialPatientKeepsWhatIsGivenAndGetsTheRestByDefault() throws IOException {
        Path file = write("x/partial.yaml", "description: d\npatient: {sex: female}\n" + FINDINGS
                + "expect: {urgency: ROUTINE}\n");

        Scenario s = ScenarioReader.of(root).read(file);

        assertEquals("partial", s.patientCase().patient().id());
        assertEquals(60, s.patientCase().patient().age());
        assertEquals(Sex.FEMALE, s.patientCase().patient().sex());
    }

    @Test
    void screeningAddsEveryScreenFindingAsAbsentUnlessTheScenarioListsIt() throws IOException {
        Path file = write("red-flags/screened.yaml", """
                description: d
                screenedForRedFlags: true
                findings:
                  - {code: LEG_PAIN, status: present}
                  - {code: BLADDER_DYSFUNCTION, status: unknown}
                  - {code: COLD_LIMB, status: present, laterality: left}
                expect: {urgency: ROUTINE}
                """);

        Scenario s = ScenarioReader.of(root).read(file);

        List<Finding> findings = s.patientCase().findings();
        // the listed three, and the vocabulary's screen less the two it lists
        assertEquals(3 + ScenarioReader.of(root).redFlagScreen().size() - 2, findings.size(), findings.toString());
        assertTrue(findings.contains(Finding.absent("SADDLE_ANAESTHESIA")));
        assertTrue(findings.contains(Finding.unknown("BLADDER_DYSFUNCTION")), "listed: kept as written");
        assertTrue(findings.stream().noneMatch(f -> f.code().equals("COLD_LIMB") && f.absent()), "listed on a side");
    }

    @Test
    void aTopicFolderRunsOnItsOwnWithTheVocabularysScreen() throws IOException {
        Path file = write("red-flags/screened.yaml", "description: d\nscreenedForRedFlags: true\n" + FINDINGS
                + "expect: {urgency: ROUTINE}\n");

        ScenarioReader topic = ScenarioReader.of(root.resolve("red-flags"));

        assertEquals(org.legcds.vocabulary.Vocabulary.packaged().redFlagScreen(), topic.redFlagScreen());
        assertEquals(List.of(file), topic.files());
        assertEquals("screened.yaml", topic.read(file).name());
    }

    @Test
    void filesAreTheYamlFilesAtAnyDepthSortedWithoutTheScreenFileOrHiddenOnes() throws IOException {
        Path b = write("b/two.yaml", "x: 1\n");
        Path a = write("a/one.yaml", "x: 1\n");
        Path yml = write("a/three.yml", "x: 1\n");
        write("README.md", "# not a scenario\n");
        write(".hidden/four.yaml", "x: 1\n");

        assertEquals(List.of(a, yml, b), ScenarioReader.of(root).files());
    }

    // ---- errors ----------------------------------------------------------------------------------------------

    @Test
    void anUnknownTopLevelKeyIsAnErrorNamingFileAndKey() throws IOException {
        Path file = write("x/typo.yaml", "description: d\n" + FINDINGS + "expected: {urgency: ROUTINE}\n");

        String message = error(file);

        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("expected: an unknown key"), message);
        assertTrue(message.contains("expect: missing"), "and expect itself is missing: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            urgncy: ROUTINE                                      | expect.urgncy: an unknown key
            recommendations: {includes: [ANKLE_BRACHIAL_INDEX]}  | expect.recommendations.includes: an unknown key
            questions: {first: LEG_PAIN, last: LEG_PAIN}         | expect.questions.last: an unknown key
            """)
    void anUnknownNestedKeyIsAnErrorNamingItsPath(String expectation, String expected) throws IOException {
        Path file = write("x/nested.yaml", "description: d\n" + FINDINGS + "expect:\n  " + expectation + "\n");

        String message = error(file);

        assertTrue(message.contains(file.toString()) && message.contains(expected), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            urgency: SOON                                           | expect.urgency (line 5): 'SOON'                         | EMERGENCY
            claudication: VASCULR                                   | expect.claudication (line 5): 'VASCULR'                 | VASCULAR
            redFlags: [CAUDA_EQUINA]                                | expect.redFlags[0] (line 5): 'CAUDA_EQUINA'             | CAUDA_EQUINA_SYNDROME
            notEvaluated: [ACUTE_LIMB_ISCHAEMIA, LIMB]              | expect.notEvaluated[1] (line 5): 'LIMB'                 | a red-flag check id
            distribution: [BOTH]                                    | expect.distribution[0] (line 5): 'BOTH'                 | BILATERAL
            causeCategories: {exclude: [CANCER]}                    | expect.causeCategories.exclude[0] (line 5): 'CANCER'    | NEOPLASTIC
            differential: {include: [PERIPHERAL_ARTERY_DISEAS]}     | expect.differential.include[0] (line 5): 'PERIPHERAL_ARTERY_DISEAS' | nearest: PERIPHERAL_ARTERY_DISEASE
            differential: {include: [PERIPHERAL_ARTERY_DISEASE=SURE]} | expect.differential.include[0] (line 5): 'SURE'     | LIKELY, POSSIBLE
            recommendations: {include: [ABI]}                       | expect.recommendations.include[0] (line 5): 'ABI'       | a next step id
            questions: {include: [BLADDER]}                         | expect.questions.include[0] (line 5): 'BLADDER'         | BLADDER_DYSFUNCTION
            questions: {first: SADDLE}                              | expect.questions.first (line 5): 'SADDLE'               | SADDLE_ANAESTHESIA
            rulesFired: {include: [CLAUD VASC 01]}                  | expect.rulesFired.include[0] (line 5): 'CLAUD VASC 01'  | a rule id
            """)
    void anUnknownNameIsAnErrorNamingFileKeyAndValue(String expectation, String expected, String hint)
            throws IOException {
        Path file = write("x/enum.yaml", "description: d\n" + FINDINGS + "expect:\n  " + expectation + "\n");

        String message = error(file);

        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains(expected), message);
        assertTrue(message.contains(hint), message);
    }

    @Test
    void findingsAreValidatedAsInACaseFile() throws IOException {
        Path file = write("x/findings.yaml", """
                description: d
                patient: {age: -3}
                findings:
                  - {code: BLADER_DYSFUNCTION, status: present}
                  - {code: LEG_PAIN}
                  - {code: LEG_PAIN, status: absent, triggers: [walking]}
                  - {code: FEVER, status: present, colour: red}
                expect: {urgency: ROUTINE}
                """);

        String message = error(file);

        assertTrue(message.contains("findings[0].code (line 4): 'BLADER_DYSFUNCTION'")
                        && message.contains("BLADDER_DYSFUNCTION"),
                message);
        assertTrue(message.contains("findings[1].status: missing"), message);
        assertTrue(message.contains("findings[3].colour: an unknown field"), message);
        assertTrue(message.contains(file.toString()), message);
    }

    @Test
    void aMissingDescriptionFindingsOrExpectationIsAnError() throws IOException {
        Path file = write("x/bare.yaml", "patient: {age: 50}\n");

        String message = error(file);

        assertTrue(message.contains("description: missing"), message);
        assertTrue(message.contains("findings: missing"), message);
        assertTrue(message.contains("expect: missing"), message);
    }

    @Test
    void anEmptyExpectationCannotFailSoItIsAnError() throws IOException {
        Path file = write("x/empty.yaml", "description: d\n" + FINDINGS + "expect: {}\n");

        assertTrue(error(file).contains("expect: no expectation"));
    }

    @Test
    void theSameItemUnderIncludeAndExcludeIsAContradiction() throws IOException {
        Path file = write("x/contradiction.yaml", """
                description: d
                findings: []
                expect:
                  recommendations: {include: [ANKLE_BRACHIAL_INDEX], exclude: [ANKLE_BRACHIAL_INDEX]}
                  differential:
                    include: [PERIPHERAL_ARTERY_DISEASE=LIKELY, LUMBAR_SPINAL_STENOSIS]
                    exclude: [PERIPHERAL_ARTERY_DISEASE, LUMBAR_SPINAL_STENOSIS=LIKELY]
                """);

        String message = error(file);

        assertTrue(message.contains("expect.recommendations: 'ANKLE_BRACHIAL_INDEX' under include"), message);
        assertTrue(message.contains("'PERIPHERAL_ARTERY_DISEASE=LIKELY' under include and 'PERIPHERAL_ARTERY_DISEASE'"
                + " under exclude"), message);
        assertTrue(!message.contains("'LUMBAR_SPINAL_STENOSIS' under include"),
                "present at any tier but not LIKELY is consistent: " + message);
    }

    @Test
    void screeningInADirectoryWithoutAScreenFileRecordsTheVocabularysScreen(@TempDir Path bare) throws IOException {
        // the screen is each red-flag check's screenedBy in the vocabulary, not a file beside the scenarios
        Path file = bare.resolve("x.yaml");
        Files.writeString(file, "description: d\nscreenedForRedFlags: true\n" + FINDINGS + "expect: {urgency: ROUTINE}\n");

        Scenario scenario = ScenarioReader.of(bare).read(file);

        List<String> screen = org.legcds.vocabulary.Vocabulary.packaged().redFlagScreen();
        assertFalse(screen.isEmpty());
        assertEquals(new java.util.TreeSet<>(screen), scenario.patientCase().findings().stream().filter(Finding::absent)
                .map(Finding::code).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    @Test
    void malformedYamlAndDuplicateKeysAreErrors() throws IOException {
        Path broken = write("x/broken.yaml", "description: d\nfindings: [\n");
        Path twice = write("x/twice.yaml", "description: d\ndescription: e\nfindings: []\nexpect: {urgency: ROUTINE}\n");

        assertTrue(error(broken).contains("$: malformed YAML at line"), error(broken));
        assertTrue(error(twice).contains("description"), error(twice));
    }

    @Test
    void aYmlFileIsReportedNotSkipped() throws IOException {
        Path file = write("x/scenario.yml", "description: d\n" + FINDINGS + "expect: {urgency: ROUTINE}\n");

        assertTrue(error(file).contains("a scenario file whose name ends in .yaml"));
    }

    @Test
    void readAllReportsEveryProblemOfEveryBadFile() throws IOException {
        write("a/good.yaml", "description: d\n" + FINDINGS + "expect: {urgency: ROUTINE}\n");
        Path one = write("b/bad-one.yaml", "description: d\n" + FINDINGS + "expect: {urgency: NOW}\n");
        Path two = write("c/bad-two.yaml", "description: d\n" + FINDINGS + "expect: {claudication: X, foo: 1}\n");

        var e = assertThrows(InvalidScenarioException.class, () -> ScenarioReader.of(root).readAll());

        assertEquals(3, e.problems().size(), e.getMessage());
        assertEquals(List.of(one.toString(), two.toString(), two.toString()),
                e.problems().stream().map(InvalidScenarioException.Located::file).toList());
        assertTrue(e.getMessage().startsWith("invalid scenarios (3 problems):"), e.getMessage());
    }

    @Test
    void aBadRedFlagScreenIsAnErrorNamingTheVocabularyFileAndTheCode() {
        // the screen is each red-flag check's screenedBy in the vocabulary (it was scenarios/red-flag-screen.yaml)
        java.util.Map<String, String> files = new java.util.TreeMap<>(org.legcds.vocabulary.Vocabulary.packagedFiles());
        files.put("vocabulary/zz-screen.yaml", """
                checks:
                  - id: BAD_SCREEN
                    label: A check with a misspelt screen
                    priority: 9
                    actions: {URGENT: Ask again}
                    screenedBy: [BLADDER_DYSFUNCTION, COLD_LEG]
                    extra: 1
                """);

        var e = assertThrows(org.legcds.problems.RuleCompilationException.class,
                () -> org.legcds.vocabulary.Vocabulary.parse(files));

        assertTrue(e.getMessage().contains("vocabulary/zz-screen.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("'COLD_LEG'") && e.getMessage().contains("COLD_LIMB"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'extra'"), e.getMessage());
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> ScenarioReader.of(root.resolve("nowhere")));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    private String error(Path file) {
        return assertThrows(InvalidScenarioException.class, () -> ScenarioReader.of(root).read(file)).getMessage();
    }

    private Path write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
