package org.legcds.cli;

import static java.util.stream.Collectors.joining;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.legcds.LegCds;
import org.legcds.fhir.FhirCaseReader;
import org.legcds.json.AssessmentJson;
import org.legcds.problems.Escaping;
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
                "Input: an NDJSON file of cases, one case file per line ('-' for stdin); or a directory of FHIR R4 "
                        + "Bundles (*.json, one patient each) or a FHIR Bulk Data export (*.ndjson by resource type).",
                "Output lines: {\"line\":n,\"patient\":id,\"assessment\":{...}} or, for a bad line, "
                        + "{\"line\":n,\"problems\":[...]}; FHIR input has \"source\" (file or file:line) instead "
                        + "of \"line\", and \"issues\".",
                "Exit 0 when every case was assessed, 2 when some input was bad or there was no case at all (empty "
                        + "input), 1 on an unexpected failure. --threads is at most " + BatchCommand.MAX_THREADS + "."})
final class BatchCommand implements Callable<Integer> {

    /**
     * The most worker threads: assessments are CPU-bound, so more threads than processors only cost memory (each has a
     * session and a queue share); a fixed cap keeps a script's behaviour the same on every machine.
     */
    static final int MAX_THREADS = 256;

    /** Bad items listed on stderr; the rest are only counted (each still has an error record in the output). */
    static final int MAX_LISTED = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>",
            description = "An NDJSON file of cases (one case per line), '-' for stdin, or a directory of FHIR input.")
    String input;

    @Option(names = "--format", paramLabel = "ndjson|fhir",
            description = "The input format (default: fhir for a directory, ndjson otherwise).")
    String format;

    @Option(names = "--evaluation-date", paramLabel = "<YYYY-MM-DD>",
            description = "FHIR input only (required there): the date the assessments are for. NDJSON cases carry "
                    + "their own evaluationDate.")
    LocalDate evaluationDate;

    @Option(names = "--fhir-mappings", paramLabel = "<dir>",
            description = "FHIR input only: read codes with the code maps in this directory instead of the packaged "
                    + "ones.")
    Path fhirMappings;

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

    @Option(names = "--detail", paramLabel = "full|compact",
            description = "How much of each assessment to write: full (default), the explained assessment as "
                    + "'assess --json' writes it; compact, its decisions only (urgency, red flags, checks not "
                    + "evaluated, claudication type, differential ids and tiers, steps, questions, knowledge-base "
                    + "version), the same keys without explanations, labels or trace.")
    String detail = "full";

    @Option(names = "--rules", paramLabel = "<rules-dir>",
            description = "Compile and use the rules in this directory instead of the packaged ones.")
    Path rulesDir;

    @Override
    public Integer call() {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new Failure(Main.BAD_INPUT, "--threads must be from 1 to " + MAX_THREADS + ", but is " + threads
                    + " (this machine has " + Runtime.getRuntime().availableProcessors() + " processors; more threads "
                    + "than processors only add memory)");
        }
        if (!detail.equals("full") && !detail.equals("compact")) {
            throw new Failure(Main.BAD_INPUT, "--detail must be full or compact, but is '" + detail + "'");
        }
        writable("-o", output);
        writable("--summary", summaryFile);
        BatchInput<?> source = open();
        try (source) {
            return run(source);
        } catch (IOException e) {
            throw new Failure(Main.BAD_INPUT, "cannot read " + input + ": " + Failure.reason(e));
        }
    }

    /** Refuses, before any work, an output file whose folder does not exist or that is a directory. */
    private static void writable(String option, Path file) {
        if (file == null || file.toString().equals("-")) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new Failure(Main.BAD_INPUT, "cannot write " + file + " (" + option + "): the folder " + folder
                    + " does not exist; create it first");
        }
        if (Files.isDirectory(file)) {
            throw new Failure(Main.BAD_INPUT, "cannot write " + file + " (" + option + "): it is a directory; "
                    + "give a file name");
        }
    }

    private BatchInput<?> open() {
        boolean stdin = input.equals("-");
        Path path = stdin ? null : Path.of(input);
        if (format != null && !format.equals("ndjson") && !format.equals("fhir")) {
            throw new Failure(Main.BAD_INPUT, "--format must be ndjson or fhir, but is '" + format + "'");
        }
        boolean directory = path != null && Files.isDirectory(path);
        if ("fhir".equals(format) || format == null && directory) {
            if (!directory) {
                throw new Failure(Main.BAD_INPUT, "FHIR input is a directory of bundles (*.json) or of a Bulk Data "
                        + "export (*.ndjson), but " + input + " is not a directory");
            }
            return openFhir(path);
        }
        if (directory) {
            throw new Failure(Main.BAD_INPUT, input + " is a directory; expected an NDJSON file of cases "
                    + "(or use --format fhir)");
        }
        if (evaluationDate != null || fhirMappings != null) {
            throw new Failure(Main.BAD_INPUT, "--evaluation-date and --fhir-mappings are for FHIR input; "
                    + "each NDJSON case carries its own evaluationDate");
        }
        try {
            InputStream in = stdin ? System.in : Files.newInputStream(path);
            return new NdjsonInput(in, stdin ? -1 : Files.size(path));
        } catch (NoSuchFileException e) {
            throw new Failure(Main.BAD_INPUT, "cannot read " + input + ": no such file");
        } catch (IOException e) {
            throw new Failure(Main.BAD_INPUT, "cannot read " + input + ": " + Failure.reason(e));
        }
    }

    /** A directory: FHIR Bundles (*.json) or, when it holds *.ndjson files, a Bulk Data export. */
    private BatchInput<?> openFhir(Path directory) {
        if (evaluationDate == null) {
            throw new Failure(Main.BAD_INPUT, "FHIR input needs --evaluation-date YYYY-MM-DD: the date the "
                    + "assessments are for (legcds never reads the clock)");
        }
        List<Path> bundles = new ArrayList<>();
        List<Path> bulk = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(entry) && name.endsWith(".ndjson")) {
                    bulk.add(entry);
                } else if (Files.isRegularFile(entry) && name.endsWith(".json")) {
                    bundles.add(entry);
                } else {
                    ignored.add(entry.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new Failure(Main.BAD_INPUT, "cannot read " + input + ": " + Failure.reason(e));
        }
        FhirCaseReader reader = fhirReader();
        PrintWriter err = spec.commandLine().getErr();
        if (!bulk.isEmpty()) {
            ignored.addAll(bundles.stream().map(file -> file.getFileName().toString()).toList());
        }
        if (!ignored.isEmpty()) {
            Failure.report(err, input + ": ignoring " + ignored.size() + " entries that are not "
                    + (bulk.isEmpty() ? "bundles (*.json)" : "Bulk Data files (*.ndjson)") + ": "
                    + String.join(", ", ignored.subList(0, Math.min(10, ignored.size())))
                    + (ignored.size() > 10 ? ", ..." : ""));
        }
        if (bulk.isEmpty()) {
            List<String> shared = new ArrayList<>();
            List<Path> patients = new ArrayList<>();
            for (Path bundle : bundles) {
                if (FhirBundlesInput.sharedResourcesOnly(bundle)) {
                    shared.add(bundle.getFileName().toString());
                } else {
                    patients.add(bundle);
                }
            }
            if (!shared.isEmpty()) {
                err.println("legcds: " + input + ": skipping " + shared.size() + " bundles of resources about no "
                        + "patient (organisations, practitioners, medications, as Synthea writes beside the "
                        + "patients): " + String.join(", ", shared.subList(0, Math.min(10, shared.size())))
                        + (shared.size() > 10 ? ", ..." : ""));
            }
            return new FhirBundlesInput(directory, patients, reader, evaluationDate);
        }
        try {
            BulkDataInput export = BulkDataInput.open(directory, bulk, reader, evaluationDate);
            if (!quiet) {
                Failure.report(err, input + ": Bulk Data export: " + export.describe());
            }
            if (!export.notAboutAPatient().isEmpty()) {
                Failure.report(err, input + ": not assessed, being about no patient: " + export.notAboutAPatient()
                        .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(joining(", ")));
            }
            return export;
        } catch (IOException e) {
            throw new Failure(Main.BAD_INPUT, "cannot read " + input + ": " + Failure.reason(e));
        }
    }

    private FhirCaseReader fhirReader() {
        try {
            return fhirMappings == null ? FhirCaseReader.standard() : FhirCaseReader.withMappings(fhirMappings);
        } catch (IllegalArgumentException e) {
            throw new Failure(Main.BAD_INPUT, "cannot use the FHIR code maps in " + fhirMappings + ": "
                    + e.getMessage());
        }
    }

    private <I> int run(BatchInput<I> source) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        LegCds engine = Engines.load(rulesDir);
        BatchSummary summary = new BatchSummary(engine.vocabulary());
        BatchInput.Detail level = detail.equals("compact") ? BatchInput.Detail.COMPACT : BatchInput.Detail.FULL;
        long start = System.nanoTime(); // progress and rate for the user only; assessments never read a clock
        try (Writer out = openOutput(); BatchProgress progress = BatchProgress.of(quiet, err)) {
            new OrderedPipeline<I, BatchInput.Outcome>(threads, 4 * threads).run(source,
                    item -> source.assess(item, engine).rendered(level),
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
        if (summary.total() == 0) {
            // nothing assessed is not success: a script must not take an empty or truncated export for a clean run
            throw new Failure(Main.BAD_INPUT, "no cases in " + input + ": the input is empty; expected "
                    + (source instanceof NdjsonInput ? "one case (a JSON object) per line" : "FHIR input about a patient"));
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
                throw new Failure(Main.UNEXPECTED, "cannot write " + summaryFile + ": " + Failure.reason(e));
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
                progress.say("legcds: " + Escaping.inline(outcome.message()));
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
            throw new Failure(Main.BAD_INPUT, "cannot write " + output + ": " + Failure.reason(e));
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
