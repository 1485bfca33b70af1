package org.legcds.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.legcds.LegCds;
import org.legcds.facts.Case;
import org.legcds.json.AssessmentJson;
import org.legcds.json.CaseJson;

/**
 * The golden comparison: proof that a change (to the engine, the rules' matching, the JSON writer) changed no
 * clinical output. Assesses a fixed case mix, the benchmark's cases ({@link BenchCases}) then {@value #GENERATED}
 * generated ones ({@link PopulationGenerator}, seed 42), writes every full assessment as one JSON line to
 * {@link #OUTPUT} (the previous run's file is kept beside it as {@code .previous.ndjson}), and compares each line's
 * SHA-256 with the stored baseline {@link #BASELINE}. The knowledge base's content hash is blanked before hashing
 * (it changes with any edit of the DRL text, not with what the rules conclude); everything else counts.
 *
 * <pre>
 * mvn -Pbench -DskipTests verify -Dbench.parts=golden                       # compare (also the first part of the bench)
 * mvn -Pbench -DskipTests verify -Dbench.parts=golden -Dgolden.update=true  # re-baseline after an intended change
 * </pre>
 */
public final class Golden {

    static final int GENERATED = 3000;
    static final Path BASELINE = Path.of("src/bench/golden/full-output.sha256");
    static final Path OUTPUT = Path.of("target/golden/full-output.ndjson");
    private static final Pattern CONTENT_HASH = Pattern.compile("\"contentHash\":\"[^\"]*\"");
    private static final int LISTED = 10;

    /** How many cases were compared, and how many differ from the baseline. */
    record Result(int cases, int changed) {
    }

    private Golden() {
    }

    public static void main(String[] args) throws IOException {
        Result result = check(BASELINE, OUTPUT, Boolean.getBoolean("golden.update"));
        System.exit(result.changed() == 0 ? 0 : 1);
    }

    /**
     * Assesses the mix, writes {@code output}, and compares with {@code baseline} (or rewrites the baseline when
     * {@code update} or {@code golden.update=true}). Prints what differs.
     */
    static Result check(Path baseline, Path output, boolean update) throws IOException {
        update |= Boolean.getBoolean("golden.update");
        List<String> lines = assessAll();
        Files.createDirectories(output.toAbsolutePath().getParent());
        if (Files.isRegularFile(output)) {
            Files.move(output, output.resolveSibling(output.getFileName().toString().replace(".ndjson",
                    ".previous.ndjson")), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> digests = new ArrayList<>();
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < lines.size(); i++) {
                out.write(lines.get(i));
                out.write('\n');
                digests.add((i + 1) + " " + sha256(CONTENT_HASH.matcher(lines.get(i)).replaceAll(
                        "\"contentHash\":\"-\"")));
            }
        }
        if (update || !Files.isRegularFile(baseline)) {
            Files.createDirectories(baseline.toAbsolutePath().getParent());
            Files.write(baseline, digests, StandardCharsets.UTF_8);
            System.out.printf("golden: baseline %s written: %d full assessments (output in %s)%n", baseline,
                    digests.size(), output);
            return new Result(digests.size(), 0);
        }
        List<String> expected = Files.readAllLines(baseline, StandardCharsets.UTF_8);
        int changed = 0;
        for (int i = 0; i < Math.max(expected.size(), digests.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(none)";
            String got = i < digests.size() ? digests.get(i) : "(none)";
            if (!want.equals(got)) {
                changed++;
                if (changed <= LISTED) {
                    System.out.printf("golden: case %d changed (line %d of %s; the previous run's is in %s)%n", i + 1,
                            i + 1, output, output.resolveSibling(output.getFileName().toString().replace(".ndjson",
                                    ".previous.ndjson")));
                }
            }
        }
        System.out.printf("golden: %d full assessments compared with %s: %s%n", digests.size(), baseline,
                changed == 0 ? "all the same" : changed + " changed (re-baseline with -Dgolden.update=true only if "
                        + "the change was intended)");
        return new Result(digests.size(), changed);
    }

    private static List<String> assessAll() {
        LegCds engine = LegCds.packaged();
        List<Case> cases = new ArrayList<>(BenchCases.load());
        PopulationGenerator generator = new PopulationGenerator(42, 0);
        for (int i = 1; i <= GENERATED; i++) {
            cases.add(CaseJson.read(generator.next(i)));
        }
        List<String> lines = new ArrayList<>(cases.size());
        for (Case patientCase : cases) {
            try {
                lines.add(AssessmentJson.mapper().writeValueAsString(engine.assess(patientCase)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
