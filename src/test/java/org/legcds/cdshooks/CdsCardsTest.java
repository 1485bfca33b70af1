package org.legcds.cdshooks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.json.CaseJson;
import org.legcds.scenario.Scenario;
import org.legcds.scenario.ScenarioReader;
import org.legcds.vocabulary.StepDefinition;
import org.legcds.vocabulary.StepKind;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.Vocabulary;

/**
 * The cards of real assessments: every constraint of the CDS Hooks 2.0 response checked on every card of every example
 * case and every clinical scenario, and the clinical content of the cards for the situations that matter most.
 */
class CdsCardsTest {

    private static final Path EXAMPLES = Path.of("examples", "cases");
    private static final Path SCHEMA = Path.of("schema", "cds-hooks-response.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static LegCds engine;
    private static JsonSchema schema;

    @BeforeAll
    static void loadEngineAndSchema() throws IOException {
        engine = LegCds.packaged();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Files.readString(SCHEMA)), config);
    }

    // --- the specification, on every real output --------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyExampleCaseGivesCardsThatMeetTheSpecification() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> examples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertFalse(examples.isEmpty(), "no example cases in " + EXAMPLES);
            return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
                Case patientCase = CaseJson.read(Files.readString(example));
                assertMeetsTheSpecification(patientCase, example.toString());
            }));
        }
    }

    @Test
    void everyClinicalScenarioGivesCardsThatMeetTheSpecification() {
        // given the 129 clinical scenarios of the knowledge base's test suite
        List<Scenario> scenarios = ScenarioReader.of(Path.of("scenarios")).readAll();
        assertTrue(scenarios.size() > 100, "expected the scenario suite, found " + scenarios.size());

        // then every one of them gives a response that meets every constraint
        List<String> failures = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            try {
                assertMeetsTheSpecification(scenario.patientCase(), scenario.id());
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " scenarios gave bad cards:\n"
                + String.join("\n", failures));
    }

    @Test
    void theSchemaIsAValidDraft202012SchemaAndRejectsWhatTheSpecificationForbids() throws IOException {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertTrue(meta.validate(JSON.readTree(Files.readString(SCHEMA))).isEmpty(), SCHEMA + " is not a valid schema");

        List<String> forbidden = List.of(
                "{}",
                "{\"cards\": null}",
                "{\"cards\": [{\"summary\": \"x\", \"indicator\": \"urgent\", \"source\": {\"label\": \"l\"}}]}",
                "{\"cards\": [{\"summary\": \"\", \"indicator\": \"info\", \"source\": {\"label\": \"l\"}}]}",
                "{\"cards\": [{\"summary\": \"" + "x".repeat(140) + "\", \"indicator\": \"info\", \"source\": {\"label\": \"l\"}}]}",
                "{\"cards\": [{\"summary\": \"x\", \"indicator\": \"info\", \"source\": {}}]}",
                "{\"cards\": [{\"summary\": \"x\", \"indicator\": \"info\", \"source\": {\"label\": \"l\"}, \"links\": []}]}",
                "{\"cards\": [{\"summary\": \"x\", \"indicator\": \"info\", \"source\": {\"label\": \"l\"}, \"detail\": null}]}",
                "{\"cards\": [{\"summary\": \"x\", \"indicator\": \"info\", \"source\": {\"label\": \"l\"},"
                        + " \"suggestions\": [{\"label\": \"s\"}]}]}");
        for (String bad : forbidden) {
            assertFalse(schema.validate(bad, InputFormat.JSON).isEmpty(), () -> "the schema accepted " + bad);
        }
    }

    // --- clinical content -------------------------------------------------------------------------------------

    @Test
    void caudaEquinaGivesACriticalCardNamingTheTriggeringFindingsRulesAndSourcesWithAnEmergencyMri() {
        // given the cauda equina example: saddle anaesthesia and urinary hesitancy
        JsonNode cards = cardsOf(example("cauda-equina.json"), "example-cauda-equina");

        // then the first card is critical and says why
        JsonNode critical = cards.get(0);
        assertEquals("critical", critical.path("indicator").asText());
        String detail = critical.path("detail").asText();
        assertAll(
                () -> assertTrue(critical.path("summary").asText().startsWith("Cauda equina syndrome suspected")),
                () -> assertTrue(detail.contains("saddle area"), detail), // by label, never an internal code
                () -> assertTrue(detail.contains("urinary hesitancy"), detail),
                () -> assertFalse(detail.contains("SADDLE_ANAESTHESIA"), detail),
                () -> assertTrue(detail.contains("RF-CES-03") && detail.contains("S000-C19"), detail),
                () -> assertEquals("RF-CES-03", critical.at("/source/topic/code").asText()),
                () -> assertEquals(CdsCards.RULES_SYSTEM, critical.at("/source/topic/system").asText()));

        // and offers the emergency MRI as a draft, stat order for this patient
        JsonNode order = critical.at("/suggestions/0/actions/0/resource");
        assertAll(
                () -> assertEquals("ServiceRequest", order.path("resourceType").asText()),
                () -> assertEquals("draft", order.path("status").asText()),
                () -> assertEquals("proposal", order.path("intent").asText()),
                () -> assertEquals("stat", order.path("priority").asText()),
                () -> assertEquals("24968-0", order.at("/code/coding/0/code").asText()),
                () -> assertEquals("Patient/example-cauda-equina", order.at("/subject/reference").asText()));
    }

    @Test
    void peripheralArteryDiseaseGivesAnInfoCardOfferingTheAnkleBrachialIndex() {
        // given the vascular claudication example
        JsonNode cards = cardsOf(example("vascular-claudication.json"), "pad-1");

        // then the leading hypothesis card offers the ABI, once in the whole response
        JsonNode pad = find(cards, c -> c.path("summary").asText().startsWith("Likely: Peripheral artery disease"));
        assertEquals("info", pad.path("indicator").asText());
        assertEquals("Order: " + Vocabulary.packaged().requireStep("ANKLE_BRACHIAL_INDEX").label(), pad.at("/suggestions/0/label").asText());
        assertEquals("any", pad.path("selectionBehavior").asText());
        assertEquals("Patient/pad-1", pad.at("/suggestions/0/actions/0/resource/subject/reference").asText());
        assertEquals(1, suggestionLabels(cards).stream().filter(l -> l.contains("Ankle-brachial")).count());
        assertTrue(pad.path("detail").asText().contains("Evidence against"), "evidence against must be shown");
    }

    @Test
    void redFlagChecksLeftOpenGiveOneScreeningCardSayingWhatToAskMostDangerousFirst() {
        // given leg pain with nothing else recorded: every red-flag check is open
        Assessment assessment = engine.assess(new Case(patient(), TODAY,
                List.of(Finding.present("LEG_PAIN"))));
        assertFalse(assessment.notEvaluated().isEmpty());

        // then one card (not one per check) names every finding to ask about, in clinician words, cauda equina first
        JsonNode cards = json(CdsCards.from(assessment, "p"));
        JsonNode card = find(cards, c -> c.path("summary").asText().startsWith("Screen for red flags"));
        String detail = card.path("detail").asText();
        assertEquals("info", card.path("indicator").asText(), "no check is open at a raised urgency");
        assertEquals(1, count(cards, c -> c.path("summary").asText().startsWith("Screen for red flags")));
        assessment.notEvaluated().forEach(open -> {
            assertTrue(detail.contains(open.label()), () -> "the card does not name " + open.label());
            open.unknownFindings().forEach(f -> assertTrue(detail.contains(CdsCards.md(f.label())),
                    () -> "the card does not ask about " + f.label()));
        });
        assertTrue(detail.indexOf("Cauda equina syndrome") < detail.indexOf("Acute limb ischaemia"), detail);
    }

    @Test
    void cardsAreEmptyOnlyWhenThereIsTrulyNothingToSay() {
        // given an assessment with nothing in it
        Assessment assessment = engine.assess(new Case(patient(), TODAY, List.of(Finding.present("LEG_PAIN"))));
        Assessment empty = new Assessment(assessment.triage(), List.of(), List.of(), assessment.claudication(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), assessment.knowledgeBase(), TODAY);

        // then the response is {"cards": []}
        assertEquals("{\"cards\":[]}", CdsCards.toJson(CdsCards.from(empty, "p")));

        // but the same with one unread record says so
        JsonNode cards = json(CdsCards.from(empty, "p", List.of("Observation/abi-left valueQuantity.unit: unit "
                + "'mmHg' is not a valid unit for ABI")));
        assertEquals(1, cards.size());
        assertEquals("warning", cards.get(0).path("indicator").asText());
        assertTrue(cards.get(0).path("detail").asText().contains("Observation/abi-left"));
    }

    @Test
    void theSameInputGivesTheSameCardsAndUuidsAndAnotherPatientOtherUuids() {
        Case patientCase = example("cauda-equina.json");
        String first = CdsCards.toJson(CdsCards.from(engine.assess(patientCase), "a"));
        String again = CdsCards.toJson(CdsCards.from(engine.assess(patientCase), "a"));
        String other = CdsCards.toJson(CdsCards.from(engine.assess(patientCase), "b"));

        assertEquals(first, again);
        Set<String> uuids = new HashSet<>(uuids(read(first)));
        uuids.retainAll(uuids(read(other)));
        assertTrue(uuids.isEmpty(), "cards of different patients share uuids " + uuids);
    }

    @Test
    void aResponseSeedGivesEveryResponseItsOwnUuidsAndTheSameSeedReplaysThem() {
        // given one patient assessed twice, as a service does on two calls
        Case patientCase = example("cauda-equina.json");
        Assessment assessment = engine.assess(patientCase);

        // when the host passes a seed per response
        String first = CdsCards.toJson(CdsCards.from(assessment, "a", List.of(), "response-1"));
        String second = CdsCards.toJson(CdsCards.from(assessment, "a", List.of(), "response-2"));
        String replay = CdsCards.toJson(CdsCards.from(assessment, "a", List.of(), "response-1"));

        // then no uuid of one response appears in the other, and the same seed gives the same cards
        Set<String> shared = new HashSet<>(uuids(read(first)));
        shared.retainAll(uuids(read(second)));
        assertTrue(shared.isEmpty(), "two responses share uuids " + shared);
        assertEquals(first, replay);
        List<String> all = uuids(read(first));
        assertEquals(all.size(), new HashSet<>(all).size(), "uuids within a response are not unique: " + all);
    }

    @Test
    void everyCardOffersTheOverrideReasons() {
        JsonNode cards = cardsOf(example("cauda-equina.json"), "x");

        assertFalse(cards.isEmpty());
        for (JsonNode card : cards) {
            JsonNode reasons = card.path("overrideReasons");
            assertEquals(CdsCards.OVERRIDE_REASONS.size(), reasons.size(), card.toString());
            assertEquals(CdsCards.OVERRIDE_REASONS_SYSTEM, reasons.at("/0/system").asText());
            assertTrue(reasons.at("/0/display").isTextual());
        }
    }

    @Test
    void anEmergencyIsAlwaysTheFirstCardAndCritical() {
        // every scenario with a red flag leads with a critical card; one made urgent only by a check left open (cauda
        // equina not excluded in sciatica of both legs) leads with the screening card, a warning
        for (Scenario scenario : ScenarioReader.of(Path.of("scenarios")).readAll()) {
            Assessment assessment = engine.assess(scenario.patientCase());
            if (assessment.triage().level() == Urgency.ROUTINE) {
                continue;
            }
            JsonNode cards = json(CdsCards.from(assessment, "p"));
            if (assessment.redFlags().isEmpty()) {
                assertEquals("warning", cards.get(0).path("indicator").asText(), scenario.id());
                assertTrue(cards.get(0).path("summary").asText().startsWith("Screen for red flags"), scenario.id());
            } else {
                assertEquals("critical", cards.get(0).path("indicator").asText(), scenario.id());
                assertEquals(assessment.redFlags().size(), count(cards, "critical"), scenario.id());
            }
        }
    }

    @Test
    void everyOrderableStepIsATestWithOrders() {
        List<StepDefinition> orderable = Vocabulary.packaged().steps().stream()
                .filter(step -> step.orderable().isPresent()).toList();
        assertFalse(orderable.isEmpty(), "no step of steps.yaml can be ordered");
        for (StepDefinition step : orderable) {
            assertEquals(StepKind.TEST, step.kind(), step.id() + " is offered as an order but is not a test");
            assertFalse(step.orderable().orElseThrow().items().isEmpty(), step.id() + " has no orders");
        }
        assertTrue(Vocabulary.packaged().requireStep("SUPERVISED_EXERCISE").orderable().isEmpty(),
                "management is not an order");
    }

    // --- the records enforce the specification ----------------------------------------------------------------

    @Test
    void aCardCannotBreakTheSpecification() {
        Source source = new Source("legcds", null, null);
        Suggestion suggestion = new Suggestion("Order", null, true, List.of());
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> new Card(null, "x".repeat(140), null,
                        Card.Indicator.INFO, source, List.of(), null, List.of())),
                () -> assertThrows(IllegalArgumentException.class, () -> new Card(null, " ", null,
                        Card.Indicator.INFO, source, List.of(), null, List.of())),
                () -> assertThrows(IllegalArgumentException.class, () -> new Card(null, "x", null,
                        Card.Indicator.INFO, source, List.of(suggestion), null, List.of())),
                () -> assertThrows(IllegalArgumentException.class, () -> new Card(null, "x", null,
                        Card.Indicator.INFO, source, List.of(), Card.SelectionBehavior.ANY, List.of())),
                () -> assertThrows(IllegalArgumentException.class, () -> new Card(null, "x", null,
                        Card.Indicator.INFO, source, List.of(suggestion, suggestion), Card.SelectionBehavior.AT_MOST_ONE,
                        List.of())),
                () -> assertThrows(IllegalArgumentException.class, () -> new Card(null, "x", "", Card.Indicator.INFO,
                        source, List.of(), null, List.of())),
                () -> assertThrows(IllegalArgumentException.class, () -> new Source("", null, null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Link("l", "/relative", Link.Type.ABSOLUTE,
                        null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Link("l", "https://x.org",
                        Link.Type.ABSOLUTE, "ctx")),
                () -> assertThrows(NullPointerException.class, () -> new Action(Action.Type.CREATE, "d", null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Action(Action.Type.CREATE, "d",
                        JsonNodeFactory.instance.objectNode())),
                () -> assertThrows(IllegalArgumentException.class, () -> CdsCards.from(
                        engine.assess(example("cauda-equina.json")), " ")));
    }

    @Test
    void aLongSummaryIsShortenedAtAWordBoundary() {
        String shortened = CdsCards.shorten("word ".repeat(60).trim());
        assertTrue(shortened.length() < Card.SUMMARY_LIMIT, shortened);
        assertTrue(shortened.endsWith("word ..."), shortened);
    }

    @Test
    void markdownInFreeTextIsEscaped() {
        assertEquals("a \\*b\\* \\_c\\_ \\[d\\] \\<e> f", CdsCards.md("a *b* _c_ [d] <e> f"));
    }

    // --- the checks -------------------------------------------------------------------------------------------

    /** Every constraint of the CDS Hooks 2.0 response, on the real JSON a service would send. */
    private static void assertMeetsTheSpecification(Case patientCase, String where) {
        Assessment assessment = engine.assess(patientCase);
        String text = CdsCards.toJson(CdsCards.from(assessment, patientCase.patient().id()));
        JsonNode response = read(text);

        Set<ValidationMessage> messages = schema.validate(text, InputFormat.JSON);
        assertTrue(messages.isEmpty(), () -> where + ": does not conform to " + SCHEMA + ": "
                + messages.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        List<String> empty = new ArrayList<>();
        findNullOrEmpty(response, "", empty);
        assertTrue(empty.isEmpty(), () -> where + ": null or empty fields " + empty);

        JsonNode cards = response.get("cards");
        List<String> all = uuids(response);
        assertEquals(all.size(), new HashSet<>(all).size(), where + ": uuids are not unique: " + all);
        boolean somethingToSay = !assessment.redFlags().isEmpty() || !assessment.notEvaluated().isEmpty()
                || !assessment.differential().isEmpty() || !assessment.recommendations().isEmpty()
                || !assessment.questions().isEmpty();
        assertEquals(somethingToSay, !cards.isEmpty(), where + ": cards must be empty exactly when there is nothing to say");
        assertEquals(assessment.redFlags().size(), count(cards, "critical"), where + ": one critical card per red flag");
        assertEquals(assessment.notEvaluated().isEmpty() ? 0 : 1,
                count(cards, c -> c.path("summary").asText().startsWith("Screen for red flags")),
                where + ": the open checks have exactly one screening card");

        for (JsonNode card : cards) {
            String summary = card.path("summary").asText();
            assertAll(where + ": card '" + summary + "'",
                    () -> assertTrue(card.path("uuid").isTextual(), "every card has a uuid"),
                    () -> assertTrue(summary.length() < 140, "summary has 140 characters or more"),
                    () -> assertFalse(summary.contains("\n"), "summary is one line"),
                    () -> assertTrue(Set.of("info", "warning", "critical").contains(card.path("indicator").asText())),
                    () -> assertFalse(card.at("/source/label").asText().isBlank(), "source.label"),
                    () -> assertTrue(card.path("detail").asText().contains("not a diagnosis"), "the disclaimer"),
                    () -> assertEquals(card.has("suggestions"), card.has("selectionBehavior"),
                            "selectionBehavior exactly when there are suggestions"),
                    () -> {
                        for (JsonNode suggestion : card.path("suggestions")) {
                            assertTrue(suggestion.path("uuid").isTextual(), "every suggestion has a uuid");
                            for (JsonNode action : suggestion.path("actions")) {
                                assertEquals("create", action.path("type").asText());
                                JsonNode order = action.path("resource");
                                assertEquals("ServiceRequest", order.path("resourceType").asText());
                                assertEquals("draft", order.path("status").asText());
                                assertEquals("proposal", order.path("intent").asText());
                                assertEquals("Patient/" + patientCase.patient().id(),
                                        order.at("/subject/reference").asText());
                                assertFalse(order.at("/code/text").asText().isBlank(), "order text");
                            }
                        }
                    });
        }
    }

    private static void findNullOrEmpty(JsonNode node, String path, List<String> into) {
        if (node.isNull() || (node.isTextual() && node.asText().isEmpty())
                || (node.isContainerNode() && node.isEmpty() && !path.equals("/cards"))) {
            into.add(path.isEmpty() ? "/" : path);
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                findNullOrEmpty(field.getValue(), path + "/" + field.getKey(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNullOrEmpty(node.get(i), path + "/" + i, into);
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static Patient patient() {
        return new Patient("p", 66, Sex.FEMALE, Status.ABSENT);
    }

    private static Case example(String file) {
        try {
            return CaseJson.read(Files.readString(EXAMPLES.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode cardsOf(Case patientCase, String patientId) {
        return json(CdsCards.from(engine.assess(patientCase), patientId));
    }

    private static JsonNode json(CardsResponse response) {
        return read(CdsCards.toJson(response)).get("cards");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode find(JsonNode cards, java.util.function.Predicate<JsonNode> which) {
        return StreamSupport.stream(cards.spliterator(), false).filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("no such card in " + cards));
    }

    private static long count(JsonNode cards, java.util.function.Predicate<JsonNode> which) {
        long n = 0;
        for (JsonNode card : cards) {
            n += which.test(card) ? 1 : 0;
        }
        return n;
    }

    private static long count(JsonNode cards, String indicator) {
        return StreamSupport.stream(cards.spliterator(), false)
                .filter(c -> indicator.equals(c.path("indicator").asText())).count();
    }

    private static List<String> suggestionLabels(JsonNode cards) {
        return StreamSupport.stream(cards.spliterator(), false)
                .flatMap(c -> StreamSupport.stream(c.path("suggestions").spliterator(), false))
                .map(s -> s.path("label").asText()).toList();
    }

    private static List<String> uuids(JsonNode response) {
        List<String> uuids = new ArrayList<>();
        response.findValues("uuid").forEach(u -> uuids.add(u.asText()));
        return uuids;
    }

    @Test
    void uuidsAreDifferentForDifferentCardsOfOneResponse() {
        JsonNode cards = cardsOf(example("cauda-equina.json"), "x");
        assertNotEquals(cards.get(0).path("uuid").asText(), cards.get(1).path("uuid").asText());
    }
}
