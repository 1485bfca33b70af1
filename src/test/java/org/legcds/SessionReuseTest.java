package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.Clinic.ENGINE;
import static org.legcds.Clinic.TODAY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.vocabulary.Urgency;

/**
 * {@link LegCds#assess} reuses emptied Drools sessions for speed. Whatever one patient's assessment leaves in a session
 * must be gone before the next patient's: each assessment must equal the one a brand-new session gives
 * ({@link LegCds#openSession} never reuses a session), also after an assessment that failed half-way.
 */
@DisplayName("Reused sessions: nothing of one patient reaches the next")
class SessionReuseTest {

    @Test
    void thousandsOfAlternatingPatientsEachGetTheAssessmentOfAFreshSession() {
        Case emergency = new Case(patient("cauda-equina"), TODAY,
                List.of(Finding.present("SADDLE_ANAESTHESIA"), Finding.present("BLADDER_DYSFUNCTION")));
        Case routine = new Case(patient("no-pain"), TODAY, List.of(Finding.absent("LEG_PAIN")));
        List<Case> cases = new ArrayList<>(List.of(emergency, routine));
        Random random = new Random(5);
        for (int i = 0; i < 48; i++) {
            cases.add(new Case(patient("random-" + i), TODAY, IsolationTest.randomFindings(random)));
        }
        List<Assessment> fresh = cases.stream().map(c -> inFreshSession(ENGINE, c)).toList();

        for (int round = 0; round < 3_000; round++) {
            int i = round % 2 == 0 ? round / 2 % cases.size() : 1; // every case, each followed by the routine patient
            assertEquals(fresh.get(i), ENGINE.assess(cases.get(i)), "round " + round + ", case " + i);
        }
        Assessment afterEmergency = ENGINE.assess(routine);
        assertEquals(Urgency.ROUTINE, afterEmergency.triage().level());
        assertTrue(afterEmergency.redFlags().isEmpty());
        assertTrue(afterEmergency.trace().stream().noneMatch(t -> t.rule().startsWith("RF-CES-0")
                || t.matched().toString().contains("SADDLE_ANAESTHESIA present")
                || t.matched().toString().contains("cauda-equina")),
                "the routine patient's trace mentions nothing of the emergency patient");
    }

    @Test
    void anAssessmentThatFailsHalfWayLeavesNothingForTheNextPatient(@TempDir Path dir) throws IOException {
        // a knowledge base with one extra rule whose consequence throws when nausea is recorded, after other rules
        // have already drawn conclusions for that patient
        Path rules = Clinic.copyOfRules(dir);
        Files.writeString(rules.resolve("zz-throws.drl"), "package org.legcds.rules;\n\nimport org.legcds.facts.*;\n\n"
                + "rule \"test only: fails on nausea\"\n    @id(TEST-THROWS) @source(S000-C01)\nwhen\n"
                + "    Finding(code == \"NAUSEA\", present)\nthen\n"
                + "    throw new IllegalStateException(\"failing on purpose\");\nend\n");
        LegCds engine = LegCds.fromDirectory(rules);
        Random random = new Random(11);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cases.add(new Case(patient("p" + i), TODAY, IsolationTest.randomFindings(random)));
        }
        List<Assessment> fresh = cases.stream().map(c -> inFreshSession(engine, c)).toList();

        for (int round = 0; round < 200; round++) {
            List<Finding> failing = new ArrayList<>(IsolationTest.randomFindings(random));
            failing.add(Finding.present("NAUSEA"));
            Case broken = new Case(patient("failing-" + round), TODAY, failing);
            assertThrows(RuntimeException.class, () -> engine.assess(broken));
            int i = round % cases.size();
            assertEquals(fresh.get(i), engine.assess(cases.get(i)), "round " + round + ", case " + i);
        }
    }

    private static Assessment inFreshSession(LegCds engine, Case patientCase) {
        try (CaseSession session = engine.openSession(patientCase.patient(), patientCase.evaluationDate())) {
            patientCase.findings().forEach(session::record);
            return session.assess();
        }
    }

    private static Patient patient(String id) {
        return new Patient(id, 60, Sex.UNKNOWN, Status.UNKNOWN);
    }

}
