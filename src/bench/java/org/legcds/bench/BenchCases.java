package org.legcds.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.legcds.facts.Case;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CaseJson;
import org.legcds.scenario.Scenario;
import org.legcds.scenario.ScenarioReader;

/**
 * The benchmark's case mix: every example case ({@code examples/cases/*.json}) and the case of every clinical scenario
 * ({@code scenarios/**}/*.yaml), in a fixed order. Read from the project directory (the working directory of
 * {@code mvn -Pbench}).
 */
final class BenchCases {

    static final Path EXAMPLES = Path.of("examples/cases");
    static final Path SCENARIOS = Path.of("scenarios");

    private BenchCases() {
    }

    static List<Case> load() {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                cases.add(CaseJson.read(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EXAMPLES + " (run from the project directory)", e);
        }
        ScenarioReader.of(SCENARIOS).readAll().stream().map(Scenario::patientCase).forEach(cases::add);
        return List.copyOf(cases);
    }

    /**
     * The case mix as the input of {@code legcds batch}: each case as one line of JSON, which {@link CaseJson} reads
     * back to an equal case (checked here, so the I/O benchmarks read the same cases the others assess).
     */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Case patientCase : load()) {
            try {
                String line = AssessmentJson.mapper().writeValueAsString(patientCase);
                if (!CaseJson.read(line).equals(patientCase)) {
                    throw new IllegalStateException("case " + patientCase.patient().id() + " does not read back "
                            + "from its JSON: " + line);
                }
                lines.add(line);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(lines);
    }

    /**
     * Writes the case mix as NDJSON, {@code copies} times over: the input of {@code legcds batch} for profiling and A/B
     * runs on the same cases as the other benchmarks.
     *
     * <p>Usage: {@code BenchCases <output.ndjson> [copies, default 1]}, from the project directory.
     */
    public static void main(String[] args) throws IOException {
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<String> lines = lines();
        StringBuilder text = new StringBuilder();
        for (int copy = 0; copy < copies; copy++) {
            lines.forEach(line -> text.append(line).append('\n'));
        }
        Files.writeString(Path.of(args[0]), text);
        System.out.println(lines.size() + " cases x " + copies + " written to " + args[0]);
    }
}
