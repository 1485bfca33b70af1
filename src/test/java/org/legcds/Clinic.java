package org.legcds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.TraceEntry;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.vocabulary.Definition;
import org.legcds.vocabulary.Vocabulary;

/**
 * Test fixture: one shared engine (it is thread-safe) and helpers that make tests read as clinical scenarios. Public for
 * the engine, the date and copies of the rules directory, which tests in other packages share.
 */
public final class Clinic {

    public static final LegCds ENGINE = LegCds.packaged();
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final Patient PATIENT = new Patient("test-patient", 66, Sex.FEMALE, Status.ABSENT);

    /**
     * The findings every red-flag check needs (each check's {@code screenedBy} in the vocabulary): recording them all
     * absent leaves no check open.
     */
    static final List<String> SCREEN = Vocabulary.packaged().redFlagScreen();

    /** Screened negative for every red flag except the given codes, which the scenario sets itself. */
    static List<Finding> screenedExcept(String... own) {
        List<String> skip = List.of(own);
        return SCREEN.stream().filter(c -> !skip.contains(c)).map(Finding::absent).toList();
    }

    private Clinic() {
    }

    /** A copy of the knowledge base in {@code rules/} at {@code target}, for tests that edit rules. */
    public static Path copyOfRules(Path target) throws IOException {
        return copyTree(Path.of("rules"), target);
    }

    /** Writes a UTF-8 text file under {@code dir} (creating its folders), for tests that feed files to commands. */
    public static Path writeFile(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, java.nio.charset.StandardCharsets.UTF_8);
        return file;
    }

    /** A copy of the directory tree {@code from} at {@code to}. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return to;
    }

    static Assessment assess(Finding... findings) {
        return ENGINE.assess(new Case(PATIENT, TODAY, List.of(findings)));
    }

    static Finding present(String code) {
        return Finding.present(code);
    }

    static Finding absent(String code) {
        return Finding.absent(code);
    }

    static Finding bilateral(String code) {
        return Finding.present(code).on(Laterality.BILATERAL);
    }

    static Finding abi(double value, Laterality side) {
        return Finding.measured("ANKLE_BRACHIAL_INDEX", value, "1").on(side);
    }

    /** Screened negative for every red flag, except for the codes the scenario records itself. */
    static Assessment assessScreened(Finding... findings) {
        return ENGINE.assess(screenedCase(findings));
    }

    /** The case {@link #assessScreened} assesses: the findings, and every other red-flag screen absent. */
    static Case screenedCase(Finding... findings) {
        List<Finding> all = new java.util.ArrayList<>(
                screenedExcept(java.util.Arrays.stream(findings).map(Finding::code).toArray(String[]::new)));
        all.addAll(List.of(findings));
        return new Case(PATIENT, TODAY, all);
    }

    /** The ids of vocabulary entries (red-flag checks, findings, steps, ...), in their order. */
    public static List<String> ids(Collection<? extends Definition> definitions) {
        return definitions.stream().map(Definition::id).toList();
    }

    static List<String> firedRules(Assessment assessment) {
        return assessment.trace().stream().map(TraceEntry::rule).distinct().toList();
    }
}
