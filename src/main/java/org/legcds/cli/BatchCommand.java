package org.legcds.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.legcds.LegCds;
import org.legcds.json.AssessmentJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code legcds batch}: assesses many cases on all cores and streams the assessments out as NDJSON, in input order and
 * in constant memory. See README, "Batch mode", for the input and output formats. Exit codes: 0 every case assessed,
 * 2 some input was bad (each bad item has an error record and the run went on) or the command was misused, 1 an
 * unexpected failure (a defect) on some case.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Assess many cases, on all cores, and write one NDJSON assessment record per case, in input "
                + "order.",
                "Input: an NDJSON file of cases, one case file per line ('-' for stdin).",
                "Output lines: {\"line\":n,\"patient\":id,\"assessment\":{...}} or, for a bad line, "
                        + "{\"line\":n,\"problems\":[...]}.",
                "Exit 0 when every case was assessed, 2 when some input was bad, 1 on an unexpected failure."})
final class BatchCommand implements Callable<Integer> {

    /** Bad items listed on stderr; the rest are only counted (each still has an error record in the output). */
    static final int MAX_LISTED = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>",
            description = "An NDJSON file of cases (one case per line), or '-' for stdin.")
    String input;

    @Option(names = "--format", paramLabel = "ndjson",
            description = "The input format: ndjson (default).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Write the NDJSON records to this file instead of stdout.")
    Path output;

    @Option(names = "--threads", paramLabel = "<n>",
            description = "Worker threads (default: the number of processors, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--summary", paramLabel = "<file.json>",
            description = "Also write the summary (counts by urgency, red flag, claudication type) as JSON.")
    Path summaryFile;

    @Option(names = {"-q", "--quiet"},
            description = "No progress bar and no summary on stderr (bad items are still listed).")
    boolean quiet;

    @Option(names = "--rules", paramLabel = "<rules-dir>",
            description = "Compile and use the rules in this directory instead of the packaged ones.")
    Path rulesDir;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new Failure(Main.BAD_INPUT, "--threads must be at least 1, but is " + threads);
        }
        BatchInput<?> source = open();
        try (source) {
            return run(source);
        } catch (IOException e) {
            throw new Failure(Main.BAD_INPUT, "cannot read " + input + ": " + e.getMessage());
        }
    }

    private BatchInput<?> open() {
        boolean stdin = input.equals("-");
        Path path = stdin ? null : Path.of(input);
        if (format != null && !format.equals("ndjson")) {
            throw new Failure(Main.BAD_INPUT, "--format must be ndjson, but is '" + format + "'");
        }
        if (path != null && Files.isDirectory(path)) {
            throw new Failure(Main.BAD_INPUT, input + " is a directory; expected an NDJSON file of cases");
        }
        try {
            InputStream in = stdin ? System.in : Files.newInputStream(path);
            return new NdjsonInput(in, stdin ? -1 : Files.size(path));
        } catch (NoSuchFileException e) {
            throw new Failure(Main.BAD_INPUT, "cannot read " + input + ": no such file");
        } catch (IOException e) {
            throw new Failure(Main.BAD_INPUT, "cannot read " + input + ": " + e.getMessage());
        }
    }

    private <I> int run(BatchInput<I> source) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        LegCds engine = Engines.load(rulesDir);
        BatchSummary summary = new BatchSummary();
        long start = System.nanoTime(); // progress and rate for the user only; assessments never read a clock
        try (Writer out = openOutput(); BatchProgress progress = BatchProgress.of(quiet, err)) {
            new OrderedPipeline<I, BatchInput.Outcome>(threads, 4 * threads).run(source,
                    item -> source.assess(item, engine),
                    outcome -> {
                        try {
                            out.write(outcome.json());
                            out.write('\n');
                        } catch (IOException e) {
                            throw new OutputFailure(e);
                        }
                        count(outcome, summary, progress);
                        long done = summary.total();
                        if (done % 64 == 0) {
                            progress.update(done, source.expectedTotal(done));
                        }
                    });
            progress.update(summary.total(), summary.total());
        } catch (OutputFailure e) {
            throw new Failure(Main.UNEXPECTED, "cannot write " + (output == null ? "the output" : output) + ": "
                    + e.getCause().getMessage());
        }
        if (output == null && spec.commandLine().getOut().checkError()) {
            throw new Failure(Main.UNEXPECTED, "cannot write the output (stdout closed?)");
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        if (!quiet) {
            err.print(summary.text(threads, wall));
        }
        if (summaryFile != null) {
            try {
                Files.writeString(summaryFile, AssessmentJson.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(summary.json(threads, wall)) + System.lineSeparator());
            } catch (IOException e) {
                throw new Failure(Main.UNEXPECTED, "cannot write " + summaryFile + ": " + e.getMessage());
            }
        }
        err.flush();
        return summary.failed() > 0 ? Main.UNEXPECTED : summary.bad() > 0 ? Main.BAD_INPUT : Main.OK;
    }

    private static void count(BatchInput.Outcome outcome, BatchSummary summary, BatchProgress progress) {
        switch (outcome.kind()) {
            case ASSESSED -> summary.countAssessed(outcome.assessment());
            case BAD -> summary.countBad();
            case FAILED -> summary.countFailed();
        }
        if (outcome.kind() != BatchInput.Kind.ASSESSED) {
            long listed = summary.bad() + summary.failed();
            if (listed <= MAX_LISTED) {
                progress.say("legcds: " + outcome.message());
            } else if (listed == MAX_LISTED + 1) {
                progress.say("legcds: more bad input follows; only the first " + MAX_LISTED + " are listed here. "
                        + "Each has an error record in the output and is counted in the summary.");
            }
        }
    }

    /** The output: a file, or stdout (left open). NDJSON lines end with \n on every platform. */
    private Writer openOutput() {
        if (output == null || output.toString().equals("-")) {
            output = null;
            PrintWriter stdout = spec.commandLine().getOut();
            return new Writer() {
                @Override
                public void write(char[] text, int offset, int length) {
                    stdout.write(text, offset, length);
                }

                @Override
                public void write(String text) {
                    stdout.write(text);
                }

                @Override
                public void flush() {
                    stdout.flush();
                }

                @Override
                public void close() {
                    stdout.flush();
                }
            };
        }
        try {
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8),
                    1 << 16);
        } catch (IOException e) {
            throw new Failure(Main.BAD_INPUT, "cannot write " + output + ": " + e);
        }
    }

    /** The sink could not write: not an input problem. */
    private static final class OutputFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputFailure(IOException cause) {
            super(cause);
        }
    }
}
