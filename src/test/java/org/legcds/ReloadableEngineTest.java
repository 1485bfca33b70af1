package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.ReloadResult.Outcome;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.RedFlag;
import org.legcds.engine.KnowledgeBase;
import org.legcds.engine.RuleSet;
import org.legcds.engine.SafetyGate;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.problems.RuleCompilationException;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.Vocabulary;

/**
 * Clinical informaticians edit the rules of a running engine: what they save is compiled beside the rules in service
 * and swapped in whole, or, if it does not compile, reported while the old rules keep serving.
 */
@DisplayName("Reloading the rules of a running engine")
class ReloadableEngineTest {

    /** Rules that do not load are provoked on purpose here: their warnings are captured, shown only on failure. */
    @RegisterExtension
    static final CapturedLogs LOGS = new CapturedLogs("org.legcds.ReloadableEngine");

    private static final Path RULES = Path.of("rules").toAbsolutePath();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final Case SADDLE_ANAESTHESIA = new Case(new Patient("reload-patient", 52, Sex.FEMALE, Status.ABSENT),
            TODAY, List.of(Finding.present("SADDLE_ANAESTHESIA")));
    private static final String MRI = "Emergency MRI of the lumbosacral spine and same-day spinal surgical review";
    private static final String CAUDA_EQUINA = "4-red-flags/cauda-equina.drl";
    private static final String CLASSIFICATION = "2-claudication/type.drl";
    /** Where a red-flag check's action is written (the vocabulary), which the cauda equina rules raise. */
    private static final String ACTIONS = "vocabulary/checks.yaml";
    /** How long a test waits for the watcher before failing (a bound, not a timing expectation). */
    private static final long PATIENCE_SECONDS = 120;
    /** The small knowledge base: the cauda equina rules and the claudication classification, with what they use. */
    private static final List<String> SMALL_KB = List.of(RuleSet.METADATA, CAUDA_EQUINA, CLASSIFICATION,
            "1-patterns/clinical-states.drl", "2-claudication/not-claudication.drl");
    private static final int SMALL_KB_RULES = SMALL_KB.stream().mapToInt(ReloadableEngineTest::rulesIn).sum();

    private static int rulesIn(String file) {
        try {
            return (int) Files.readAllLines(RULES.resolve(file)).stream().filter(l -> l.startsWith("rule \"")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path tmp;

    @Test
    void anInformaticianSavesABrokenRuleAndTheOldRulesKeepServingWhileTheErrorsNameFileAndLine() throws IOException {
        Path rules = smallKnowledgeBase();
        ReloadableEngine engine = ReloadableEngine.ungated(rules);
        LegCds before = engine.current();
        String drl = Files.readString(rules.resolve(CAUDA_EQUINA));
        int line = lineOf(drl, "Finding(code == \"SADDLE_ANAESTHESIA\", positive)");
        write(rules.resolve(CAUDA_EQUINA), drl.replace("Finding(code == \"SADDLE_ANAESTHESIA\", positive)",
                "Finding(code == \"SADDLE_ANAESTHESA\", positive)"));

        ReloadResult result = engine.reload();

        assertEquals(Outcome.FAILED, result.outcome());
        assertFalse(result.swapped());
        assertTrue(result.errors().stream().anyMatch(e -> e.file().equals(CAUDA_EQUINA) && e.line() == line),
                () -> "an error at " + CAUDA_EQUINA + ":" + line + " in " + result.errors());
        assertSame(before, engine.current(), "the old rules stay in service");
        assertEquals(before.knowledgeBase(), result.serving());
        Assessment assessment = engine.assess(SADDLE_ANAESTHESIA);
        assertEquals(Urgency.EMERGENCY, assessment.triage().level(), "saddle anaesthesia is still an emergency");
        assertEquals(before.knowledgeBase(), assessment.knowledgeBase());
    }

    @Test
    void anInformaticianRewordsARecommendationAndTheNextAssessmentUsesTheNewRules() throws IOException {
        Path rules = Clinic.copyTree(RULES, tmp.resolve("rules"));
        ReloadableEngine engine = ReloadableEngine.fromDirectory(rules);
        assertEquals(Set.of(MRI), actions(engine.assess(SADDLE_ANAESTHESIA)));
        String reworded = "Emergency MRI of the whole lumbosacral spine, and same-day spinal surgical review";
        Path file = rules.resolve(ACTIONS);
        write(file, Files.readString(file).replace(MRI, reworded));

        ReloadResult result = engine.reload();

        assertEquals(Outcome.RELOADED, result.outcome(), () -> "errors: " + result.errors());
        assertTrue(result.errors().isEmpty());
        assertEquals(RuleSet.read(rules).contentHash(), result.serving().contentHash());
        assertEquals(Clinic.ENGINE.rules().size(), result.serving().rules(), "a reworded action adds or loses no rule");
        Assessment next = engine.assess(SADDLE_ANAESTHESIA);
        assertEquals(Set.of(reworded), actions(next));
        assertEquals(result.serving(), next.knowledgeBase(), "the assessment names the new knowledge base");
    }

    @Test
    void aBrokenSaveThenItsFixGoesFromOldRulesStraightToTheFixedOnes() throws IOException {
        Path rules = smallKnowledgeBase();
        ReloadableEngine engine = ReloadableEngine.ungated(rules);
        String original = Files.readString(rules.resolve(CAUDA_EQUINA));
        write(rules.resolve(CAUDA_EQUINA), original.replace("then", "than"));
        assertEquals(Outcome.FAILED, engine.reload().outcome());

        write(rules.resolve(CAUDA_EQUINA), original);
        reword(rules, "Same-day MRI");
        ReloadResult fixed = engine.reload();

        assertEquals(Outcome.RELOADED, fixed.outcome(), () -> "errors: " + fixed.errors());
        assertEquals(Set.of("Same-day MRI"), actions(engine.assess(SADDLE_ANAESTHESIA)));
    }

    @Test
    void aDirectoryThatLostItsMetadataIsReportedAndTheOldRulesKeepServing() throws IOException {
        Path rules = smallKnowledgeBase();
        ReloadableEngine engine = ReloadableEngine.ungated(rules);
        LegCds before = engine.current();
        Files.delete(rules.resolve(RuleSet.METADATA));

        ReloadResult result = engine.reload();

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.errors().get(0).message().contains(RuleSet.METADATA), result.errors()::toString);
        assertSame(before, engine.current());
    }

    @Test
    void reloadingRulesThatDidNotChangeCompilesNothingAndKeepsTheSameEngine() throws IOException {
        ReloadableEngine engine = ReloadableEngine.ungated(smallKnowledgeBase());
        LegCds before = engine.current();

        ReloadResult result = engine.reload();

        assertEquals(Outcome.UNCHANGED, result.outcome());
        assertSame(before, engine.current());
    }

    @Test
    void twoReloadsRequestedAtOnceRunOneAfterTheOther() throws Exception {
        Path rules = smallKnowledgeBase();
        ReloadableEngine engine = ReloadableEngine.ungated(rules);
        reword(rules, "Same-day MRI");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ReloadResult>> reloads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                reloads.add(pool.submit(() -> {
                    start.await();
                    return engine.reload();
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<ReloadResult> reload : reloads) {
                outcomes.add(reload.get().outcome());
            }
            // the second sees the first one's rules in service: nothing is compiled twice or swapped back
            assertEquals(List.of(Outcome.RELOADED, Outcome.UNCHANGED),
                    outcomes.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAssessmentInFlightWhenTheRulesAreSwappedFinishesOnTheOldRules() throws Exception {
        Path rules = smallKnowledgeBase();
        write(rules.resolve("gate.drl"), """
                package org.legcds.rules;

                import org.legcds.facts.*;

                rule "Test gate: hold the assessment until the test opens the gate"
                    @id(TEST-GATE) @source(S000-C19)
                when
                    Finding(code == \"SADDLE_ANAESTHESIA\", positive)
                then
                    org.legcds.Gate.pass();
                end
                """);
        ReloadableEngine engine = ReloadableEngine.ungated(rules);
        String oldHash = engine.knowledgeBase().contentHash();
        Gate.close();
        ExecutorService clinic = Executors.newSingleThreadExecutor();
        try {
            Future<Assessment> inFlight = clinic.submit(() -> engine.assess(SADDLE_ANAESTHESIA));
            assertTrue(Gate.awaitArrival(PATIENCE_SECONDS), "the assessment reached the gate");

            reword(rules, "Same-day MRI");
            ReloadResult reload = engine.reload();   // does not wait for the assessment in flight
            assertEquals(Outcome.RELOADED, reload.outcome(), () -> "errors: " + reload.errors());
            Gate.open();

            Assessment finished = inFlight.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertEquals(oldHash, finished.knowledgeBase().contentHash(), "finished on the rules it started on");
            assertEquals(Set.of(MRI), actions(finished));
            Assessment next = engine.assess(SADDLE_ANAESTHESIA);
            assertEquals(reload.serving(), next.knowledgeBase());
            assertEquals(Set.of("Same-day MRI"), actions(next));
        } finally {
            Gate.open();
            clinic.shutdownNow();
        }
    }

    @Test
    void assessmentsDuringRepeatedReloadsAreEachEntirelyOldRulesOrEntirelyNewRules() throws Exception {
        Path rules = smallKnowledgeBase();
        ReloadableEngine engine = ReloadableEngine.ungated(rules);
        String original = Files.readString(rules.resolve(ACTIONS));
        String hashA = engine.knowledgeBase().contentHash();
        reword(rules, "Same-day MRI");
        String hashB = RuleSet.read(rules).contentHash();
        AtomicBoolean reloading = new AtomicBoolean(true);
        ExecutorService clinic = Executors.newFixedThreadPool(2);
        CountDownLatch started = new CountDownLatch(2);
        try {
            List<Future<List<Assessment>>> clinicians = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clinicians.add(clinic.submit(() -> {
                    List<Assessment> seen = new ArrayList<>();
                    while (reloading.get()) {
                        seen.add(engine.assess(SADDLE_ANAESTHESIA));
                        started.countDown();
                        Thread.sleep(1); // leave the compiler some of the machine
                    }
                    seen.add(engine.assess(SADDLE_ANAESTHESIA));
                    return seen;
                }));
            }
            assertTrue(started.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
            for (int i = 0; i < 3; i++) {   // B, A, B
                write(rules.resolve(ACTIONS), i % 2 == 0 ? original.replace(MRI, "Same-day MRI") : original);
                assertEquals(Outcome.RELOADED, engine.reload().outcome());
            }
            reloading.set(false);
            Set<String> versionsSeen = new java.util.HashSet<>();
            for (Future<List<Assessment>> clinician : clinicians) {
                for (Assessment assessment : clinician.get()) {
                    String hash = assessment.knowledgeBase().contentHash();
                    versionsSeen.add(hash);
                    String expected = hash.equals(hashA) ? MRI : hash.equals(hashB) ? "Same-day MRI" : null;
                    assertNotNull(expected, "a knowledge base that was never in service: " + hash);
                    assertEquals(Set.of(expected), actions(assessment), "rules and knowledge-base info agree");
                }
            }
            assertEquals(Set.of(hashA, hashB), versionsSeen, "both versions served");
        } finally {
            reloading.set(false);
            clinic.shutdownNow();
        }
    }

    @Test
    void aSessionOpenedBeforeAReloadKeepsItsRulesUntilItCloses() throws IOException {
        Path rules = smallKnowledgeBase();
        ReloadableEngine engine = ReloadableEngine.ungated(rules);
        try (CaseSession session = engine.openSession(SADDLE_ANAESTHESIA.patient(), TODAY)) {
            reword(rules, "Same-day MRI");
            assertEquals(Outcome.RELOADED, engine.reload().outcome());

            session.record(Finding.present("SADDLE_ANAESTHESIA"));
            assertEquals(Set.of(MRI), actions(session.assess()));
        }
        assertEquals(Set.of("Same-day MRI"), actions(engine.assess(SADDLE_ANAESTHESIA)));
    }

    @Test
    void whileWatchingASavedRuleIsPickedUpAndABrokenSaveIsReported() throws Exception {
        Path rules = smallKnowledgeBase();
        BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
        try (ReloadableEngine engine = ReloadableEngine.ungated(rules)
                .watch(Duration.ofMillis(200), results::add)) {
            String original = Files.readString(rules.resolve(CAUDA_EQUINA));
            String actions = Files.readString(rules.resolve(ACTIONS));
            // an editor's save: a backup file, the file written twice
            write(rules.resolve(ACTIONS + "~"), actions);
            write(rules.resolve(ACTIONS), actions.replace(MRI, "Same"));
            write(rules.resolve(ACTIONS), actions.replace(MRI, "Same-day MRI"));
            ReloadResult saved = awaitServing(results, RuleSet.read(rules).contentHash());
            assertEquals(Set.of("Same-day MRI"), actions(engine.assess(SADDLE_ANAESTHESIA)));

            write(rules.resolve(CAUDA_EQUINA), original.replace("then", "than"));
            ReloadResult broken = await(results, r -> r.outcome() == Outcome.FAILED);
            assertEquals(saved.serving(), broken.serving());
            assertEquals(Set.of("Same-day MRI"), actions(engine.assess(SADDLE_ANAESTHESIA)), "old rules serve on");

            // a new folder with a new rule file: the watch covers the whole tree
            write(rules.resolve(CAUDA_EQUINA), original);
            Path extra = rules.resolve("extra/more");
            Files.createDirectories(extra);
            write(extra.resolve("urinary.drl"), original.replace("rule \"", "rule \"Extra: ")
                    .replaceAll("@id\\(RF-CES-", "@id(EXTRA-").replaceAll("@id\\(RF-", "@id(EXTRA-RF-"));
            ReloadResult grown = awaitServing(results, RuleSet.read(rules).contentHash());
            assertEquals(SMALL_KB_RULES + (int) original.lines().filter(l -> l.startsWith("rule \"")).count(),
                    grown.serving().rules());
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("legcds-rules-watcher") && t.isAlive()), "close() stops the watcher");
    }

    @Test
    void anEngineWatchesItsDirectoryOnlyOnce() throws IOException {
        try (ReloadableEngine engine = ReloadableEngine.ungated(smallKnowledgeBase()).watch()) {
            assertThrows(IllegalStateException.class, engine::watch);
        }
    }

    @Test
    void rulesThatDoNotCompileAtStartUpAreRefusedWithTheirErrors() throws IOException {
        Path rules = smallKnowledgeBase();
        Files.writeString(rules.resolve(CAUDA_EQUINA), "rule \"x\" when then", StandardCharsets.UTF_8);
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> ReloadableEngine.ungated(rules));
        assertEquals(CAUDA_EQUINA, e.errors().get(0).file());
    }

    @Test
    void theRulesAReloadReplacesAreNotKeptAlive() throws Exception {
        Path rules = smallKnowledgeBase();
        ReloadableEngine engine = ReloadableEngine.ungated(rules);
        List<WeakReference<Object>> replaced = reloadThreeTimes(engine, rules);

        for (int attempt = 0; attempt < 20 && replaced.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(List.of(), replaced.stream().map(WeakReference::get).filter(r -> r != null)
                .map(r -> r.getClass().getSimpleName()).toList(), "replaced engines, knowledge bases or KieBases leak");
        assertEquals(Set.of("MRI, version 2"), actions(engine.assess(SADDLE_ANAESTHESIA)), "the last rules serve");
    }

    /**
     * Uses each engine in service (an assessment and a session), then replaces it; returns weak references to every
     * replaced engine, its knowledge base and its Drools KieBase. (A method of its own, so that no local variable of
     * the caller keeps one alive.)
     */
    private static List<WeakReference<Object>> reloadThreeTimes(ReloadableEngine engine, Path rules) throws Exception {
        String original = Files.readString(rules.resolve(ACTIONS));
        List<WeakReference<Object>> replaced = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LegCds old = engine.current();
            old.assess(SADDLE_ANAESTHESIA);
            try (CaseSession session = old.openSession(SADDLE_ANAESTHESIA.patient(), TODAY)) {
                session.record(Finding.present("BLADDER_DYSFUNCTION")).assess();
            }
            replaced.add(new WeakReference<>(old));
            replaced.add(new WeakReference<>(knowledgeBaseOf(old)));
            replaced.add(new WeakReference<>(kieBaseOf(knowledgeBaseOf(old))));
            write(rules.resolve(ACTIONS), original.replace(MRI, "MRI, version " + i));
            assertEquals(Outcome.RELOADED, engine.reload().outcome());
        }
        return replaced;
    }

    /** The engine's loaded knowledge base (private: the test reaches in to hold a weak reference to it). */
    static KnowledgeBase knowledgeBaseOf(LegCds engine) throws ReflectiveOperationException {
        Field field = LegCds.class.getDeclaredField("knowledgeBase");
        field.setAccessible(true);
        return (KnowledgeBase) field.get(engine);
    }

    /** The Drools knowledge base inside a loaded knowledge base (package-private there; reached by reflection). */
    static Object kieBaseOf(KnowledgeBase knowledgeBase) throws ReflectiveOperationException {
        Field field = KnowledgeBase.class.getDeclaredField("kieBase");
        field.setAccessible(true);
        return field.get(knowledgeBase);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /**
     * A knowledge base of the metadata, the cauda equina red flags and the claudication classification (which every
     * assessment needs) only: quick to compile.
     */
    /** How a clumsy editor or an attacker can lose a red-flag file: each must leave the old rules serving. */
    enum Loss {
        DELETED, EMPTIED, CUT_AT_A_RULE_BOUNDARY
    }

    @Test
    void deletingEmptyingOrCuttingAnyRedFlagFileLeavesTheOldRulesServingAndNamesTheFile() throws IOException {
        Path rules = Clinic.copyTree(RULES, tmp.resolve("rules"));
        ReloadableEngine engine = ReloadableEngine.fromDirectory(rules);
        LegCds serving = engine.current();
        List<Path> redFlagFiles;
        try (Stream<Path> files = Files.list(rules.resolve("4-red-flags"))) {
            redFlagFiles = files.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
        }
        assertFalse(redFlagFiles.isEmpty());
        for (Path file : redFlagFiles) {
            String original = Files.readString(file);
            String name = rules.relativize(file).toString().replace('\\', '/');
            for (Loss loss : Loss.values()) {
                switch (loss) {
                    case DELETED -> Files.delete(file);
                    case EMPTIED -> write(file, "");
                    case CUT_AT_A_RULE_BOUNDARY -> write(file, original.substring(0, lastRuleStart(original)));
                }

                ReloadResult result = engine.reload();

                String where = name + " " + loss;
                assertEquals(Outcome.FAILED, result.outcome(), where);
                assertSame(serving, engine.current(), where + ": the old rules keep serving");
                assertTrue(result.errors().stream().anyMatch(e -> e.file().equals(name)
                        && e.message().contains(SafetyGate.MANIFEST)), () -> where + ": " + result.errors());
                write(file, original);
            }
        }
        assertEquals(Set.of(MRI), actions(engine.assess(SADDLE_ANAESTHESIA)));
    }

    @Test
    void aWatchedDirectoryWhoseCaudaEquinaFileIsEmptiedKeepsRaisingTheRedFlagAndSaysWhy() throws Exception {
        Path rules = Clinic.copyTree(RULES, tmp.resolve("rules"));
        BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
        try (ReloadableEngine engine = ReloadableEngine.fromDirectory(rules).watch(Duration.ofMillis(200),
                results::add)) {
            write(rules.resolve(CAUDA_EQUINA), "");

            ReloadResult result = results.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);

            assertNotNull(result, "the watcher reloaded");
            assertEquals(Outcome.FAILED, result.outcome());
            String errors = result.errors().toString();
            assertTrue(errors.contains(CAUDA_EQUINA + ": holds 0 rules, manifest.yaml expects "), errors);
            assertTrue(errors.contains("CAUDA_EQUINA_SYNDROME is raised by no rule"), errors);
            assertEquals(Urgency.EMERGENCY, engine.assess(SADDLE_ANAESTHESIA).triage().level());
        }
    }

    @Test
    void aReloadThatFailsAScenarioKeepsTheOldRulesAndNamesTheScenario() throws IOException {
        Path rules = Clinic.copyTree(RULES, tmp.resolve("rules"));
        ReloadableEngine engine = ReloadableEngine.fromDirectory(rules, Path.of("scenarios"));
        LegCds serving = engine.current();
        // a deliberate-looking change: the manifest regenerated, but the rule's action is now wrong
        write(rules.resolve(CAUDA_EQUINA), Files.readString(rules.resolve(CAUDA_EQUINA))
                .replace("Urgency.EMERGENCY", "Urgency.URGENT"));
        SafetyGate.writeManifest(rules);

        ReloadResult result = engine.reload();

        assertEquals(Outcome.FAILED, result.outcome());
        assertSame(serving, engine.current());
        assertTrue(result.errors().stream().anyMatch(e -> e.file().endsWith("saddle-anaesthesia-alone.yaml")
                && e.message().startsWith("scenario fails")), () -> result.errors().toString());
    }

    /** Where the last rule of a DRL text starts: cutting there leaves whole rules only. */
    private static int lastRuleStart(String drl) {
        return drl.lastIndexOf("\nrule ") + 1;
    }

    private Path smallKnowledgeBase() throws IOException {
        Path rules = Files.createTempDirectory(tmp, "rules");
        for (String file : SMALL_KB) {
            Files.createDirectories(rules.resolve(file).getParent());
            Files.copy(RULES.resolve(file), rules.resolve(file));
        }
        Clinic.copyTree(RULES.resolve(Vocabulary.FOLDER), rules.resolve(Vocabulary.FOLDER)); // the ids the rules name
        return rules;
    }

    /** Rewords the cauda equina action, which the vocabulary's check holds (the rules raise the check). */
    private static void reword(Path rules, String action) throws IOException {
        Path file = rules.resolve(ACTIONS);
        write(file, Files.readString(file).replace(MRI, action));
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static int lineOf(String text, String snippet) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(snippet)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + snippet);
    }

    private static Set<String> actions(Assessment assessment) {
        return assessment.redFlags().stream().map(RedFlag::action).collect(Collectors.toSet());
    }

    private static ReloadResult awaitServing(BlockingQueue<ReloadResult> results, String contentHash)
            throws InterruptedException {
        ReloadResult result = await(results, r -> r.swapped() && r.serving().contentHash().equals(contentHash));
        assertTrue(result.errors().isEmpty());
        return result;
    }

    /** The first watcher result that matches, waiting at most {@link #PATIENCE_SECONDS} for each. */
    private static ReloadResult await(BlockingQueue<ReloadResult> results,
                                      java.util.function.Predicate<ReloadResult> wanted) throws InterruptedException {
        List<ReloadResult> skipped = new ArrayList<>();
        while (true) {
            ReloadResult result = results.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertNotNull(result, () -> "the watcher reported no matching reload; it reported " + skipped);
            if (wanted.test(result)) {
                return result;
            }
            skipped.add(result);
        }
    }

    @Test
    void closingStopsTheWatchingButTheEngineServesAndReloadsOnRequest() throws IOException {
        Path rules = smallKnowledgeBase();
        ReloadableEngine engine = ReloadableEngine.ungated(rules).watch();
        engine.close();
        engine.close();
        reword(rules, "Same-day MRI");
        assertEquals(Outcome.RELOADED, engine.reload().outcome());
        assertEquals(Set.of("Same-day MRI"), actions(engine.assess(SADDLE_ANAESTHESIA)));
    }
}
