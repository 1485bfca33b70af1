package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.Clinic.ENGINE;
import static org.legcds.Clinic.TODAY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.TraceEntry;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.json.AssessmentJson;
import org.legcds.vocabulary.Urgency;

@DisplayName("Same input, same output; nothing shared between patients")
class IsolationTest {

    @Test
    void anEmergencyPatientLeavesNothingBehindForTheNextPatient() {
        Assessment emergency = ENGINE.assess(new Case(patient("a"), TODAY,
                List.of(Finding.present("SADDLE_ANAESTHESIA"), Finding.present("BLADDER_DYSFUNCTION"))));
        Assessment next = ENGINE.assess(new Case(patient("b"), TODAY, List.of(Finding.absent("LEG_PAIN"))));

        assertEquals(Urgency.EMERGENCY, emergency.triage().level());
        assertEquals(Urgency.ROUTINE, next.triage().level());
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

    /** Thousands of varied cases, enough to interleave every kind of rule firing across threads. */
    private static final int CASES = 2_000;
    private static final int THREADS = 6;

    @Test
    void sixCliniciansSharingOneEngineGetExactlyTheAssessmentsOfSequentialRuns() throws Exception {
        List<Case> cases = RandomCases.cases(42, CASES, "iso-");
        List<String> sequential = cases.stream().map(c -> AssessmentJson.write(ENGINE.assess(c))).toList();

        List<Assessment> concurrent = inParallel(cases, ENGINE::assess);

        for (int i = 0; i < cases.size(); i++) {
            String json = AssessmentJson.write(concurrent.get(i));
            assertEquals(sequential.get(i), json, "case " + i + " differs when assessed concurrently");
            assertMentionsOnlyItsOwnCase(cases.get(i), concurrent.get(i), json);
        }
        assertTheCasesWereVaried(concurrent);
    }

    @Test
    void sessionsOpenOnSeveralThreadsAtOnceGiveExactlyTheResultsOfSequentialRuns() throws Exception {
        List<Case> cases = RandomCases.cases(4242, CASES / 4, "ses-");
        List<SessionRun> sequential = cases.stream().map(IsolationTest::documentedInTwoSteps).toList();

        List<SessionRun> concurrent = inParallel(cases, IsolationTest::documentedInTwoSteps);

        for (int i = 0; i < cases.size(); i++) {
            SessionRun run = concurrent.get(i);
            assertEquals(sequential.get(i).partial(), run.partial(), "case " + i + ", half documented, differs");
            assertEquals(sequential.get(i).complete(), run.complete(), "case " + i + ", fully documented, differs");
            assertMentionsOnlyItsOwnCase(cases.get(i), run.assessment(), run.complete());
            assertEquals(withoutTrace(AssessmentJson.write(ENGINE.assess(cases.get(i)))), withoutTrace(run.complete()),
                    "case " + i + ": a session's final assessment equals the one-shot assessment (except the trace)");
        }
    }

    /** A session's two assessments as JSON, and the final one. */
    private record SessionRun(String partial, String complete, Assessment assessment) {
    }

    /** A clinician documents half the findings, looks at the assessment, then documents the rest. */
    private static SessionRun documentedInTwoSteps(Case patientCase) {
        try (CaseSession session = ENGINE.openSession(patientCase.patient(), patientCase.evaluationDate())) {
            List<Finding> findings = patientCase.findings();
            int half = findings.size() / 2;
            findings.subList(0, half).forEach(session::record);
            String partial = AssessmentJson.write(session.assess());
            findings.subList(half, findings.size()).forEach(session::record);
            Assessment complete = session.assess();
            return new SessionRun(partial, AssessmentJson.write(complete), complete);
        }
    }

    /**
     * Runs {@code work} over every case on {@link #THREADS} threads released together, each taking the next case as it
     * finishes one (so cases interleave unpredictably); returns the results in the order of the cases.
     */
    private static <T> List<T> inParallel(List<Case> cases, Function<Case, T> work) throws Exception {
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(cases.size());
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = next.getAndIncrement(); i < cases.size(); i = next.getAndIncrement()) {
                        results.set(i, work.apply(cases.get(i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<T> ordered = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            ordered.add(results.get(i));
        }
        return ordered;
    }

    private static final Pattern PATIENT_ID = Pattern.compile("(iso|ses)-\\d{4}");

    /**
     * Every finding anywhere in the assessment (every explanation, hypothesis, clue, ...) is one of the case's own, every
     * finding the trace says a rule matched is one of the case's own, and no other patient's id appears.
     */
    private static void assertMentionsOnlyItsOwnCase(Case patientCase, Assessment assessment, String json) {
        List<Finding> own = patientCase.findings();
        Set<String> ownDescriptions = own.stream().map(Finding::describe).collect(Collectors.toSet());
        List<Object> everything = new ArrayList<>();
        collect(assessment, everything);
        for (Object part : everything) {
            if (part instanceof Finding finding) {
                assertTrue(own.contains(finding), () -> patientCase.patient().id() + ": the assessment cites "
                        + finding.describe() + ", which its case does not contain");
            } else if (part instanceof TraceEntry entry) {
                for (String matched : entry.matched()) {
                    if (describesAFinding(matched)) {
                        assertTrue(ownDescriptions.contains(matched), () -> patientCase.patient().id() + ": rule "
                                + entry.rule() + " matched '" + matched + "', which its case does not contain");
                    }
                }
            }
        }
        Matcher ids = PATIENT_ID.matcher(json);
        while (ids.find()) {
            assertEquals(patientCase.patient().id(), ids.group(), "another patient's id in the assessment");
        }
    }

    /** Whether a trace entry's matched fact is a finding: its description starts with a code and a status. */
    private static boolean describesAFinding(String matched) {
        String[] words = matched.split("[ ,]", 3);
        return words.length >= 2 && org.legcds.vocabulary.Vocabulary.packaged().finding(words[0]).isPresent()
                && List.of("present", "absent", "unknown", "conflicting").contains(words[1]);
    }

    /** Every record, list element and value reachable from {@code node}, depth first. */
    private static void collect(Object node, List<Object> into) {
        if (node == null) {
            return;
        }
        into.add(node);
        if (node instanceof Collection<?> collection) {
            collection.forEach(element -> collect(element, into));
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collect(value, into));
        } else if (node.getClass().isRecord() && !(node instanceof Finding)) {
            for (RecordComponent component : node.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(node), into);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read " + component, e);
                }
            }
        }
    }

    /** The generated cases reach every urgency, red flags, open checks, the differential and recommendations. */
    private static void assertTheCasesWereVaried(List<Assessment> assessments) {
        assertEquals(Set.of(Urgency.values()), assessments.stream().map(a -> a.triage().level())
                .collect(Collectors.toSet()), "every urgency level occurs");
        assertTrue(assessments.stream().map(a -> a.claudication().type()).distinct().count() >= 4,
                "at least four claudication types occur");
        assertTrue(assessments.stream().filter(a -> !a.notEvaluated().isEmpty()).count() > CASES / 10);
        assertTrue(assessments.stream().filter(a -> !a.differential().isEmpty()).count() > CASES / 10);
        assertTrue(assessments.stream().filter(a -> !a.redFlags().isEmpty()).count() > CASES / 10);
        assertTrue(assessments.stream().filter(a -> a.redFlags().isEmpty()).count() > CASES / 10);
    }

    private static String withoutTrace(String json) {
        try {
            ObjectNode tree = (ObjectNode) AssessmentJson.mapper().readTree(json);
            tree.remove("trace");
            return tree.toPrettyString();
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Patient patient(String id) {
        return new Patient(id, 60, Sex.UNKNOWN, Status.UNKNOWN);
    }

    /** A plausible random case over the first slice's vocabulary: each finding present, absent or left out. */
    static List<Finding> randomFindings(Random random) {
        List<Finding> findings = new ArrayList<>();
        if (random.nextBoolean()) {
            Finding pain = Finding.present("LEG_PAIN").on(random.nextBoolean() ? Laterality.BILATERAL : Laterality.LEFT);
            List<String> triggers = new ArrayList<>();
            for (String t : List.of("WALKING", "STANDING", "REST")) {
                if (random.nextInt(3) == 0) {
                    triggers.add(t);
                }
            }
            List<String> reliefs = new ArrayList<>();
            for (String r : List.of("STANDING_STILL", "SITTING", "LEANING_FORWARD")) {
                if (random.nextInt(3) == 0) {
                    reliefs.add(r);
                }
            }
            pain = pain.broughtOnBy(triggers.toArray(String[]::new)).relievedBy(reliefs.toArray(String[]::new));
            if (random.nextInt(4) == 0) {
                pain = pain.withOnset(Onset.SUDDEN);
            }
            findings.add(pain);
        } else if (random.nextBoolean()) {
            findings.add(Finding.absent("LEG_PAIN"));
        }
        for (String code : List.of("CALF_PAIN", "SHOPPING_CART_SIGN", "DIMINISHED_FOOT_PULSES",
                "BLADDER_DYSFUNCTION", "BOWEL_DYSFUNCTION", "SADDLE_ANAESTHESIA", "URINARY_HESITANCY",
                "COLD_LIMB", "PALE_OR_BLUE_LIMB", "ABSENT_FOOT_PULSE", "SEVERE_LEG_PAIN",
                "PROGRESSIVE_WEAKNESS", "SMOKING")) {
            int pick = random.nextInt(6);
            if (pick == 0) {
                findings.add(Finding.present(code));
            } else if (pick == 1) {
                findings.add(Finding.absent(code));
            }
        }
        if (random.nextInt(3) == 0) {
            findings.add(Finding.measured("ANKLE_BRACHIAL_INDEX", 0.4 + random.nextInt(120) / 100.0, "1")
                    .on(Laterality.RIGHT));
        }
        return findings;
    }
}
