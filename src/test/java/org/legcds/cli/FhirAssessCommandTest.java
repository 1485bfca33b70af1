package org.legcds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legcds.cli.Run.legcds;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code legcds assess --fhir <bundle.json> --evaluation-date <date>}: FHIR input on the command line. */
class FhirAssessCommandTest {

    private static final Path BUNDLES = Path.of("src", "test", "resources", "fhir").toAbsolutePath();

    @Test
    void caudaEquinaBundleIsAssessedAsAnEmergency() {
        Run run = legcds("assess", "--fhir", BUNDLES.resolve("cauda-equina.json").toString(),
                "--evaluation-date", "2026-11-21");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("URGENCY: EMERGENCY"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aBundleSavedWithAUtf8ByteOrderMarkIsRead(@TempDir Path tmp) throws java.io.IOException {
        Path withBom = tmp.resolve("bom.json");
        java.nio.file.Files.write(withBom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                java.nio.file.Files.readAllBytes(BUNDLES.resolve("cauda-equina.json"))));
        Run run = legcds("assess", "--fhir", withBom.toString(), "--evaluation-date", "2026-11-21");
        assertEquals(Main.OK, run.exitCode(), "was refused as not FHIR: " + run);
        assertTrue(run.out().contains("URGENCY: EMERGENCY"), run.out());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void recordsThatCannotBeReadAreListedOnStandardError() {
        Run run = legcds("assess", "--fhir", BUNDLES.resolve("b12-deficiency.json").toString(), "--date", "2026-11-21",
                "--json");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertTrue(run.err().contains("not read: MedicationStatement/unknown-medicine medicationReference"), run.err());
        assertTrue(run.out().startsWith("{"), "stdout stays pure JSON");
    }

    @Test
    void fhirWithoutADateIsAUsageError() {
        Run run = legcds("assess", "--fhir", BUNDLES.resolve("cauda-equina.json").toString());
        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--fhir needs --evaluation-date"), run.err());
    }

    @Test
    void bundleWithoutAPatientIsBadInput() {
        Run run = legcds("assess", "--fhir", "--date", "2026-11-21", Path.of("examples", "cases",
                "cauda-equina.json").toAbsolutePath().toString());
        assertEquals(Main.BAD_INPUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("not FHIR R4 JSON"), run.err());
    }
}
