package org.legcds.examples.cdshooks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.PlainJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.LegCds;
import org.legcds.fhir.FhirCaseReader;

/**
 * The service on a free port, spoken to over real HTTP with real signed JWTs from a stand-in EHR that publishes its JWK
 * Set and runs a FHIR server: what an EHR would send, and everything the service must refuse.
 */
class CdsHooksServiceTest {

    private static final String BASE = "https://cds.example.org"; // the public URL: what aud names
    private static final String VIEW = "/cds-services/" + CdsHooksService.PATIENT_VIEW_ID;
    private static final String ORDERS = "/cds-services/" + CdsHooksService.ORDER_SELECT_ID;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int MAX_BODY = 200_000;

    @TempDir
    static Path tmp;

    private static TestEhr ehr;
    private static CdsHooksService service;
    private static Path feedbackFile;

    @BeforeAll
    static void start() throws Exception {
        ehr = new TestEhr();
        feedbackFile = tmp.resolve("feedback.ndjson");
        ServiceConfig config = ServiceConfig.builder(URI.create(BASE)).port(0)
                .issuers(Map.of(TestEhr.ISSUER, ehr.jwksUrl())).feedbackFile(feedbackFile).maxBodyBytes(MAX_BODY)
                .fhirServers(List.of(URI.create(ehr.fhirBase()))).insecureDevHttpFhir(true).build();
        service = new CdsHooksService(config, LegCds.packaged(), FhirCaseReader.standard(),
                Clock.fixed(Instant.now(), ZoneOffset.UTC)).start();
    }

    @AfterAll
    static void stop() {
        service.close();
        ehr.close();
    }

    // --- clinical answers -----------------------------------------------------------------------------------------

    @Test
    void aCaudaEquinaPatientGetsACriticalCardNamingTheTriggeringFindingsAndTheirSource() throws Exception {
        HttpResponse<String> response = post(VIEW, read("cauda-equina.json"), ehr.token(BASE + VIEW));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode critical = JSON.readTree(response.body()).at("/cards/0");
        String detail = critical.path("detail").asText();
        assertAll(
                () -> assertEquals("critical", critical.path("indicator").asText()),
                () -> assertTrue(critical.path("summary").asText().startsWith("Cauda equina syndrome suspected")),
                () -> assertTrue(detail.contains("urinary hesitancy"), detail), // by its label, not its code
                () -> assertTrue(detail.contains("RF-CES-04") && detail.contains("EXT-C03"), detail),
                () -> assertEquals("RF-CES-04", critical.at("/source/topic/code").asText()),
                () -> assertEquals("Patient/ces-1",
                        critical.at("/suggestions/0/actions/0/resource/subject/reference").asText()));
    }

    @Test
    void aChartWithoutALegPresentationGetsNoCardsAtAll() throws Exception {
        // the cauda equina patient's record with only hypertension on it: nothing for this service to say
        com.fasterxml.jackson.databind.node.ObjectNode request =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(read("cauda-equina.json"));
        com.fasterxml.jackson.databind.node.ArrayNode entries =
                (com.fasterxml.jackson.databind.node.ArrayNode) request.at("/prefetch/conditions/entry");
        com.fasterxml.jackson.databind.node.ObjectNode hypertension = entries.get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) hypertension.get("resource")).put("id", "htn")
                .set("code", JSON.readTree("{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"38341003\","
                        + "\"display\":\"Hypertensive disorder\"}]}"));
        entries.removeAll().add(hypertension);
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.at("/prefetch/conditions")).put("total", 1);

        HttpResponse<String> response = post(VIEW, JSON.writeValueAsString(request), ehr.token(BASE + VIEW));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"cards\":[]}", response.body());
    }

    @Test
    void aCaudaEquinaPatientGetsItsCriticalCardAndAtMostOneScreeningCard() throws Exception {
        HttpResponse<String> response = post(VIEW, read("cauda-equina.json"), ehr.token(BASE + VIEW));

        JsonNode cards = JSON.readTree(response.body()).path("cards");
        int critical = 0;
        int screening = 0;
        for (JsonNode card : cards) {
            critical += card.path("indicator").asText().equals("critical") ? 1 : 0;
            screening += card.path("summary").asText().startsWith("Screen for red flags") ? 1 : 0;
            assertTrue(!card.path("detail").asText().contains("BLADDER_DYSFUNCTION"), "no internal codes: " + card);
        }
        assertEquals(1, critical, response.body());
        assertTrue(screening <= 1, response.body());
    }

    @Test
    void aPeripheralArteryDiseasePatientGetsAnAnkleBrachialIndexSuggestion() throws Exception {
        HttpResponse<String> response = post(VIEW, read("peripheral-artery-disease.json"), ehr.token(BASE + VIEW));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(suggestionLabels(JSON.readTree(response.body())).contains("Order: Ankle-brachial index (ABI), both legs"),
                response.body());
    }

    @Test
    void orderSelectDoesNotSuggestATestAlreadyDrafted() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("peripheral-artery-disease.json"));
        request.put("hook", "order-select");
        ((ObjectNode) request.get("context")).set("draftOrders", JSON.readTree("""
                {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
                  "resourceType": "ServiceRequest", "id": "draft-abi", "status": "draft", "intent": "order",
                  "code": {"text": "Ankle-brachial index (ABI), both legs"}, "subject": {"reference": "Patient/pad-1"}}}]}
                """));
        ((ObjectNode) request.get("context")).putArray("selections").add("ServiceRequest/draft-abi");

        HttpResponse<String> response = post(ORDERS, request.toString(), ehr.token(BASE + ORDERS));

        assertEquals(200, response.statusCode(), response.body());
        assertFalse(suggestionLabels(JSON.readTree(response.body())).stream().anyMatch(l -> l.contains("Ankle-brachial")),
                response.body());
    }

    @Test
    void orderSelectDuringAnEmergencyWarnsThatOtherOrdersMustNotDelayIt() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        request.put("hook", "order-select");
        ((ObjectNode) request.get("context")).set("draftOrders", JSON.readTree("""
                {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
                  "resourceType": "ServiceRequest", "id": "draft-pt", "status": "draft", "intent": "order",
                  "code": {"text": "Physiotherapy referral"}, "subject": {"reference": "Patient/ces-1"}}}]}
                """));
        ((ObjectNode) request.get("context")).putArray("selections").add("ServiceRequest/draft-pt");

        HttpResponse<String> response = post(ORDERS, request.toString(), ehr.token(BASE + ORDERS));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode cards = JSON.readTree(response.body()).get("cards");
        assertEquals("critical", cards.at("/0/indicator").asText());
        assertTrue(cards.at("/1/summary").asText().startsWith("Emergency first"), cards.toString());
        assertTrue(cards.at("/1/detail").asText().contains("Physiotherapy referral"));
    }

    @Test
    void discoveryAnnouncesBothHooksWithTheirPrefetchTemplates() throws Exception {
        HttpResponse<String> response = get("/cds-services", ehr.token(BASE + "/cds-services"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode services = JSON.readTree(response.body()).get("services");
        assertEquals(List.of("patient-view", "order-select"),
                StreamSupport.stream(services.spliterator(), false).map(s -> s.path("hook").asText()).toList());
        JsonNode prefetch = services.at("/0/prefetch");
        assertEquals("Patient/{{context.patientId}}", prefetch.path("patient").asText());
        assertEquals("Condition?patient={{context.patientId}}", prefetch.path("conditions").asText());
        String observations = prefetch.path("observations").asText();
        assertAll(
                // generated from the library's code maps: a LOINC result, a SNOMED CT measurement, another system
                () -> assertTrue(observations.startsWith("Observation?patient={{context.patientId}}&code="), observations),
                () -> assertTrue(observations.contains("http://loinc.org|4548-4"), observations),
                () -> assertTrue(observations.contains("http://snomed.info/sct|446841001"), observations),
                () -> assertTrue(observations.contains("https://tx.hl7.lt/fhir/CodeSystem/abi-component|left-abi")),
                // ICD-10-CM codes conditions; prefixes (E11*) cannot be searched for
                () -> assertFalse(observations.contains("icd-10") || observations.contains("*"), observations),
                () -> assertTrue(observations.length() < 6000, "a GET URL this long may be refused: "
                        + observations.length()),
                () -> assertTrue(prefetch.path("medications").asText()
                        .contains("http://www.nlm.nih.gov/research/umls/rxnorm|"), prefetch.toString()));
    }

    // --- FHIR data -------------------------------------------------------------------------------------------------

    @Test
    void missingPrefetchWithoutAFhirServerIs412() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        ((ObjectNode) request.get("prefetch")).remove("conditions");

        HttpResponse<String> response = post(VIEW, request.toString(), ehr.token(BASE + VIEW));

        assertEquals(412, response.statusCode(), response.body());
        assertTrue(reason(response).contains("conditions"), response.body());
    }

    @Test
    void missingPrefetchIsFetchedFromTheFhirServerWithTheGivenBearerToken() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        JsonNode conditions = request.get("prefetch").get("conditions");
        ((ObjectNode) request.get("prefetch")).remove("conditions");
        request.put("fhirServer", ehr.fhirBase());
        request.putObject("fhirAuthorization").put("access_token", "fhir-access-token-123")
                .put("token_type", "Bearer").put("expires_in", 300).put("scope", "user/Condition.read")
                .put("subject", "legcds");
        ehr.serveFhir(Map.of("Condition?patient=ces-1", conditions.toString()));

        HttpResponse<String> response = post(VIEW, request.toString(), ehr.token(BASE + VIEW));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("Bearer fhir-access-token-123"), ehr.fhirAuthorizations);
        assertEquals("critical", JSON.readTree(response.body()).at("/cards/0/indicator").asText(), response.body());
    }

    @Test
    void aFhirServerThatRefusesIs412() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        ((ObjectNode) request.get("prefetch")).remove("observations");
        request.put("fhirServer", ehr.fhirBase());
        request.putObject("fhirAuthorization").put("access_token", "fhir-access-token-123").put("token_type", "Bearer");
        ehr.serveFhir(Map.of());

        HttpResponse<String> response = post(VIEW, request.toString(), ehr.token(BASE + VIEW));

        assertEquals(412, response.statusCode(), response.body());
        assertEquals(1, ehr.fhirAuthorizations.size(), "the allow-listed server was asked once");
    }

    // --- authentication: each rejection -------------------------------------------------------------------------

    @Test
    void anRs384TokenIsAcceptedToo() throws Exception {
        String token = ehr.sign(ehr.rsaKey, JWSAlgorithm.RS384,
                ehr.claims(TestEhr.ISSUER, BASE + "/cds-services", Instant.now().plusSeconds(60)).build());
        assertEquals(200, get("/cds-services", token).statusCode());
    }

    @Test
    void aMissingTokenIs401() throws Exception {
        assertUnauthorized(get("/cds-services", null), "missing");
    }

    @Test
    void aTokenForAnotherEndpointIs401() throws Exception {
        assertUnauthorized(post(VIEW, read("cauda-equina.json"), ehr.token(BASE + "/cds-services")), "audience");
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String token = ehr.sign(ehr.ecKey, JWSAlgorithm.ES384,
                ehr.claims(TestEhr.ISSUER, BASE + "/cds-services", Instant.now().minusSeconds(600)).build());
        assertUnauthorized(get("/cds-services", token), "Expired");
    }

    @Test
    void anUnknownIssuerIs401() throws Exception {
        String token = ehr.sign(ehr.ecKey, JWSAlgorithm.ES384,
                ehr.claims("https://other-ehr.example.org", BASE + "/cds-services", Instant.now().plusSeconds(60))
                        .build());
        assertUnauthorized(get("/cds-services", token), "not trusted");
    }

    @Test
    void aSymmetricHs256TokenIs401() throws Exception {
        byte[] secret = "a-shared-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
        String token = ehr.sign(secret, JWSAlgorithm.HS256,
                ehr.claims(TestEhr.ISSUER, BASE + "/cds-services", Instant.now().plusSeconds(60)).build());
        assertUnauthorized(get("/cds-services", token), "HS256");
    }

    @Test
    void anUnsignedTokenIs401() throws Exception {
        String token = new PlainJWT(new PlainHeader(), ehr.claims(TestEhr.ISSUER, BASE + "/cds-services",
                Instant.now().plusSeconds(60)).build()).serialize();
        assertUnauthorized(get("/cds-services", token), "not a signed JWT");
    }

    @Test
    void aTokenSignedWithAKeyNotInTheIssuersJwkSetIs401() throws Exception {
        String token = ehr.sign(ehr.untrustedKey, JWSAlgorithm.ES384,
                ehr.claims(TestEhr.ISSUER, BASE + "/cds-services", Instant.now().plusSeconds(60)).build());
        assertUnauthorized(get("/cds-services", token), "rejected");
    }

    @Test
    void aReusedJtiIs401() throws Exception {
        String token = ehr.token(BASE + "/cds-services");
        assertEquals(200, get("/cds-services", token).statusCode());
        assertUnauthorized(get("/cds-services", token), "already been used");
    }

    @Test
    void theDevelopmentFlagTurnsAuthenticationOff() throws Exception {
        ServiceConfig config = ServiceConfig.builder(URI.create(BASE)).port(0)
                .feedbackFile(tmp.resolve("dev-feedback.ndjson")).maxBodyBytes(MAX_BODY).insecureDevNoJwt(true).build();
        try (CdsHooksService dev = new CdsHooksService(config, LegCds.packaged(), FhirCaseReader.standard(),
                Clock.systemUTC()).start()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + dev.port() + "/cds-services")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        }
    }

    // --- bad requests -------------------------------------------------------------------------------------------

    @Test
    void malformedJsonIs400WithTheReason() throws Exception {
        HttpResponse<String> response = post(VIEW, "{\"hook\": \"patient-view\", ", ehr.token(BASE + VIEW));

        assertEquals(400, response.statusCode());
        assertTrue(reason(response).startsWith("malformed JSON at line 1"), response.body());
    }

    @Test
    void theWrongHookIs400() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        request.put("hook", "order-sign");
        HttpResponse<String> response = post(VIEW, request.toString(), ehr.token(BASE + VIEW));
        assertEquals(400, response.statusCode());
        assertTrue(reason(response).contains("order-sign"));
    }

    @Test
    void aPrefetchedPatientOtherThanTheContextPatientIs400() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        ((ObjectNode) request.get("context")).put("patientId", "someone-else");
        HttpResponse<String> response = post(VIEW, request.toString(), ehr.token(BASE + VIEW));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(reason(response).contains("someone-else"), response.body());
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String big = "{\"hook\": \"patient-view\", \"padding\": \"" + "x".repeat(MAX_BODY) + "\"}";
        assertEquals(413, post(VIEW, big, ehr.token(BASE + VIEW)).statusCode());
    }

    // --- feedback -----------------------------------------------------------------------------------------------

    @Test
    void feedbackOnIssuedCardsIsAppendedAndBadFeedbackIsRefusedWithoutWritingAnything() throws Exception {
        // given the cards of one call
        JsonNode cards = JSON.readTree(post(VIEW, read("peripheral-artery-disease.json"), ehr.token(BASE + VIEW))
                .body()).get("cards");
        JsonNode withSuggestion = StreamSupport.stream(cards.spliterator(), false)
                .filter(c -> c.path("suggestions").size() > 0).findFirst().orElseThrow();
        JsonNode other = StreamSupport.stream(cards.spliterator(), false).filter(c -> c != withSuggestion)
                .findFirst().orElseThrow();
        String path = VIEW + "/feedback";
        long before = lines(feedbackFile);
        String now = Instant.now().toString();
        String accepted = """
                {"feedback": [{"card": "%s", "outcome": "accepted",
                  "acceptedSuggestions": [{"id": "%s"}], "outcomeTimestamp": "%s"}]}"""
                .formatted(withSuggestion.path("uuid").asText(), withSuggestion.at("/suggestions/0/uuid").asText(), now);
        String overridden = """
                {"feedback": [{"card": "%s", "outcome": "overridden",
                  "overrideReason": {"reason": {"system": "https://legcds.org/override-reasons",
                    "code": "already-addressed"}, "userComment": "patient already imaged"},
                  "outcomeTimestamp": "%s"}]}""".formatted(other.path("uuid").asText(), now);
        String bad = "{\"feedback\": [{\"card\": \"x\", \"outcome\": \"liked\", \"outcomeTimestamp\": \"now\"}]}";

        // when it is sent
        assertEquals(200, post(path, accepted, ehr.token(BASE + path)).statusCode());
        assertEquals(200, post(path, overridden, ehr.token(BASE + path)).statusCode());
        HttpResponse<String> refused = post(path, bad, ehr.token(BASE + path));

        // then the good is kept once and the bad refused
        assertEquals(400, refused.statusCode());
        assertTrue(reason(refused).contains("card"), refused.body());
        List<String> kept = Files.readAllLines(feedbackFile);
        assertEquals(before + 2, kept.size());
        JsonNode last = JSON.readTree(kept.get(kept.size() - 1));
        assertEquals("overridden", last.path("outcome").asText());
        assertEquals(CdsHooksService.PATIENT_VIEW_ID, last.path("service").asText());
        assertEquals(409, post(path, overridden, ehr.token(BASE + path)).statusCode(), "feedback twice on a card");
    }

    // --- logs ---------------------------------------------------------------------------------------------------

    @Test
    void noTokenEverAppearsInTheLog() throws Exception {
        // given requests carrying tokens, accepted and refused, and an access token inside a malformed body
        post(VIEW, read("cauda-equina.json"), ehr.token(BASE + VIEW));
        get("/cds-services", ehr.token(BASE + "/wrong"));
        post(VIEW, "{\"fhirAuthorization\": {\"access_token\": \"secret-access-token-xyz\"", ehr.token(BASE + VIEW));

        // then the service's log holds none of them
        String log = Files.readString(Path.of("target", "service-test.log"));
        assertTrue(log.contains(VIEW), "the log file is not the service's log");
        for (String token : ehr.issuedTokens) {
            assertFalse(log.contains(token.substring(token.lastIndexOf('.') + 1)), "a token signature is in the log");
            assertFalse(log.contains(token.substring(0, token.indexOf('.', token.indexOf('.') + 1))),
                    "a token is in the log");
        }
        assertFalse(log.contains("secret-access-token-xyz"));
        assertFalse(log.contains("fhir-access-token-123"));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static void assertUnauthorized(HttpResponse<String> response, String because) throws IOException {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(reason(response).contains(because), () -> "reason '" + reason(response) + "' lacks " + because);
    }

    private static String reason(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).at("/issue/0/details/text").asText();
        } catch (IOException e) {
            return "(not an OperationOutcome: " + response.body() + ")";
        }
    }

    private static List<String> suggestionLabels(JsonNode response) {
        return StreamSupport.stream(response.get("cards").spliterator(), false)
                .flatMap(c -> StreamSupport.stream(c.path("suggestions").spliterator(), false))
                .map(s -> s.path("label").asText()).toList();
    }

    private static String read(String request) throws IOException {
        return Files.readString(Path.of("requests", request));
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(path))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String local(String path) {
        return "http://127.0.0.1:" + service.port() + path;
    }
}
