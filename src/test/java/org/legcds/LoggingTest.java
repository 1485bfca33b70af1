package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.json.CaseJson;
import org.legcds.problems.InvalidCaseException;
import org.legcds.scenario.Scenario;
import org.legcds.scenario.ScenarioReader;
import org.legcds.scenario.ScenarioRunner;
import org.slf4j.LoggerFactory;

/**
 * What legcds logs: through SLF4J only, and nothing that identifies a patient or states a finding above DEBUG. Every
 * logger is turned up to TRACE while the example cases, the clinical scenarios, random cases, sessions, invalid input
 * and reloads run; every event is captured and the ones at INFO and above are searched for the patients' ids and
 * their findings' codes.
 */
@DisplayName("Logging: SLF4J only; nothing about a patient above DEBUG")
class LoggingTest {

    private static final Capture CAPTURED = new Capture();
    private static final Map<Logger, Level> SAVED_LEVELS = new HashMap<>();
    private static final List<Appender<ILoggingEvent>> DETACHED = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void captureEverythingAtTrace() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                SAVED_LEVELS.put(logger, logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            DETACHED.add(it.next());
        }
        DETACHED.forEach(root::detachAppender);   // keep the TRACE flood off the build's console
        CAPTURED.setContext(context);
        CAPTURED.start();
        root.addAppender(CAPTURED);
    }

    @AfterAll
    static void restoreLogging() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(CAPTURED);
        CAPTURED.stop();
        DETACHED.forEach(root::addAppender);
        SAVED_LEVELS.forEach(Logger::setLevel);
    }

    @BeforeEach
    void forgetEarlierEvents() {
        CAPTURED.clear();
    }

    /**
     * Keeps every event at INFO and above and counts the rest (Drools logs some 200,000 TRACE events for the example
     * cases and scenarios; keeping them all would only cost memory).
     */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        private final List<ILoggingEvent> aboveDebug = new ArrayList<>();
        private final Map<Level, Integer> counts = new HashMap<>();

        @Override
        protected synchronized void append(ILoggingEvent event) {
            counts.merge(event.getLevel(), 1, Integer::sum);
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                event.prepareForDeferredProcessing();
                aboveDebug.add(event);
            }
        }

        synchronized List<ILoggingEvent> aboveDebug() {
            return List.copyOf(aboveDebug);
        }

        synchronized int count(Level level) {
            return counts.getOrDefault(level, 0);
        }

        synchronized void clear() {
            aboveDebug.clear();
            counts.clear();
        }
    }

    @Test
    void assessingEveryExampleCaseScenarioAndInvalidInputLogsNothingAboutPatientsAboveDebug() throws IOException {
        LegCds engine = LegCds.packaged();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples", "cases"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                cases.add(CaseJson.read(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        cases.addAll(RandomCases.cases(99, 50, "log-random-"));
        cases.forEach(engine::assess);
        for (Case patientCase : cases.subList(0, 10)) {
            try (CaseSession session = engine.openSession(patientCase.patient(), patientCase.evaluationDate())) {
                patientCase.findings().forEach(session::record);
                session.assess();
                patientCase.findings().forEach(f -> session.forget(f.code(), f.laterality()));
                session.assess();
            }
        }
        List<Scenario> scenarios = ScenarioReader.of(Path.of("scenarios")).readAll();
        new ScenarioRunner(engine).run(scenarios);
        cases.addAll(scenarios.stream().map(Scenario::patientCase).toList());
        // invalid input: the exception names the values, for the caller; the library must not log them
        assertThrows(InvalidCaseException.class, () -> CaseJson.read("""
                {"patient": {"id": "log-invalid-patient", "age": 250},
                 "evaluationDate": "2026-11-21",
                 "findings": [{"code": "CAUDA_EQUINA_PAIN", "status": "present"},
                              {"code": "ANKLE_BRACHIAL_INDEX", "status": "present", "value": 9.5, "unit": "1"}]}
                """));
        Patient invalid = new Patient("log-duplicate-patient", 70, Sex.MALE, Status.ABSENT);
        assertThrows(InvalidCaseException.class, () -> new Case(invalid, LocalDate.of(2026, 11, 21),
                List.of(Finding.present("NUMBNESS"), Finding.present("NUMBNESS")))); // a plain duplicate
        // (present beside absent is no longer refused: the two records make one CONFLICTING finding)
        Set<String> identifying = new TreeSet<>(Set.of("log-invalid-patient", "log-duplicate-patient",
                "CAUDA_EQUINA_PAIN", "ANKLE_BRACHIAL_INDEX", "NUMBNESS"));
        for (Case patientCase : cases) {
            identifying.add(patientCase.patient().id());
            patientCase.findings().forEach(f -> identifying.add(f.code()));
        }

        assertNothingAboveDebugMentions(identifying);
        assertTrue(CAPTURED.count(Level.TRACE) > 0, "every logger was at TRACE, and its events were captured");
        assertTrue(identifying.size() > 50, "the check searched for many ids and codes: " + identifying.size());
    }

    @Test
    void aFailedReloadIsLoggedAtWarnWithFileAndLineAndNothingAboutPatients() throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("4-red-flags"));
        Files.createDirectories(rules.resolve("2-claudication"));
        for (String file : List.of("knowledge-base.yaml", "4-red-flags/cauda-equina.drl", "2-claudication/type.drl")) {
            Files.copy(Path.of("rules").resolve(file), rules.resolve(file));
        }
        Clinic.copyTree(Path.of("rules", "vocabulary"), rules.resolve("vocabulary")); // the ids the rules name
        Patient patient = new Patient("log-reload-patient", 61, Sex.FEMALE, Status.ABSENT);
        Case patientCase = new Case(patient, LocalDate.of(2026, 11, 21), List.of(Finding.present("SADDLE_ANAESTHESIA")));
        ReloadableEngine engine = ReloadableEngine.ungated(rules); // a partial knowledge base
        engine.assess(patientCase);
        Path drl = rules.resolve("4-red-flags/cauda-equina.drl");
        String original = Files.readString(drl);
        Files.writeString(drl, original.replace("then", "than"));
        engine.reload();
        engine.assess(patientCase);
        Files.writeString(drl, original);
        Path actions = rules.resolve("vocabulary/checks.yaml"); // the check's action is the vocabulary's
        Files.writeString(actions, Files.readString(actions).replace("same-day", "same day"));
        engine.reload();
        engine.assess(patientCase);

        List<ILoggingEvent> events = events();
        assertTrue(events.stream().anyMatch(e -> e.getLevel() == Level.WARN
                        && e.getFormattedMessage().matches("(?s).*4-red-flags/cauda-equina\\.drl:\\d+: .*")),
                "a WARN names the broken file and its line");
        assertTrue(events.stream().anyMatch(e -> e.getLevel() == Level.INFO
                && e.getFormattedMessage().startsWith("Reloaded ")), "an INFO says the new rules are in service");
        assertNothingAboveDebugMentions(Set.of("log-reload-patient"));
    }

    @Test
    void theCaptureSeesEventsAboveDebug() {
        LoggerFactory.getLogger("org.legcds.canary").warn("canary for patient {}", "log-canary-patient");
        AssertionError caught = assertThrows(AssertionError.class,
                () -> assertNothingAboveDebugMentions(Set.of("log-canary-patient")));
        assertTrue(caught.getMessage().contains("org.legcds.canary"), caught.getMessage());
    }

    /** The library (outside the command line) uses SLF4J and nothing else: no other logging API, no console. */
    @Test
    void theLibraryLogsThroughSlf4jOnly() throws IOException {
        Path library = Path.of("src", "main", "java", "org", "legcds");
        Pattern forbidden = Pattern.compile("java\\.util\\.logging|System\\.(out|err)\\b|printStackTrace\\s*\\("
                + "|org\\.apache\\.(log4j|logging\\.log4j|commons\\.logging)|ch\\.qos\\.logback|org\\.jboss\\.logging");
        Pattern loggingAboveDebug = Pattern.compile("\\bLOG\\.(info|warn|error)\\s*\\(");
        List<String> offences = new ArrayList<>();
        Set<String> loggingAboveDebugIn = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(library)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = library.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("cli/") || relative.equals("engine/KnowledgeBasePrecompiler.java")) {
                    continue;   // the command line and the build step talk to a console by design
                }
                String code = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
                Matcher matcher = forbidden.matcher(code);
                while (matcher.find()) {
                    offences.add(relative + ": " + matcher.group());
                }
                if (loggingAboveDebug.matcher(code).find()) {
                    loggingAboveDebugIn.add(relative);
                }
            }
        }
        assertEquals(List.of(), offences, "the library logs through SLF4J only");
        // every class that logs above DEBUG has been reviewed for patient data; add a class here only after review
        assertEquals(Set.of("ReloadableEngine.java", "engine/KnowledgeBase.java"), loggingAboveDebugIn,
                "a new class logs above DEBUG: check it logs nothing that identifies a patient or states a finding");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static List<ILoggingEvent> events() {
        return CAPTURED.aboveDebug();
    }

    private static void assertNothingAboveDebugMentions(Set<String> identifying) {
        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent event : events()) {
            String text = text(event);
            for (String word : identifying) {
                if (Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).find()) {
                    leaks.add(event.getLevel() + " " + event.getLoggerName() + " mentions '" + word + "': " + text);
                }
            }
        }
        assertEquals(List.of(), leaks, "events above DEBUG that identify a patient or state a finding");
    }

    /** Everything an appender could write: the message, its arguments and the exception chain's messages. */
    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
    }
}
