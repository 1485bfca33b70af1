package org.legcds.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@code legcds batch} shows while it runs: on a terminal, a one-line progress bar on stderr with the cases done,
 * the rate and (when the size of the input is known) the time left; elsewhere nothing. Messages (bad lines) go to
 * stderr either way, without garbling the bar. Used from the pipeline's writer thread only.
 */
abstract sealed class BatchProgress implements AutoCloseable {

    /** The bar on a terminal (stderr), or nothing when stdin/stdout are not a terminal or {@code quiet} is set. */
    static BatchProgress of(boolean quiet, PrintWriter err) {
        return quiet || System.console() == null ? new Silent(err) : new Bar(System.err);
    }

    /**
     * Cases done so far, and the total expected: exact, estimated from the bytes read, or negative when unknown.
     */
    abstract void update(long done, long expectedTotal);

    /** A line for the user (e.g. a bad input line). */
    abstract void say(String message);

    @Override
    public abstract void close();

    /** No bar: messages go straight to stderr. */
    static final class Silent extends BatchProgress {
        private final PrintWriter err;

        Silent(PrintWriter err) {
            this.err = err;
        }

        @Override
        void update(long done, long expectedTotal) {
        }

        @Override
        void say(String message) {
            err.println(message);
        }

        @Override
        public void close() {
            err.flush();
        }
    }

    /** The progress bar (me.tongfei:progressbar, redrawn by its own thread twice a second). */
    static final class Bar extends BatchProgress {
        private final PrintStream err;
        private final ProgressBar bar;
        private long max = -1;

        Bar(PrintStream err) {
            this.err = err;
            this.bar = new ProgressBarBuilder()
                    .setTaskName("legcds batch")
                    .setInitialMax(-1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" cases", 1)
                    .showSpeed(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .build();
        }

        @Override
        void update(long done, long expectedTotal) {
            long hint = expectedTotal < 0 ? -1 : Math.max(done, expectedTotal);
            if (hint != max) {
                max = hint;
                bar.maxHint(hint);
            }
            bar.stepTo(done);
        }

        @Override
        void say(String message) {
            err.print("\r\033[K" + message + System.lineSeparator());
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
