package org.legcds;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures what the named loggers write while the tests of a class run, instead of letting it reach the build output:
 * a test that provokes a failure on purpose (rules that do not load) makes warnings that would read as real breakage.
 * The captured lines are printed only when a test fails, with that failure. Register with
 * {@code @RegisterExtension static final CapturedLogs LOGS = new CapturedLogs("org.legcds.ReloadableEngine");}.
 */
public final class CapturedLogs implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final List<String> names;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }
    };

    public CapturedLogs(String... loggers) {
        this.names = List.of(loggers);
    }

    /** What was logged during the current test. */
    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        appender.start();
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.addAppender(appender);
            logger.setAdditive(false);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.setAdditive(true);
            logger.detachAppender(appender);
        }
        appender.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        events.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && !events.isEmpty()) {
            System.err.println("Logged during " + context.getDisplayName() + ":");
            events.forEach(e -> System.err.println("  " + e.getLevel() + " " + e.getLoggerName() + " - "
                    + e.getFormattedMessage()));
        }
    }
}
