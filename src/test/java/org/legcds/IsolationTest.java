package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.Clinic.ENGINE;
import static org.legcds.Clinic.TODAY;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Urgency;
import org.legcds.facts.Case;
import org.legcds.facts.Code;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.facts.Patient;
import org.legcds.facts.Relief;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.facts.Trigger;

@DisplayName("Same input, same output; nothing shared between patients")
class IsolationTest {

    @Test
    void anEmergencyPatientLeavesNothingBehindForTheNextPatient() {
        Assessment emergency = ENGINE.assess(new Case(patient("a"), TODAY,
                List.of(Finding.present(Code.SADDLE_ANAESTHESIA), Finding.present(Code.BLADDER_DYSFUNCTION))));
        Assessment next = ENGINE.assess(new Case(patient("b"), TODAY, List.of(Finding.absent(Code.LEG_PAIN))));

        assertEquals(Urgency.EMERGENCY, emergency.urgency().level());
        assertEquals(Urgency.ROUTINE, next.urgency().level());
        assertTrue(next.redFlags().isEmpty());
        assertTrue(next.trace().stream().noneMatch(t -> t.rule().startsWith("RF-CES-0")));
    }

    @Test
    void theSameCaseGivesTheSameAssessmentWhateverTheOrderOfItsFindings() {
        List<Finding> findings = new ArrayList<>(randomFindings(new Random(7)));
        Assessment first = ENGINE.assess(new Case(patient("p"), TODAY, findings));
        for (int shuffle = 0; shuffle < 20; shuffle++) {
            Collections.shuffle(findings, new Random(shuffle));
            assertEquals(first, ENGINE.assess(new Case(patient("p"), TODAY, findings)), "shuffle " + shuffle);
        }
    }

    @Test
    void concurrentAssessmentsEqualSequentialOnesAndMentionOnlyTheirOwnFindings() throws Exception {
        Random random = new Random(42);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            cases.add(new Case(patient("p" + i), TODAY, randomFindings(random)));
        }
        List<Assessment> sequential = cases.stream().map(ENGINE::assess).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Assessment>> parallel = cases.stream().map(c -> pool.submit(() -> ENGINE.assess(c))).toList();
            for (int i = 0; i < cases.size(); i++) {
                Assessment concurrent = parallel.get(i).get();
                assertEquals(sequential.get(i), concurrent, "case " + i);
                List<Finding> own = cases.get(i).findings();
                concurrent.redFlags().forEach(flag -> assertTrue(own.containsAll(flag.because().findings()),
                        "a red flag cites only its own patient's findings"));
                concurrent.differential().forEach(h -> assertTrue(own.containsAll(h.findingsFor())));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Patient patient(String id) {
        return new Patient(id, 60, Sex.UNKNOWN, Status.UNKNOWN);
    }

    /** A plausible random case over the first slice's vocabulary: each finding present, absent or left out. */
    static List<Finding> randomFindings(Random random) {
        List<Finding> findings = new ArrayList<>();
        if (random.nextBoolean()) {
            Finding pain = Finding.present(Code.LEG_PAIN).on(random.nextBoolean() ? Laterality.BILATERAL : Laterality.LEFT);
            List<Trigger> triggers = new ArrayList<>();
            for (Trigger t : List.of(Trigger.WALKING, Trigger.STANDING, Trigger.REST)) {
                if (random.nextInt(3) == 0) {
                    triggers.add(t);
                }
            }
            List<Relief> reliefs = new ArrayList<>();
            for (Relief r : List.of(Relief.STANDING_STILL, Relief.SITTING, Relief.LEANING_FORWARD)) {
                if (random.nextInt(3) == 0) {
                    reliefs.add(r);
                }
            }
            pain = pain.broughtOnBy(triggers.toArray(Trigger[]::new)).relievedBy(reliefs.toArray(Relief[]::new));
            if (random.nextInt(4) == 0) {
                pain = pain.withOnset(Onset.SUDDEN);
            }
            findings.add(pain);
        } else if (random.nextBoolean()) {
            findings.add(Finding.absent(Code.LEG_PAIN));
        }
        for (Code code : List.of(Code.CALF_PAIN, Code.SHOPPING_CART_SIGN, Code.DIMINISHED_FOOT_PULSES,
                Code.BLADDER_DYSFUNCTION, Code.BOWEL_DYSFUNCTION, Code.SADDLE_ANAESTHESIA, Code.URINARY_HESITANCY,
                Code.COLD_LIMB, Code.PALE_OR_BLUE_LIMB, Code.ABSENT_FOOT_PULSE, Code.SEVERE_LEG_PAIN,
                Code.PROGRESSIVE_WEAKNESS, Code.SMOKING)) {
            int pick = random.nextInt(6);
            if (pick == 0) {
                findings.add(Finding.present(code));
            } else if (pick == 1) {
                findings.add(Finding.absent(code));
            }
        }
        if (random.nextInt(3) == 0) {
            findings.add(Finding.measured(Code.ANKLE_BRACHIAL_INDEX, 0.4 + random.nextInt(120) / 100.0, "1")
                    .on(Laterality.RIGHT));
        }
        return findings;
    }
}
