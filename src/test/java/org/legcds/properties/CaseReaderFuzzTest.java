package org.legcds.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.legcds.cli.Main;
import org.legcds.facts.Case;
import org.legcds.json.CaseJson;
import org.legcds.problems.InvalidCaseException;
import org.legcds.problems.Problem;

/**
 * Fuzzing {@link CaseJson}: generated malformed case files (truncated, a node replaced by a value of another type, deep
 * nesting, extreme numbers, huge strings, duplicate keys, nulls, bytes that are not UTF-8, arbitrary text). The only
 * failure allowed is the documented {@link InvalidCaseException}, with at least one problem and a bounded message:
 * never a NullPointerException, NumberFormatException, StackOverflowError or a Jackson exception. The same inputs
 * through the command line exit 0 or 2, never with a stack trace.
 */
@StatisticsReport(onFailureOnly = true) // the figures matter when a property fails; a quiet build otherwise
@Label("Fuzzing the case reader")
class CaseReaderFuzzTest {

    /** A report stays readable whatever the input: at most 100 problems of bounded length. */
    static final int MAX_MESSAGE = 60_000;

    private static final String HOLE = "@@FUZZ@@";

    enum Outcome { READ, REFUSED }

    /** Reads; fails unless the outcome is a case or the documented validation error with a sane report. */
    static Outcome outcome(Supplier<?> reading) {
        try {
            reading.get();
            return Outcome.READ;
        } catch (InvalidCaseException e) {
            assertFalse(e.problems().isEmpty(), "an InvalidCaseException names at least one problem");
            assertTrue(e.getMessage().length() < MAX_MESSAGE, () -> "report of " + e.getMessage().length()
                    + " characters: " + e.getMessage().substring(0, 300));
            for (Problem problem : e.problems()) {
                assertFalse(problem.field().isEmpty(), () -> "a problem without a field: " + problem);
            }
            return Outcome.REFUSED;
        } catch (Throwable t) { // StackOverflowError included: nothing else may escape
            throw new AssertionError("not the documented validation error: " + t, t);
        }
    }

    static Outcome readText(String json) {
        Outcome outcome = outcome(() -> CaseJson.read(json));
        Statistics.label("outcome").collect(outcome);
        return outcome;
    }

    static Outcome readBytes(byte[] bytes) {
        Outcome outcome = outcome(() -> CaseJson.read(bytes));
        Statistics.label("outcome").collect(outcome);
        return outcome;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // generators

    @Provide
    static Arbitrary<Case> cases() {
        return CaseGenerators.cases();
    }

    /** Raw JSON put in place of a node: every type, extreme numbers, huge and odd strings, nesting, duplicate keys. */
    @Provide
    static Arbitrary<String> rawValues() {
        Arbitrary<String> fixed = Arbitraries.of("null", "true", "false", "0", "-0", "-0.0", "1e309", "-1e309",
                "1e-400", "NaN", "Infinity", "-Infinity", "99999999999999999999", "-99999999999999999999",
                "1" + "0".repeat(39), "1" + "0".repeat(60), "0x10", "01", "1_000", ".5", "+1", "1e99999999", "2.5",
                "-1", "131", "\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"present\"",
                "\"PRESENT\"", "\"left\"", "\"2026-02-30\"", "\"FEVER\"", "[]", "{}", "[null]", "[[[]]]", "{\"a\":1}",
                "[\"walking\", \"walking\"]", "{\"code\": \"FEVER\", \"code\": \"LEG_PAIN\", \"status\": \"present\"}",
                "\"" + "x".repeat(CaseJson.MAX_STRING_LENGTH + 1) + "\"", "'single'", "undefined", "\"\\x41\"");
        Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(40).map(CaseFiles.JSON.getNodeFactory()::textNode)
                .map(JsonNode::toString);
        Arbitrary<String> hugeStrings = Arbitraries.integers().between(1_000, 150_000)
                .map(n -> "\"" + "\u00e9".repeat(n) + "\"");
        Arbitrary<String> numbers = Arbitraries.oneOf(Arbitraries.doubles().map(String::valueOf),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(),
                        java.math.BigInteger.TEN.pow(30)).map(String::valueOf),
                Arbitraries.integers().map(String::valueOf));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 200).map(n -> "[".repeat(n) + "]".repeat(n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, fixed), net.jqwik.api.Tuple.of(2, strings),
                net.jqwik.api.Tuple.of(1, hugeStrings), net.jqwik.api.Tuple.of(2, numbers),
                net.jqwik.api.Tuple.of(1, nested));
    }

    /** Every node of a tree, root first: (parent, field name or index) pairs; the root has no parent. */
    record Place(JsonNode parent, String field, int index) {
    }

    static List<Place> places(JsonNode root) {
        List<Place> places = new ArrayList<>();
        places.add(new Place(null, null, -1));
        collect(root, places);
        return places;
    }

    private static void collect(JsonNode node, List<Place> places) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                places.add(new Place(node, field.getKey(), -1));
                collect(field.getValue(), places);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                places.add(new Place(node, null, i));
                collect(node.get(i), places);
            }
        }
    }

    /** The case file with the node at a place replaced by raw JSON text. */
    static String replaced(Case patientCase, int pick, String raw) {
        return replaced(CaseFiles.tree(patientCase), pick, raw);
    }

    /** A copy of the tree with the node at a place replaced by raw JSON text. */
    static String replaced(JsonNode tree, int pick, String raw) {
        JsonNode root = tree.deepCopy();
        List<Place> places = places(root);
        Place place = places.get(Math.floorMod(pick, places.size()));
        if (place.parent() == null) {
            return raw;
        }
        if (place.parent() instanceof ObjectNode object) {
            object.put(place.field(), HOLE);
        } else {
            ((ArrayNode) place.parent()).set(place.index(), HOLE);
        }
        return root.toString().replace("\"" + HOLE + "\"", raw);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // properties

    @Property(tries = 300)
    @Label("a valid case written as a case file reads back as the same case")
    void validCasesReadBack(@ForAll("cases") Case patientCase) {
        assertEquals(patientCase, CaseJson.read(CaseFiles.json(patientCase)));
        assertEquals(patientCase, CaseJson.read(CaseFiles.json(patientCase).getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1000)
    @Label("a case file cut off anywhere is refused")
    void truncatedFilesAreRefused(@ForAll("cases") Case patientCase, @ForAll @IntRange(min = 0, max = 100_000) int cut) {
        String json = CaseFiles.json(patientCase);
        String truncated = json.substring(0, cut % json.length());
        assertEquals(Outcome.REFUSED, readText(truncated));
        assertEquals(Outcome.REFUSED, readBytes(truncated.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 2000)
    @Label("any node replaced by a value of any type: a case or InvalidCaseException")
    void replacedNodes(@ForAll("cases") Case patientCase, @ForAll int pick, @ForAll("rawValues") String raw) {
        String json = replaced(patientCase, pick, raw);
        readText(json);
        readBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    @Label("nulls anywhere: a case or InvalidCaseException")
    void nullsAnywhere(@ForAll("cases") Case patientCase, @ForAll int pick) {
        readText(replaced(patientCase, pick, "null"));
    }

    @Property(tries = 500)
    @Label("a key repeated in any object is refused")
    void duplicateKeysAreRefused(@ForAll("cases") Case patientCase, @ForAll int pick) {
        ObjectNode root = CaseFiles.tree(patientCase);
        List<JsonNode> objects = new ArrayList<>();
        objects.add(root);
        places(root).stream().filter(p -> p.parent() != null)
                .map(p -> p.field() != null ? p.parent().get(p.field()) : p.parent().get(p.index()))
                .filter(JsonNode::isObject).forEach(objects::add);
        JsonNode object = objects.get(Math.floorMod(pick, objects.size()));
        String first = object.fieldNames().next();
        String original = object.toString();
        String doubled = "{" + CaseFiles.JSON.getNodeFactory().textNode(first) + ":" + object.get(first) + ","
                + original.substring(1);
        String json = root.toString().replace(original, doubled);
        assertEquals(Outcome.REFUSED, readText(json));
    }

    @Property(tries = 200)
    @Label("nesting up to 10,000 levels deep, at the root or in any field, is refused without a stack overflow")
    void deepNestingIsRefused(@ForAll("cases") Case patientCase, @ForAll int pick,
                              @ForAll @IntRange(min = 21, max = 10_000) int depth, @ForAll boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        assertEquals(Outcome.REFUSED, readText(replaced(patientCase, pick, nested)));
    }

    @Example
    @Label("10,000 unclosed brackets and 10,000 nested objects are refused")
    void tenThousandLevels() {
        assertEquals(Outcome.REFUSED, outcome(() -> CaseJson.read("[".repeat(10_000))));
        assertEquals(Outcome.REFUSED, outcome(() -> CaseJson.read("{\"a\":".repeat(10_000) + "1"
                + "}".repeat(10_000))));
        assertEquals(Outcome.REFUSED, outcome(() -> CaseJson.read(("{\"patient\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8))));
    }

    /** Byte sequences that are never valid UTF-8, wherever they appear. */
    @Provide
    static Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xBF}, new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xC1, (byte) 0xBF},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xF8},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xC3});
    }

    @Property(tries = 1000)
    @Label("bytes that are not UTF-8, anywhere in a case file, are refused as not UTF-8")
    void invalidUtf8IsRefused(@ForAll("cases") Case patientCase, @ForAll int position,
                              @ForAll("invalidUtf8") byte[] bad) {
        byte[] json = CaseFiles.json(patientCase).getBytes(StandardCharsets.UTF_8);
        int at = Math.floorMod(position, json.length + 1);
        byte[] broken = new byte[json.length + bad.length];
        System.arraycopy(json, 0, broken, 0, at);
        System.arraycopy(bad, 0, broken, at, bad.length);
        System.arraycopy(json, at, broken, at + bad.length, json.length - at);
        // a lead byte followed by a continuation byte of the file could complete a sequence; these bytes never do
        InvalidCaseException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidCaseException.class,
                () -> CaseJson.read(broken));
        assertTrue(e.getMessage().contains("UTF-8"), e::getMessage);
    }

    @Property(tries = 1000)
    @Label("random bytes written over a case file: a case or InvalidCaseException")
    void randomBytes(@ForAll("cases") Case patientCase, @ForAll int position,
                     @ForAll @net.jqwik.api.constraints.Size(max = 8) List<Byte> noise) {
        readBytes(CaseFiles.overwrite(CaseFiles.json(patientCase).getBytes(StandardCharsets.UTF_8), position, noise));
    }

    @Property(tries = 500)
    @Label("arbitrary text: a case or InvalidCaseException")
    void arbitraryText(@ForAll String text) {
        readText(text);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // through the command line

    @Provide
    static Arbitrary<byte[]> brokenFiles() {
        Arbitrary<byte[]> replaced = net.jqwik.api.Combinators.combine(cases(), Arbitraries.integers(), rawValues())
                .as((c, pick, raw) -> replaced(c, pick, raw).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = net.jqwik.api.Combinators.combine(cases(), Arbitraries.integers().between(0, 5000))
                .as((c, cut) -> {
                    byte[] json = CaseFiles.json(c).getBytes(StandardCharsets.UTF_8);
                    return java.util.Arrays.copyOf(json, cut % json.length);
                });
        Arbitrary<byte[]> notUtf8 = net.jqwik.api.Combinators.combine(cases(), invalidUtf8()).as((c, bad) -> {
            byte[] json = CaseFiles.json(c).getBytes(StandardCharsets.UTF_8);
            byte[] broken = java.util.Arrays.copyOf(json, json.length + bad.length);
            System.arraycopy(bad, 0, broken, json.length / 2, bad.length);
            System.arraycopy(json, json.length / 2, broken, json.length / 2 + bad.length, json.length - json.length / 2);
            return broken;
        });
        return Arbitraries.oneOf(replaced, truncated, notUtf8);
    }

    @Property(tries = 100)
    @Label("legcds assess on a broken file exits 0 or 2, and never prints a stack trace")
    void commandLine(@ForAll("brokenFiles") byte[] content) throws IOException {
        Path file = Files.createTempFile("fuzz-case", ".json");
        try {
            Files.write(file, content);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new String[] {"assess", file.toString()}, new PrintWriter(out), new PrintWriter(err));
            Statistics.label("exit code").collect(exit);
            String run = "exit " + exit + "\nstderr: " + err;
            assertTrue(exit == Main.OK || exit == Main.BAD_INPUT, run);
            assertFalse(err.toString().contains("\tat "), run);
            if (exit == Main.BAD_INPUT) {
                assertEquals(1, err.toString().lines().count(), run);
                assertTrue(err.toString().startsWith("legcds: "), run);
                assertEquals("", out.toString(), run);
            }
        } finally {
            Files.delete(file);
        }
    }
}
