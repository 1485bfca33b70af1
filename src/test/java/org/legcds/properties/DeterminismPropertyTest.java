package org.legcds.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.legcds.Clinic;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;

/** Deterministic: the same case gives the same assessment, whatever the order of its findings, in any thread. */
@Label("Determinism")
class DeterminismPropertyTest {

    private static final int THREADS = 4;

    /** Daemon threads shared by the tries: the pool outlives each try, as a host's request threads would. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, task -> {
        Thread thread = new Thread(task, "determinism-property");
        thread.setDaemon(true);
        return thread;
    });

    @Provide
    Arbitrary<Case> cases() {
        return CaseGenerators.cases();
    }

    @Property(tries = 1000)
    @Label("the same case, with its findings in any order, gives the same assessment in one thread")
    void sameCaseSameAssessmentInOneThread(@ForAll("cases") Case patientCase, @ForAll Random random) {
        Assessment first = Clinic.ENGINE.assess(patientCase);
        List<Finding> shuffled = new ArrayList<>(patientCase.findings());
        Collections.shuffle(shuffled, random);

        Assessment again = Clinic.ENGINE.assess(patientCase);
        Assessment reordered = Clinic.ENGINE.assess(new Case(patientCase.patient(), patientCase.evaluationDate(),
                shuffled));

        assertEquals(first, again);
        assertEquals(first, reordered);
    }

    @Property(tries = 100)
    @Label("cases assessed concurrently in " + THREADS + " threads give the assessments they give alone")
    void sameAssessmentsAcrossThreads(@ForAll("batches") List<Case> batch)
            throws InterruptedException, ExecutionException {
        List<Assessment> alone = batch.stream().map(Clinic.ENGINE::assess).toList();

        // every case three times, interleaved with the others, across the pool
        List<Future<Assessment>> futures = new ArrayList<>();
        List<Integer> which = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < batch.size(); i++) {
                Case patientCase = batch.get(i);
                futures.add(POOL.submit(() -> Clinic.ENGINE.assess(patientCase)));
                which.add(i);
            }
        }
        for (int f = 0; f < futures.size(); f++) {
            assertEquals(alone.get(which.get(f)), futures.get(f).get(), "case " + which.get(f) + " of the batch");
        }
    }

    @Provide
    Arbitrary<List<Case>> batches() {
        return CaseGenerators.cases().list().ofMinSize(2).ofMaxSize(8);
    }
}
