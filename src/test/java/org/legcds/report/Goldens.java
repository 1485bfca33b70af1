package org.legcds.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.json.CaseJson;

/**
 * The example cases, their assessments, and the golden files of their reports. Regenerate the goldens after an
 * intended change with {@code mvn -o -q test -Dtest=AssessmentPageTest -Dlegcds.regenerateGoldens=true} and review the
 * diff.
 */
final class Goldens {

    static final Path EXAMPLES = Path.of("examples/cases");
    static final Path GOLDEN = Path.of("src/test/resources/org/legcds/report/golden");
    static final boolean REGENERATE = Boolean.getBoolean("legcds.regenerateGoldens");
    private static final LegCds ENGINE = LegCds.packaged();

    private Goldens() {
    }

    static List<Path> exampleCases() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path caseFile) {
        return caseFile.getFileName().toString().replaceFirst("\\.json$", "");
    }

    record Assessed(Case patientCase, Assessment assessment) {
    }

    static Assessed assess(Path caseFile) throws IOException {
        Case c = CaseJson.read(Files.readAllBytes(caseFile));
        return new Assessed(c, ENGINE.assess(c));
    }

    /** Compares with the golden file, or writes it when regenerating. */
    static void check(String actual, String goldenName) throws IOException {
        Path golden = GOLDEN.resolve(goldenName);
        if (REGENERATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "(missing " + golden
                + ": regenerate with -Dlegcds.regenerateGoldens=true)";
        assertEquals(expected, actual, goldenName + " differs from its golden file; if the change is intended, "
                + "regenerate with -Dlegcds.regenerateGoldens=true and review the diff");
    }
}
