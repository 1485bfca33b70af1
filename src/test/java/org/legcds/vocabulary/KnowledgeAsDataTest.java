package org.legcds.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.Clinic;
import org.legcds.LegCds;
import org.legcds.ReloadResult;
import org.legcds.ReloadableEngine;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.Priority;
import org.legcds.cli.Main;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.json.CaseJson;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.RuleCompilationException;

/**
 * Issue 10, "done when": the clinical vocabulary is data an informatician edits beside the rules, and the chart
 * qualifiers it needs (absent triggers, conflicting records) reach the reasoning.
 */
@DisplayName("Knowledge as data: extending the knowledge base without Java")
class KnowledgeAsDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final Patient PATIENT = new Patient("p", 54, Sex.FEMALE, Status.ABSENT);

    /** Hypothyroid neuropathy added end to end: a finding, a condition, its cause rule, a next step and a scenario. */
    private static final String VOCABULARY = """
            findings:
              - {id: COLD_INTOLERANCE_AND_WEIGHT_GAIN, kind: symptom, label: "Cold intolerance with weight gain"}
            conditions:
              - {id: HYPOTHYROID_NEUROPATHY_LOCAL, label: "Neuropathy of an underactive thyroid", category: systemic}
            steps:
              - {id: THYROID_PANEL_LOCAL, kind: test, label: "TSH and free T4"}
            """;
    private static final String RULES = """
            package org.legcds.rules;

            import org.legcds.facts.*;
            import org.legcds.assessment.*;
            import org.legcds.conclusions.*;
            import org.legcds.vocabulary.*;

            rule "Cause: tingling feet with cold intolerance and weight gain -> hypothyroid neuropathy possible"
                @id(LOCAL-HYPO-01) @source(EXT-C35)
            when
                Finding(code == "PARESTHESIA", present)
                Finding(code == "COLD_INTOLERANCE_AND_WEIGHT_GAIN", present)
            then
                insertLogical(new HypothesisRaised("HYPOTHYROID_NEUROPATHY_LOCAL", Tier.POSSIBLE,
                        "tingling with the symptoms of an underactive thyroid"));
            end

            rule "Next step: hypothyroid neuropathy possible -> thyroid function"
                @id(LOCAL-HYPO-02) @source(EXT-C35)
            when
                HypothesisRaised(condition == "HYPOTHYROID_NEUROPATHY_LOCAL")
            then
                insertLogical(new Recommended("THYROID_PANEL_LOCAL", "an underactive thyroid can cause neuropathy"));
            end
            """;
    private static final String SCENARIO = """
            description: Tingling feet, cold intolerance and weight gain; thyroid function is the next step.
            patient: {age: 54, sex: female, pregnancy: absent}
            findings:
              - {code: PARESTHESIA, status: present, laterality: bilateral}
              - {code: COLD_INTOLERANCE_AND_WEIGHT_GAIN, status: present}
            expect:
              differential: {include: [HYPOTHYROID_NEUROPATHY_LOCAL]}
              recommendations: {include: [THYROID_PANEL_LOCAL]}
            """;
    private static final String CASE = """
            {"patient": {"id": "p-1", "age": 54, "sex": "female", "pregnancy": "absent"}, "evaluationDate": "2026-11-21",
             "findings": [{"code": "PARESTHESIA", "status": "present", "laterality": "bilateral"},
                          {"code": "COLD_INTOLERANCE_AND_WEIGHT_GAIN", "status": "present"}]}
            """;

    @Test
    @DisplayName("a new finding, condition, cause rule, next step and scenario, in rules/ and scenarios/ only")
    void aConditionIsAddedEndToEndWithoutJava(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir.resolve("rules"));
        Path scenarios = Clinic.copyTree(Path.of("scenarios"), dir.resolve("scenarios"));
        try (ReloadableEngine running = ReloadableEngine.fromDirectory(rules, scenarios)) {
            Clinic.writeFile(rules, "vocabulary/local-thyroid.yaml", VOCABULARY);
            Clinic.writeFile(rules, "3-causes/local-thyroid.drl", RULES);
            Clinic.writeFile(scenarios, "causes/local-hypothyroid-neuropathy.yaml", SCENARIO);
            Path caseFile = Clinic.writeFile(dir, "case.json", CASE);

            assertEquals(Main.OK, cli("check", "--update-manifest", rules.toString()).exit(), "check --update-manifest");
            Cli check = cli("check", rules.toString(), "--scenarios", scenarios.toString());
            assertEquals(Main.OK, check.exit(), check::toString);
            Cli test = cli("test", "--rules", rules.toString(), scenarios.toString());
            assertEquals(Main.OK, test.exit(), test::toString);
            assertTrue(test.out().contains("local-hypothyroid-neuropathy.yaml"), test::toString);
            Cli assess = cli("assess", "--rules", rules.toString(), caseFile.toString());
            assertEquals(Main.OK, assess.exit(), assess::toString);
            assertTrue(assess.out().contains("Neuropathy of an underactive thyroid") && assess.out().contains("TSH and free T4"),
                    assess::toString);
            // batch reads each line against the same vocabulary it assesses with (it used to read the packaged one)
            Path lines = Clinic.writeFile(dir, "cases.ndjson", CASE.replace("\n", " ") + "\n");
            Path output = dir.resolve("assessments.ndjson");
            Cli batch = cli("batch", "--rules", rules.toString(), "-q", "-o", output.toString(), lines.toString());
            assertEquals(Main.OK, batch.exit(), batch::toString);
            assertTrue(Files.readString(output).contains("HYPOTHYROID_NEUROPATHY_LOCAL"), batch::toString);

            ReloadResult reloaded = running.reload();
            assertEquals(ReloadResult.Outcome.RELOADED, reloaded.outcome(), reloaded::toString);
            Assessment a = running.assess(new Case(PATIENT, TODAY, List.of(
                    Finding.present("PARESTHESIA").on(org.legcds.facts.Laterality.BILATERAL),
                    Finding.present("COLD_INTOLERANCE_AND_WEIGHT_GAIN"))));
            assertTrue(a.differential().stream().anyMatch(h -> h.condition().id().equals("HYPOTHYROID_NEUROPATHY_LOCAL")),
                    a::toString);
            assertTrue(a.recommendations().stream().anyMatch(r -> r.step().id().equals("THYROID_PANEL_LOCAL")), a::toString);
        }
    }

    @Test
    @DisplayName("a misspelt finding id in a DRL file names the file, the line and the nearest ids")
    void aMisspeltIdInDrlIsAnErrorWithFileLineAndNearest(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir.resolve("rules"));
        Clinic.writeFile(rules, "3-causes/local-typo.drl", RULES.replace("\"PARESTHESIA\"", "\"PARESTHESAI\""));
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));
        String message = e.getMessage();
        assertTrue(message.contains("local-typo.drl") && message.contains("PARESTHESAI")
                && message.contains("PARESTHESIA") && message.matches("(?s).*\\b1[0-9]\\b.*"), message);
    }

    @Test
    @DisplayName("a misspelt id in a scenario names the file, the line and the nearest ids")
    void aMisspeltIdInAScenario(@TempDir Path dir) throws IOException {
        Path scenario = Clinic.writeFile(dir, "typo.yaml", """
                description: a typo
                patient: {age: 54, sex: female, pregnancy: absent}
                findings:
                  - {code: LEG_PAIN, status: present}
                  - {code: BLADER_DYSFUNCTION, status: absent}
                expect:
                  urgency: ROUTINE
                """);
        Cli test = cli("test", scenario.toString());
        assertEquals(Main.BAD_INPUT, test.exit(), test::toString);
        assertTrue(test.err().contains("typo.yaml") && test.err().contains("line 5")
                && test.err().contains("BLADDER_DYSFUNCTION"), test::toString);
    }

    @Test
    @DisplayName("a misspelt id in a case file names the field and the nearest ids")
    void aMisspeltIdInACaseFile() {
        InvalidCaseException e = assertThrows(InvalidCaseException.class, () -> CaseJson.read("""
                {"patient": {"age": 54}, "evaluationDate": "2026-11-21",
                 "findings": [{"code": "BLADER_DYSFUNCTION", "status": "absent"}]}
                """));
        assertTrue(e.getMessage().contains("findings[0]") && e.getMessage().contains("code") && e.getMessage().contains("BLADDER_DYSFUNCTION"),
                e::getMessage);
    }

    @Test
    @DisplayName("a misspelt target in a FHIR code map names the file, the line and the nearest ids")
    void aMisspeltIdInAFhirMap(@TempDir Path dir) throws IOException {
        Path maps = Clinic.copyTree(Path.of("src/main/resources/org/legcds/fhir"), dir.resolve("maps"));
        Path snomed = maps.resolve("snomed-ct.csv");
        String text = java.nio.file.Files.readString(snomed);
        java.nio.file.Files.writeString(snomed, text.replaceFirst(",BLADDER_DYSFUNCTION,", ",BLADER_DYSFUNCTION,"));
        int line = (int) text.substring(0, text.indexOf(",BLADDER_DYSFUNCTION,")).chars().filter(c -> c == '\n').count() + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> org.legcds.fhir.FhirCaseReader.withMappings(maps));
        assertTrue(e.getMessage().contains("snomed-ct.csv:" + line) && e.getMessage().contains("BLADER_DYSFUNCTION")
                && e.getMessage().contains("BLADDER_DYSFUNCTION"), e::getMessage);
    }

    @Test
    @DisplayName("a bladder record both present and absent raises cauda equina, and clarifying it is asked first")
    void aConflictingBladderRecordRaisesCaudaEquinaAndIsAskedFirst() {
        Assessment a = Clinic.ENGINE.assess(new Case(PATIENT, TODAY, List.of(
                Finding.present("LOW_BACK_PAIN"),
                Finding.absent("BLADDER_DYSFUNCTION").from("triage checklist"),
                Finding.present("BLADDER_DYSFUNCTION").from("nurse note: new difficulty passing urine"))));
        assertTrue(a.redFlags().stream().anyMatch(f -> f.check().id().equals("CAUDA_EQUINA_SYNDROME")), a::toString);
        assertEquals("BLADDER_DYSFUNCTION", a.questions().get(0).finding().id(), a::toString);
        assertEquals(Priority.CLARIFY, a.questions().get(0).priority(), a::toString);
    }

    @Test
    @DisplayName("leg pain recorded as not brought on by walking gives claudication NONE")
    void legPainNotBroughtOnByWalkingIsNotClaudication() {
        Assessment a = Clinic.ENGINE.assess(new Case(PATIENT, TODAY, List.of(
                Finding.present("LEG_PAIN").on(org.legcds.facts.Laterality.BILATERAL).notBroughtOnBy("WALKING"))));
        assertEquals(ClaudicationType.NONE, a.claudication().type(), a::toString);
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(exit, out.toString(), err.toString());
    }
}
