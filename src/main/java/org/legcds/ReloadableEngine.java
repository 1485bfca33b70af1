package org.legcds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.KnowledgeBaseInfo;
import org.legcds.engine.RuleSet;
import org.legcds.engine.SafetyGate;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.problems.RuleCompilationException;
import org.legcds.problems.SafetyGateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine over a rules directory that clinical informaticians edit while it serves: {@link #reload()} (or
 * {@link #watch()}) compiles the directory beside the rules in service and swaps the new knowledge base in atomically.
 *
 * <pre>{@code
 * try (ReloadableEngine engine = ReloadableEngine.fromDirectory(Path.of("rules")).watch()) {
 *     Assessment result = engine.assess(patientCase);   // always one knowledge base, old or new, never a mix
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Each {@link #assess} runs entirely on the knowledge base in service when it started (read once), so an
 *       assessment in flight during a reload finishes on the old rules; {@link Assessment#knowledgeBase()} says which.
 *   <li>Every knowledge base, the first and each reloaded one, passes the safety gate ({@link SafetyGate}) before it
 *       serves: every red-flag check has rules that raise it and leave it open, the rules match the directory's
 *       {@code manifest.yaml}, and, with a scenario directory, every scenario passes. A directory the gate refuses
 *       leaves the old rules serving; the result names each problem's file.
 *   <li>A directory that does not compile leaves the old rules serving; {@link #reload()} returns the errors with file
 *       and line and logs them at WARN (file, line and compiler message only).
 *   <li>A directory whose content hash equals the rules in service is not recompiled.
 *   <li>The engines it replaces are not retained (a test checks they become garbage).
 * </ul>
 *
 * <p><b>Thread-safety:</b> thread-safe. Assessments never wait for a reload; concurrent reloads run one at a time.
 * {@link #close()} stops watching; the engine still assesses and reloads on request afterwards.
 *
 * <p>legcds supports clinicians; it does not diagnose patients.
 */
public final class ReloadableEngine implements AutoCloseable {

    /** How long the directory must be quiet before a watched change is reloaded. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(ReloadableEngine.class);

    private final Path directory;
    /** Scenarios every knowledge base must pass before it serves; null for none. */
    private final Path scenarios;
    /** False only for tests of reloading itself on partial knowledge bases. */
    private final boolean gated;
    private final AtomicReference<LegCds> current;
    private final Object reloading = new Object();
    private final Object watching = new Object();
    private Watcher watcher;

    private ReloadableEngine(Path directory, Path scenarios, boolean gated) {
        this.directory = directory;
        this.scenarios = scenarios;
        this.gated = gated;
        this.current = new AtomicReference<>(load());
    }

    /**
     * Compiles a rules directory (see {@link LegCds#fromDirectory}) and serves it once it passes the safety gate.
     * Needs the DRL compiler on the class path ({@code org.drools:drools-model-codegen}).
     *
     * @param rulesDirectory the knowledge base's directory, e.g. a copy of the project's {@code rules/}
     * @return an engine serving those rules, not yet watching the directory
     * @throws SafetyGateException      if the safety gate refuses the rules, naming each problem's file
     * @throws IllegalStateException    if the DRL compiler is not on the class path
     * @throws RuleCompilationException with every error, its file and line, if the rules do not compile
     * @throws IllegalArgumentException if the directory or its metadata is missing or malformed
     */
    public static ReloadableEngine fromDirectory(Path rulesDirectory) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory must not be null");
        return new ReloadableEngine(rulesDirectory.toAbsolutePath().normalize(), null, true);
    }

    /**
     * As {@link #fromDirectory(Path)}, and every knowledge base, the first and each reloaded one, must also pass the
     * clinical scenarios of {@code scenarioDirectory} before it serves.
     *
     * @param rulesDirectory    the knowledge base's directory
     * @param scenarioDirectory the scenarios every knowledge base must pass (YAML files, at any depth)
     * @return an engine serving those rules, not yet watching the directory
     * @throws SafetyGateException      if the safety gate refuses the rules, naming each problem's file (a failing
     *                                  scenario by its file)
     * @throws RuleCompilationException with every error, its file and line, if the rules do not compile
     * @throws IllegalArgumentException if a directory or the metadata is missing or malformed
     * @throws IllegalStateException    if the DRL compiler is not on the class path
     */
    public static ReloadableEngine fromDirectory(Path rulesDirectory, Path scenarioDirectory) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory must not be null");
        Objects.requireNonNull(scenarioDirectory, "scenarioDirectory must not be null");
        return new ReloadableEngine(rulesDirectory.toAbsolutePath().normalize(),
                scenarioDirectory.toAbsolutePath().normalize(), true);
    }

    /** Without the safety gate: for tests of reloading itself on partial knowledge bases only. */
    static ReloadableEngine ungated(Path rulesDirectory) {
        return new ReloadableEngine(rulesDirectory.toAbsolutePath().normalize(), null, false);
    }

    /** Compiles the directory and passes it through the safety gate (and the scenarios, if any). */
    private LegCds load() {
        if (gated) {
            SafetyGate.check(directory, RuleSet.read(directory)); // reads the text: refuses before compiling anything
        }
        LegCds next = LegCds.fromDirectory(directory);
        if (scenarios != null) {
            List<RuleCompilationException.Error> failing = SafetyGate.scenarioProblems(next, scenarios);
            if (!failing.isEmpty()) {
                throw new SafetyGateException(failing);
            }
        }
        return next;
    }

    /**
     * Assesses one case with the rules in service (see {@link LegCds#assess(Case)}).
     *
     * @param patientCase the patient, the evaluation date and the findings
     * @return the assessment; {@link Assessment#knowledgeBase()} names the rules it ran on
     * @throws org.legcds.problems.InvalidCaseException if a finding does not fit the vocabulary in service, naming
     *                                                  each problem
     * @throws IllegalStateException                    if the rules misbehave (e.g. loop)
     */
    public Assessment assess(Case patientCase) {
        return current.get().assess(patientCase);
    }

    /**
     * Convenience for {@code assess(new Case(patient, evaluationDate, findings))}.
     *
     * @param patient        who is assessed
     * @param evaluationDate the date the case is assessed for (ages and durations are read against it)
     * @param findings       what is recorded: present, absent, unknown or conflicting
     * @return the assessment, every item explained
     * @throws org.legcds.problems.InvalidCaseException if the case is invalid or does not fit the vocabulary, naming
     *                                                  each problem
     */
    public Assessment assess(Patient patient, LocalDate evaluationDate, List<Finding> findings) {
        return assess(new Case(patient, evaluationDate, findings));
    }

    /**
     * Opens a session on the rules in service now (see {@link LegCds#openSession}); the session keeps those rules for
     * its whole life, whatever is reloaded meanwhile.
     *
     * @param patient        who is assessed
     * @param evaluationDate the date the case is assessed for
     * @return a new session, confined to one thread
     */
    public CaseSession openSession(Patient patient, LocalDate evaluationDate) {
        return current.get().openSession(patient, evaluationDate);
    }

    /**
     * The engine in service now. Hold it to run several assessments on exactly the same rules.
     *
     * @return the engine in service at the time of the call; a later reload does not change it
     */
    public LegCds current() {
        return current.get();
    }

    /**
     * The knowledge base in service now.
     *
     * @return its name, version, sources and content hash
     */
    public KnowledgeBaseInfo knowledgeBase() {
        return current.get().knowledgeBase();
    }

    /**
     * The rules directory this engine compiles and watches.
     *
     * @return the directory, absolute and normalised
     */
    public Path directory() {
        return directory;
    }

    /**
     * Compiles the directory beside the rules in service and, if it compiles, swaps it in. Returns at once with
     * {@code UNCHANGED} if the directory holds the rules in service. Never throws for rules that do not compile or an
     * unreadable directory: the result carries the errors and the old rules stay in service. Concurrent calls run one
     * at a time.
     *
     * @return what happened: reloaded, unchanged or failed (with every error), and the knowledge base now in service
     */
    public ReloadResult reload() {
        synchronized (reloading) {
            LegCds serving = current.get();
            try {
                if (RuleSet.read(directory).contentHash().equals(serving.knowledgeBase().contentHash())) {
                    LOG.debug("Rules in {} are unchanged; nothing to reload", directory);
                    return new ReloadResult(ReloadResult.Outcome.UNCHANGED, serving.knowledgeBase(), List.of());
                }
                LegCds next = load();
                current.set(next);
                KnowledgeBaseInfo info = next.knowledgeBase();
                LOG.info("Reloaded {} rules from {}: {} version {} ({})", info.rules(), directory, info.name(),
                        info.version(), info.contentHash());
                return new ReloadResult(ReloadResult.Outcome.RELOADED, info, List.of());
            } catch (RuleCompilationException e) {
                return failed(serving, e.errors(), e instanceof SafetyGateException);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return failed(serving, List.of(new RuleCompilationException.Error(directory.toString(), 0,
                        String.valueOf(e.getMessage()))), false);
            }
        }
    }

    private ReloadResult failed(LegCds serving, List<RuleCompilationException.Error> errors, boolean refused) {
        KnowledgeBaseInfo info = serving.knowledgeBase();
        LOG.warn("Rules in {} {} ({} error{}); still serving version {} ({})", directory,
                refused ? "are refused by the safety gate" : "do not load", errors.size(),
                errors.size() == 1 ? "" : "s", info.version(), info.contentHash());
        errors.forEach(error -> LOG.warn("  {}", error));
        return new ReloadResult(ReloadResult.Outcome.FAILED, info, errors);
    }

    /**
     * {@link #watch(Duration, Consumer)} with the {@link #DEFAULT_QUIET_PERIOD} and results only logged.
     *
     * @return this engine
     * @throws IllegalStateException if it is already watching
     * @throws UncheckedIOException  if the directory cannot be watched
     */
    public ReloadableEngine watch() {
        return watch(DEFAULT_QUIET_PERIOD, result -> { });
    }

    /**
     * Watches the directory tree and reloads after each burst of changes, once nothing has changed for
     * {@code quietPeriod} (an editor may write several files, or one file several times, for one save). Reloads run on
     * a single background daemon thread; each result goes to {@code onReload} on that thread. {@link #close()} stops
     * it. How promptly changes are seen depends on the platform's file-watching service.
     *
     * @param quietPeriod how long the directory must be quiet before a reload; not negative
     * @param onReload    receives each reload's result; what it throws is logged and ignored
     * @return this engine
     * @throws IllegalArgumentException if {@code quietPeriod} is negative
     * @throws IllegalStateException    if it is already watching
     * @throws UncheckedIOException     if the directory cannot be watched
     */
    public ReloadableEngine watch(Duration quietPeriod, Consumer<ReloadResult> onReload) {
        Objects.requireNonNull(quietPeriod, "quietPeriod must not be null");
        Objects.requireNonNull(onReload, "onReload must not be null");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("quietPeriod must not be negative, but is " + quietPeriod);
        }
        synchronized (watching) {
            if (watcher != null) {
                throw new IllegalStateException("already watching " + directory);
            }
            watcher = new Watcher(quietPeriod, onReload);
            watcher.start();
        }
        return this;
    }

    /** Stops watching (waiting for a reload in progress to finish). Idempotent. */
    @Override
    public void close() {
        Watcher stopping;
        synchronized (watching) {
            stopping = watcher;
            watcher = null;
        }
        if (stopping != null) {
            stopping.stop();
        }
    }

    /** The background thread of {@link #watch}: one {@link WatchService} over every directory of the tree. */
    private final class Watcher implements Runnable {

        private final long quietNanos;
        private final Consumer<ReloadResult> onReload;
        private final WatchService service;
        private final Thread thread;

        Watcher(Duration quietPeriod, Consumer<ReloadResult> onReload) {
            this.quietNanos = quietPeriod.toNanos();
            this.onReload = onReload;
            try {
                this.service = FileSystems.getDefault().newWatchService();
                registerTree(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot watch rules directory " + directory, e);
            }
            this.thread = new Thread(this, "legcds-rules-watcher");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /** Closing the service wakes the thread (take and poll throw); a reload in progress finishes first. */
        void stop() {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch service of {} failed", directory, e);
            }
            if (Thread.currentThread() != thread) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    handle(service.take());
                    // debounce: keep taking events until the directory has been quiet for the whole period
                    WatchKey more;
                    while ((more = service.poll(quietNanos, TimeUnit.NANOSECONDS)) != null) {
                        handle(more);
                    }
                    ReloadResult result;
                    try {
                        result = reload();
                    } catch (RuntimeException e) {
                        LOG.error("Reloading {} failed unexpectedly; still serving the old rules: {}", directory,
                                e.toString());
                        continue;
                    }
                    try {
                        onReload.accept(result);
                    } catch (RuntimeException e) {
                        LOG.warn("The reload listener of {} failed: {}", directory, e.toString());
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                LOG.debug("Stopped watching {}", directory);
            } catch (RuntimeException e) {
                LOG.error("Stopped watching {} after an unexpected error: {}", directory, e.toString());
            }
        }

        /** Registers directories created inside the tree and re-arms the key. */
        private void handle(WatchKey key) {
            Path parent = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                    Path created = parent.resolve(name);
                    if (Files.isDirectory(created)) {
                        try {
                            registerTree(created);
                        } catch (IOException e) {
                            LOG.warn("Cannot watch new rules folder {}: {}", created, e.toString());
                        }
                    }
                }
            }
            if (!key.reset() && parent.equals(directory)) {
                LOG.warn("The rules directory {} is gone; its changes are no longer watched", directory);
            }
        }

        private void registerTree(Path root) throws IOException {
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path folder : tree.filter(Files::isDirectory).toList()) {
                    folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }
}
