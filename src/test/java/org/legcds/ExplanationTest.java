package org.legcds;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Clue;
import org.legcds.assessment.Evidence;
import org.legcds.assessment.Explanation;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.ObservedPattern;
import org.legcds.assessment.Question;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.TraceEntry;
import org.legcds.json.CaseJson;

/**
 * Every conclusion of every example assessment explains itself: it names the rules that drew it, those rules appear in
 * the trace, and every rule's sources are claims of the evidence register ({@code seeds/*.yaml}).
 */
class ExplanationTest {

    private static final Path EXAMPLES = Path.of("examples", "cases");
    private static final Path REGISTER = Path.of("seeds");

    private static LegCds engine;
    private static Set<String> claimIds;

    @BeforeAll
    static void loadEngineAndEvidenceRegister() throws IOException {
        engine = LegCds.packaged();
        claimIds = readClaimIds();
    }

    static Stream<String> examples() throws IOException {
        return AssessmentJsonSchemaTest.exampleCases().stream().map(p -> p.getFileName().toString());
    }

    // --- each kind of conclusion names its rules --------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyRedFlagNamesItsRuleAndTheFindingsThatRaisedIt(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then every red flag names a rule and at least one finding
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < assessment.redFlags().size(); i++) {
            RedFlag flag = assessment.redFlags().get(i);
            String item = "redFlags[" + i + "] " + flag.check().id();
            checks.add(namesARule(example, item, flag.because()));
            checks.add(namesAFinding(example, item, flag.because()));
        }
        assertAll(example + ": red flags", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyRedFlagCheckLeftOpenNamesTheRuleThatLeftItOpen(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then every check not evaluated names a rule
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < assessment.notEvaluated().size(); i++) {
            NotEvaluated open = assessment.notEvaluated().get(i);
            checks.add(namesARule(example, "notEvaluated[" + i + "] " + open.check().id(), open.because()));
        }
        assertAll(example + ": checks not evaluated", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theClaudicationTypeNamesTheRuleThatClassifiedIt(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then the claudication classification names a rule
        assertNotNull(assessment.claudication(), example + ": claudication is missing");
        namesARuleNow(example, "claudication " + assessment.claudication().type(), assessment.claudication().because());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyClaudicationClueNamesItsRule(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then every clue for and against the classification names a rule
        List<Executable> checks = new ArrayList<>();
        addClueChecks(example, "claudication.evidenceFor", assessment.claudication().evidenceFor(), checks);
        addClueChecks(example, "claudication.evidenceAgainst", assessment.claudication().evidenceAgainst(), checks);
        assertAll(example + ": claudication clues", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDistributionPatternNamesItsRule(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then every distribution pattern names a rule
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < assessment.patterns().size(); i++) {
            ObservedPattern pattern = assessment.patterns().get(i);
            checks.add(namesARule(example, "distribution[" + i + "] " + pattern.pattern(), pattern.because()));
        }
        assertAll(example + ": distribution patterns", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyHypothesisNamesItsRuleAndTheFindingsItRestsOn(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then every hypothesis names a rule and at least one finding
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < assessment.differential().size(); i++) {
            Hypothesis hypothesis = assessment.differential().get(i);
            String item = "differential[" + i + "] " + hypothesis.condition().id();
            checks.add(namesARule(example, item, hypothesis.because()));
            checks.add(namesAFinding(example, item, hypothesis.because()));
        }
        assertAll(example + ": differential", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyReasonAgainstAHypothesisNamesItsRule(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then every reason weighing against a hypothesis names a rule
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < assessment.differential().size(); i++) {
            Hypothesis hypothesis = assessment.differential().get(i);
            for (int j = 0; j < hypothesis.findingsAgainst().size(); j++) {
                Evidence against = hypothesis.findingsAgainst().get(j);
                checks.add(namesARule(example, "differential[" + i + "] " + hypothesis.condition().id() + ".findingsAgainst["
                        + j + "] '" + against.reason() + "'", against.because()));
            }
        }
        assertAll(example + ": reasons against hypotheses", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyRecommendationNamesItsRule(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then every recommended step names a rule
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < assessment.recommendations().size(); i++) {
            Recommendation recommendation = assessment.recommendations().get(i);
            checks.add(namesARule(example, "recommendations[" + i + "] " + recommendation.step().id(),
                    recommendation.because()));
        }
        assertAll(example + ": recommendations", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyQuestionNamesItsRule(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);

        // then every question names a rule
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < assessment.questions().size(); i++) {
            Question question = assessment.questions().get(i);
            checks.add(namesARule(example, "questions[" + i + "] " + question.finding().id(), question.because()));
        }
        assertAll(example + ": questions", checks);
    }

    // --- the rules named are the rules that fired, and their sources exist ------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyRuleCitedByAConclusionAppearsInTheTrace(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);
        Map<String, TraceEntry> fired = new HashMap<>();
        assessment.trace().forEach(entry -> fired.putIfAbsent(entry.rule(), entry));

        // then every rule any conclusion cites fired, and is cited with the name and sources it fired with
        List<Executable> checks = new ArrayList<>();
        explanations(assessment).forEach((item, because) -> {
            for (RuleRef rule : because.rules()) {
                checks.add(() -> {
                    TraceEntry entry = fired.get(rule.id());
                    assertNotNull(entry, () -> example + ": " + item + " cites rule " + rule.id()
                            + ", which is not in the trace " + fired.keySet());
                    assertEquals(entry.name(), rule.name(), () -> example + ": " + item + " cites rule " + rule.id()
                            + " under another name than the trace's");
                    assertEquals(entry.sources(), rule.sources(), () -> example + ": " + item + " cites rule "
                            + rule.id() + " with other sources than the trace's");
                });
            }
        });
        assertAll(example + ": rules cited vs trace", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyTraceSourceIsAClaimOfTheEvidenceRegister(String example) {
        // given the example, when it is assessed
        Assessment assessment = assess(example);
        assertFalse(assessment.trace().isEmpty(), example + ": the trace is empty");

        // then every source of every rule that fired is a claim id in seeds/*.yaml
        List<Executable> checks = new ArrayList<>();
        for (TraceEntry entry : assessment.trace()) {
            checks.add(() -> assertFalse(entry.sources().isEmpty(), () -> example + ": trace[" + entry.order() + "] "
                    + entry.rule() + " cites no source"));
            for (String source : entry.sources()) {
                checks.add(() -> assertTrue(claimIds.contains(source), () -> example + ": trace[" + entry.order() + "] "
                        + entry.rule() + " cites " + source + ", which is not a claim in " + REGISTER + "/*.yaml"));
            }
        }
        assertAll(example + ": trace sources", checks);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Assessment assess(String example) {
        Path file = EXAMPLES.resolve(example);
        try {
            return engine.assess(CaseJson.read(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Executable namesARule(String example, String item, Explanation because) {
        return () -> namesARuleNow(example, item, because);
    }

    private static void namesARuleNow(String example, String item, Explanation because) {
        assertNotNull(because, () -> example + ": " + item + " has no because");
        assertFalse(because.rules().isEmpty(), () -> example + ": " + item + " names no rule in because.rules");
    }

    private static Executable namesAFinding(String example, String item, Explanation because) {
        return () -> {
            assertNotNull(because, () -> example + ": " + item + " has no because");
            assertFalse(because.findings().isEmpty(), () -> example + ": " + item
                    + " names no finding in because.findings");
        };
    }

    private static void addClueChecks(String example, String list, List<Clue> clues, List<Executable> checks) {
        for (int i = 0; i < clues.size(); i++) {
            Clue clue = clues.get(i);
            checks.add(namesARule(example, list + "[" + i + "] " + clue.mechanism() + " " + clue.direction() + " '"
                    + clue.clue() + "'", clue.because()));
        }
    }

    /** Every explanation in the assessment, by where it is. */
    private static Map<String, Explanation> explanations(Assessment a) {
        Map<String, Explanation> all = new java.util.LinkedHashMap<>();
        for (int i = 0; i < a.redFlags().size(); i++) {
            all.put("redFlags[" + i + "] " + a.redFlags().get(i).check().id(), a.redFlags().get(i).because());
        }
        for (int i = 0; i < a.notEvaluated().size(); i++) {
            all.put("notEvaluated[" + i + "] " + a.notEvaluated().get(i).check().id(), a.notEvaluated().get(i).because());
        }
        all.put("claudication " + a.claudication().type(), a.claudication().because());
        for (int i = 0; i < a.claudication().evidenceFor().size(); i++) {
            all.put("claudication.evidenceFor[" + i + "]", a.claudication().evidenceFor().get(i).because());
        }
        for (int i = 0; i < a.claudication().evidenceAgainst().size(); i++) {
            all.put("claudication.evidenceAgainst[" + i + "]", a.claudication().evidenceAgainst().get(i).because());
        }
        for (int i = 0; i < a.patterns().size(); i++) {
            all.put("distribution[" + i + "] " + a.patterns().get(i).pattern(), a.patterns().get(i).because());
        }
        for (int i = 0; i < a.differential().size(); i++) {
            Hypothesis h = a.differential().get(i);
            all.put("differential[" + i + "] " + h.condition().id(), h.because());
            for (int j = 0; j < h.findingsAgainst().size(); j++) {
                all.put("differential[" + i + "] " + h.condition().id() + ".findingsAgainst[" + j + "]",
                        h.findingsAgainst().get(j).because());
            }
        }
        for (int i = 0; i < a.recommendations().size(); i++) {
            all.put("recommendations[" + i + "] " + a.recommendations().get(i).step().id(),
                    a.recommendations().get(i).because());
        }
        for (int i = 0; i < a.questions().size(); i++) {
            all.put("questions[" + i + "] " + a.questions().get(i).finding().id(), a.questions().get(i).because());
        }
        return all;
    }

    /**
     * The claim ids of the evidence register: {@code claims[].id} of every {@code seeds/*.yaml} that defines claims.
     * Files without a {@code claims} key (such as a list of out-of-scope claim ids) define none and are skipped.
     */
    private static Set<String> readClaimIds() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> listing = Files.list(REGISTER)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no evidence register files in " + REGISTER);
        List<String> ids = new ArrayList<>();
        for (Path file : files) {
            JsonNode document = yaml.readTree(file.toFile());
            if (document == null || !document.has("claims")) {
                continue;
            }
            JsonNode claims = document.get("claims");
            assertTrue(claims.isArray() && !claims.isEmpty(), file + ": claims is not a non-empty list");
            for (JsonNode claim : claims) {
                String id = claim.path("id").asText("");
                assertFalse(id.isBlank(), () -> file + " has a claim without an id: " + claim);
                ids.add(id);
            }
        }
        assertFalse(ids.isEmpty(), "no claims in " + REGISTER + "/*.yaml");
        Set<String> unique = Set.copyOf(ids);
        assertEquals(ids.size(), unique.size(), () -> "claim ids repeat in " + REGISTER + ": " + ids.stream()
                .filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).distinct().collect(Collectors.joining(", ")));
        return unique;
    }
}
