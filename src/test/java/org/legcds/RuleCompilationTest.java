package org.legcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.json.CaseJson;
import org.legcds.problems.RuleCompilationException;

@DisplayName("Rules: the packaged knowledge base and an edited rules directory")
class RuleCompilationTest {

    private static final Path RULES = Path.of("rules");
    private static final String HEADER = "package org.legcds.rules;\n\nimport org.legcds.facts.*;\n"
            + "import org.legcds.conclusions.*;\nimport org.legcds.assessment.*;\n\n";

    @Test
    void theRulesDirectoryAndThePrecompiledRulesAreTheSameKnowledgeBase() throws IOException {
        LegCds fromDirectory = LegCds.fromDirectory(RULES);

        assertEquals(Clinic.ENGINE.knowledgeBase(), fromDirectory.knowledgeBase(), "same metadata and content hash");
        assertEquals(Clinic.ENGINE.rules(), fromDirectory.rules());
        try (Stream<Path> examples = Files.list(Path.of("examples/cases"))) {
            for (Path example : examples.sorted().toList()) {
                Case c = CaseJson.read(Files.readString(example));
                Assessment packaged = Clinic.ENGINE.assess(c);
                assertEquals(packaged, fromDirectory.assess(c), example.toString());
            }
        }
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir);
        write(rules.resolve("broken/syntax.drl"), HEADER + "rule \"broken\"\n    @id(X-1) @source(S000-C01)\n"
                + "when\n    Finding(code == \nthen\nend\n");

        var e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));

        assertEquals("broken/syntax.drl", e.errors().get(0).file());
        assertTrue(e.errors().get(0).line() >= 11, e.getMessage());
    }

    @Test
    void anUnknownFieldIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir);
        write(rules.resolve("broken/field.drl"), HEADER + "rule \"unknown field\"\n    @id(X-2) @source(S000-C01)\n"
                + "when\n    Finding(colour == \"red\")\nthen\nend\n");

        var e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));

        assertEquals("broken/field.drl", e.errors().get(0).file(), e.getMessage());
        assertEquals(10, e.errors().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains("broken/field.drl:10"), e.getMessage());
    }

    @Test
    void aRuleWithoutASourceClaimIsRefused(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir);
        write(rules.resolve("extra.drl"), HEADER + "rule \"no provenance\"\n    @id(X-3)\nwhen\n"
                + "    Finding(code == \"FEVER\")\nthen\nend\n");

        var e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));

        assertTrue(e.getMessage().contains("no provenance") && e.getMessage().contains("@source"), e.getMessage());
        assertEquals("extra.drl", e.errors().get(0).file(), "placed at the rule's declaration");
        assertEquals(7, e.errors().get(0).line(), e.getMessage());
    }

    @Test
    void aMistakeInARuleConsequenceIsReportedAtItsDrlLineNotInGeneratedJava(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir);
        write(rules.resolve("broken/then.drl"), HEADER + "rule \"bad consequence\"\n    @id(X-4) @source(S000-C01)\n"
                + "when\n    Finding(code == \"FEVER\")\nthen\n"
                + "    insertLogical(new PatternFound(SymptomPattern.NO_SUCH_PATTERN));\nend\n");

        var e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));

        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("broken/then.drl", e.errors().get(0).file(), e.getMessage());
        assertEquals(12, e.errors().get(0).line(), e.getMessage());
    }

    @Test
    void anUnknownVocabularyCodeIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir);
        write(rules.resolve("broken/code.drl"), HEADER + "rule \"typo\"\n    @id(X-5) @source(S000-C01)\n"
                + "when\n    // \"LEG_PAINN\" in a comment must not be matched\n"
                + "    Finding(code == \"LEG_PAINN\")\nthen\nend\n");

        var e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));

        assertEquals("broken/code.drl:11", e.errors().get(0).file() + ":" + e.errors().get(0).line(), e.getMessage());
    }

    @Test
    void aDuplicateRuleIdIsRefused(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir);
        write(rules.resolve("extra.drl"), HEADER + "rule \"copycat\"\n    @id(RF-CES-01) @source(S000-C18)\nwhen\n"
                + "    Finding(code == \"FEVER\")\nthen\nend\n");

        var e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));

        assertTrue(e.getMessage().contains("reuses @id(RF-CES-01)"), e.getMessage());
    }

    @Test
    void anUndefinedMethodInAConsequenceNamesFileLineAndRuleNotGeneratedJava(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir);
        // lines 7-12 a rule with the same finding, so the statement alone would not say which rule it is
        write(rules.resolve("broken/then.drl"), HEADER
                + "rule \"fine\"\n    @id(X-6) @source(S000-C01)\nwhen\n    Finding(code == \"FEVER\")\nthen\nend\n\n"
                + "rule \"calls what does not exist\"\n    @id(X-7) @source(S000-C01)\nwhen\n"
                + "    Finding(code == \"FEVER\")\nthen\n"
                + "    insertLogical(new PatternFound(SymptomPattern.BILATERAL));\n    noSuchMethod(1);\nend\n");

        var e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));

        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("broken/then.drl:20", e.errors().get(0).file() + ":" + e.errors().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains("rule \"calls what does not exist\"")
                && e.getMessage().contains("noSuchMethod(int) is undefined"), e.getMessage());
        assertFalse(e.getMessage().contains("LambdaConsequence"), e.getMessage());
    }

    @Test
    void anInvalidByteInARulesFileNamesFileLineAndOffset(@TempDir Path dir) throws IOException {
        Path rules = Clinic.copyOfRules(dir);
        Path file = rules.resolve("broken/latin1.drl");
        Files.createDirectories(file.getParent());
        Files.write(file, "package org.legcds.rules;\n\n// caf\u00e9 saved as Latin-1\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        var e = assertThrows(RuleCompilationException.class, () -> LegCds.fromDirectory(rules));

        assertEquals("broken/latin1.drl:3", e.errors().get(0).file() + ":" + e.errors().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains("byte 0xE9 at byte offset 33 is not valid UTF-8"), e.getMessage());
    }

    @Test
    void aMissingRulesDirectoryIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> LegCds.fromDirectory(Path.of("no-such-dir")));
        assertTrue(e.getMessage().contains("no-such-dir"), e.getMessage());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
