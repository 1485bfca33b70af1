package org.legcds.examples.cdshooks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.LegCds;
import org.legcds.fhir.FhirCaseReader;

/**
 * The service used as an EHR's browser client uses it (CORS preflight, then the call), and every attack of issue 12
 * that belongs to CORS, FHIR access, JWT, HTTP robustness, feedback and order-select: each refused with the right
 * status, and nothing ever sent to a FHIR server not on the allow-list. All servers listen on 127.0.0.1 only.
 */
class AttacksTest {

    private static final String BASE = "https://cds.example.org";
    private static final String VIEW = "/cds-services/" + CdsHooksService.PATIENT_VIEW_ID;
    private static final String ORDERS = "/cds-services/" + CdsHooksService.ORDER_SELECT_ID;
    private static final String SANDBOX = "https://sandbox.cds-hooks.org";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "ehr-access-token-must-stay-home";

    @TempDir
    static Path tmp;

    private static TestEhr ehr;
    private static TestEhr otherEhr;
    private static LocalFhirServer trusted;
    private static LocalFhirServer attacker;
    private static CdsHooksService service;
    private static Path feedbackFile;

    @BeforeAll
    static void start() throws Exception {
        ehr = new TestEhr();
        otherEhr = new TestEhr("https://other-ehr.example.org");
        trusted = new LocalFhirServer();
        attacker = new LocalFhirServer();
        feedbackFile = tmp.resolve("feedback.ndjson");
        ServiceConfig config = ServiceConfig.builder(URI.create(BASE)).port(0)
                .issuers(Map.of(TestEhr.ISSUER, ehr.jwksUrl(), otherEhr.issuer, otherEhr.jwksUrl()))
                .allowedOrigins(Set.of(SANDBOX))
                .fhirServers(List.of(URI.create(trusted.base()))).insecureDevHttpFhir(true)
                .feedbackFile(feedbackFile).build();
        service = new CdsHooksService(config, LegCds.packaged(), FhirCaseReader.standard(), Clock.systemUTC())
                .start();
    }

    @AfterAll
    static void stop() {
        service.close();
        trusted.close();
        attacker.close();
        ehr.close();
        otherEhr.close();
    }

    // --- 1. CORS: the browser's way --------------------------------------------------------------------------------

    @Test
    void aBrowserPreflightsThenCallsAndCanReadTheCards() throws Exception {
        // given the sandbox's preflight for a hook call with a JWT
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(local(VIEW))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", SANDBOX)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").build(),
                HttpResponse.BodyHandlers.ofString());

        // then it is answered without a token, allowing the origin, the method and both headers
        assertAll(
                () -> assertEquals(204, preflight.statusCode(), preflight.body()),
                () -> assertEquals(SANDBOX, header(preflight, "Access-Control-Allow-Origin")),
                () -> assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("POST")),
                () -> assertTrue(header(preflight, "Access-Control-Allow-Headers").toLowerCase()
                        .contains("authorization")),
                () -> assertTrue(header(preflight, "Access-Control-Allow-Headers").toLowerCase()
                        .contains("content-type")),
                () -> assertFalse(preflight.headers().firstValue("Access-Control-Allow-Credentials").isPresent()));

        // when the browser then calls the hook from that origin
        HttpResponse<String> call = send(post(VIEW, read("cauda-equina.json")).header("Origin", SANDBOX)
                .header("Authorization", "Bearer " + ehr.token(BASE + VIEW)));

        // then it may read the critical card
        assertEquals(200, call.statusCode(), call.body());
        assertEquals(SANDBOX, header(call, "Access-Control-Allow-Origin"));
        assertTrue(header(call, "Vary").contains("Origin"));
        assertEquals("critical", JSON.readTree(call.body()).at("/cards/0/indicator").asText());
    }

    @Test
    void aBrowserCanReadARefusalTooSoItIsNeverMistakenForNoRecommendations() throws Exception {
        HttpResponse<String> call = send(post(VIEW, read("cauda-equina.json")).header("Origin", SANDBOX));

        assertEquals(401, call.statusCode());
        assertEquals(SANDBOX, header(call, "Access-Control-Allow-Origin"));
        assertTrue(header(call, "Access-Control-Expose-Headers").contains("WWW-Authenticate"));
    }

    @Test
    void anOriginNotAllowedGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(local(VIEW))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> discovery = send(HttpRequest.newBuilder(local("/cds-services"))
                .header("Origin", "https://evil.example")
                .header("Authorization", "Bearer " + ehr.token(BASE + "/cds-services")));

        assertEquals(403, preflight.statusCode());
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals(200, discovery.statusCode()); // a server-to-server call with a JWT still works
        assertFalse(discovery.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    // --- cards: unique per response ------------------------------------------------------------------------------

    @Test
    void twoCallsWithTheSameDataGetCardsWithDifferentUuids() throws Exception {
        List<String> first = uuids(call(VIEW, read("cauda-equina.json")));
        List<String> second = uuids(call(VIEW, read("cauda-equina.json")));

        Set<String> shared = new HashSet<>(first);
        shared.retainAll(second);
        assertTrue(shared.isEmpty(), "uuids repeated across responses: " + shared);
        assertEquals(first.size(), new HashSet<>(first).size());
    }

    // --- 3. FHIR access ------------------------------------------------------------------------------------------

    @Test
    void aFhirServerNotOnTheAllowListIsNeverCalled() throws Exception {
        ObjectNode request = missingConditions(attacker.base(), TOKEN);
        attacker.answer(Map.of());

        HttpResponse<String> response = call412(request);

        assertTrue(reason(response).contains("not on this service's list"), response.body());
        assertTrue(attacker.received.isEmpty(), "the attacker's server was called: " + attacker.received);
    }

    @Test
    void lookalikeFhirServerUrlsAreRefused() throws Exception {
        attacker.answer(Map.of());
        trusted.answer(Map.of());
        String trustedHostPort = URI.create(trusted.base()).getAuthority();
        for (String lookalike : List.of(trusted.base() + ".evil", trusted.base() + "/../../attacker",
                "http://user@" + trustedHostPort + "/fhir", trusted.base() + "?x=" + attacker.base(),
                trusted.base().replace("127.0.0.1", "localhost"), "file:///etc/passwd", "not a url")) {
            HttpResponse<String> response = call(VIEW, missingConditions(lookalike, TOKEN).toString());
            assertEquals(412, response.statusCode(), lookalike + ": " + response.body());
        }
        assertTrue(attacker.received.isEmpty());
        assertTrue(trusted.received.isEmpty(), "a lookalike URL reached the trusted server: " + trusted.received);
    }

    @Test
    void anHttpFhirServerIsRefusedUnlessTheDevelopmentFlagAllowsIt() throws Exception {
        // a service configured for production: the allow-list must be https
        assertThrows(IllegalArgumentException.class, () -> ServiceConfig.builder(URI.create(BASE))
                .issuers(Map.of(TestEhr.ISSUER, ehr.jwksUrl())).fhirServers(List.of(URI.create(trusted.base())))
                .build());
        ServiceConfig strict = ServiceConfig.builder(URI.create(BASE)).port(0)
                .issuers(Map.of(TestEhr.ISSUER, ehr.jwksUrl()))
                .fhirServers(List.of(URI.create("https://ehr.example.org/fhir")))
                .feedbackFile(tmp.resolve("strict.ndjson")).build();
        trusted.answer(Map.of());
        try (CdsHooksService production = new CdsHooksService(strict, LegCds.packaged(), FhirCaseReader.standard(),
                Clock.systemUTC()).start()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + production.port() + VIEW))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + ehr.token(BASE + VIEW))
                    .POST(HttpRequest.BodyPublishers.ofString(missingConditions(trusted.base(), TOKEN).toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(412, response.statusCode(), response.body());
            assertTrue(reason(response).contains("https"), response.body());
        }
        assertTrue(trusted.received.isEmpty());
    }

    @Test
    void withoutAnAccessTokenNothingIsFetched() throws Exception {
        trusted.answer(Map.of());
        ObjectNode request = missingConditions(trusted.base(), null);

        HttpResponse<String> response = call412(request);

        assertTrue(reason(response).contains("anonymously"), response.body());
        assertTrue(trusted.received.isEmpty(), "an anonymous query was sent: " + trusted.received);
    }

    @Test
    void theTokenGoesOnlyToTheAllowListedServerAndNeverFollowsARedirect() throws Exception {
        trusted.answer(Map.of("/fhir/Condition?patient=ces-1",
                new LocalFhirServer.Answer(302, "", attacker.base() + "/Condition?patient=ces-1")));
        attacker.answer(Map.of());

        HttpResponse<String> response = call412(missingConditions(trusted.base(), TOKEN));

        assertEquals(1, trusted.received.size());
        assertEquals("Bearer " + TOKEN, trusted.received.get(0).authorization());
        assertTrue(attacker.received.isEmpty(), "the redirect was followed: " + attacker.received);
        assertFalse(response.body().contains("302"), response.body());
    }

    @Test
    void aNextPageLinkToAnotherServerIsNotFollowed() throws Exception {
        String page = """
                {"resourceType": "Bundle", "type": "searchset",
                 "link": [{"relation": "next", "url": "%s/Condition?patient=ces-1&page=2"}], "entry": []}"""
                .formatted(attacker.base());
        trusted.answer(Map.of("/fhir/Condition?patient=ces-1", LocalFhirServer.Answer.ok(page)));
        attacker.answer(Map.of());

        HttpResponse<String> response = call412(missingConditions(trusted.base(), TOKEN));

        assertTrue(reason(response).contains("another server"), response.body());
        assertTrue(attacker.received.isEmpty(), "the next link was followed: " + attacker.received);
    }

    @Test
    void aNextPageLinkOnTheSameServerIsFollowed() throws Exception {
        JsonNode conditions = JSON.readTree(read("cauda-equina.json")).at("/prefetch/conditions");
        String first = """
                {"resourceType": "Bundle", "type": "searchset",
                 "link": [{"relation": "next", "url": "%s/Condition?patient=ces-1&page=2"}]}""".formatted(trusted.base());
        trusted.answer(Map.of("/fhir/Condition?patient=ces-1", LocalFhirServer.Answer.ok(first),
                "/fhir/Condition?patient=ces-1&page=2", LocalFhirServer.Answer.ok(conditions.toString())));

        HttpResponse<String> response = call(VIEW, missingConditions(trusted.base(), TOKEN).toString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, trusted.received.size());
        assertTrue(trusted.received.stream().allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization())));
        assertEquals("critical", JSON.readTree(response.body()).at("/cards/0/indicator").asText());
    }

    @Test
    void whatTheRemoteServerAnsweredIsNotEchoed() throws Exception {
        trusted.answer(Map.of("/fhir/Condition?patient=ces-1", new LocalFhirServer.Answer(503,
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"exception\","
                        + "\"diagnostics\":\"internal-secret-db-host-42\"}]}", null)));

        HttpResponse<String> response = call412(missingConditions(trusted.base(), TOKEN));

        assertFalse(response.body().contains("503"), response.body());
        assertFalse(response.body().contains("internal-secret"), response.body());
        assertTrue(reason(response).contains("did not return the data"), response.body());
    }

    @Test
    void aPatientIdThatIsNotAFhirIdIsRefusedBeforeAnyQuery() throws Exception {
        trusted.answer(Map.of());
        for (String id : List.of("..", ".", "ces-1/../x", "ces-1?_format=xml", "x".repeat(65), "", "a b")) {
            ObjectNode request = missingConditions(trusted.base(), TOKEN);
            ((ObjectNode) request.get("context")).put("patientId", id);
            HttpResponse<String> response = call(VIEW, request.toString());
            assertEquals(400, response.statusCode(), "'" + id + "': " + response.body());
        }
        assertTrue(trusted.received.isEmpty(), "a query was sent: " + trusted.received);
    }

    @Test
    void theObservationPrefetchIsFetchedWithTheMappedCodesOnly() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        ((ObjectNode) request.get("prefetch")).remove("observations");
        request.put("fhirServer", trusted.base());
        request.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer");
        trusted.answer(Map.of());

        call(VIEW, request.toString());

        assertEquals(1, trusted.received.size());
        String query = trusted.received.get(0).pathAndQuery();
        assertTrue(query.startsWith("/fhir/Observation?patient=ces-1&code="), query);
        assertTrue(query.contains("http://loinc.org%7C4548-4"), query);
    }

    // --- 4. JWT -----------------------------------------------------------------------------------------------------

    @Test
    void aTokenWithoutKidIs401() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).build(),
                ehr.claims(TestEhr.ISSUER, BASE + "/cds-services", Instant.now().plusSeconds(60)).build());
        jwt.sign(new ECDSASigner(ehr.ecKey));

        assertUnauthorized(discovery(jwt.serialize()), "kid");
    }

    @Test
    void aTokenIssuedInTheFutureIs401() throws Exception {
        JWTClaimsSet claims = ehr.claims(TestEhr.ISSUER, BASE + "/cds-services", Instant.now().plusSeconds(240))
                .issueTime(Date.from(Instant.now().plusSeconds(120))).build();

        assertUnauthorized(discovery(ehr.sign(ehr.ecKey, JWSAlgorithm.ES384, claims)), "future");
    }

    @Test
    void aTokenValidForTenYearsIs401() throws Exception {
        JWTClaimsSet claims = ehr.claims(TestEhr.ISSUER, BASE + "/cds-services",
                Instant.now().plus(Duration.ofDays(3650))).build();

        assertUnauthorized(discovery(ehr.sign(ehr.ecKey, JWSAlgorithm.ES384, claims)), "lifetime");
    }

    @Test
    void theReplayCacheIsBoundedAndRefusesRatherThanForgets() throws Exception {
        ServiceConfig small = ServiceConfig.builder(URI.create(BASE)).port(0)
                .issuers(Map.of(TestEhr.ISSUER, ehr.jwksUrl())).replayCacheSize(2)
                .feedbackFile(tmp.resolve("small.ndjson")).build();
        try (CdsHooksService bounded = new CdsHooksService(small, LegCds.packaged(), FhirCaseReader.standard(),
                Clock.systemUTC()).start()) {
            URI url = URI.create("http://127.0.0.1:" + bounded.port() + "/cds-services");
            String first = ehr.token(BASE + "/cds-services");
            List<Integer> statuses = new ArrayList<>();
            for (String token : List.of(first, ehr.token(BASE + "/cds-services"), ehr.token(BASE + "/cds-services"),
                    first)) {
                statuses.add(HTTP.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            // two remembered; the third is refused while both are valid; the first is still a replay
            assertEquals(List.of(200, 200, 503, 401), statuses);
        }
    }

    // --- 5. HTTP ----------------------------------------------------------------------------------------------------

    @Test
    void aTextPlainBodyIs415() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(local(VIEW))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + ehr.token(BASE + VIEW))
                .POST(HttpRequest.BodyPublishers.ofString(read("cauda-equina.json"))));

        assertEquals(415, response.statusCode(), response.body());
    }

    @Test
    void jsonNestedAThousandDeepIs400() throws Exception {
        String deep = "{\"hook\": \"patient-view\", \"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}";
        String deepObjects = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);

        HttpResponse<String> arrays = call(VIEW, deep);
        HttpResponse<String> objects = call(VIEW, deepObjects);

        assertEquals(400, arrays.statusCode(), arrays.body());
        assertTrue(reason(arrays).contains("nested deeper"), arrays.body());
        assertEquals(400, objects.statusCode(), objects.body());
    }

    @Test
    void deepPrefetchJsonIs400Not500() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        String nested = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": "
                + "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": ".repeat(8)
                + "{\"resourceType\": \"Patient\", \"id\": \"ces-1\"}" + "}]}".repeat(8) + "}]}";
        ((ObjectNode) request.get("prefetch")).set("patient", JSON.readTree(nested));

        HttpResponse<String> response = call(VIEW, request.toString());

        assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
    }

    @Test
    void malformedBodiesAre400() throws Exception {
        for (String body : List.of("", "[]", "null", "{\"hook\": \"patient-view\"} trailing", "{\"hook\": 1}",
                "{\"hook\": \"patient-view\", \"hookInstance\": \"x\", \"context\": {\"patientId\": 5}}",
                "{\"hook\": \"patient-view\", \"hookInstance\": \"x\", \"context\": {\"patientId\": \"ces-1\"}, "
                        + "\"prefetch\": {\"patient\": {\"resourceType\": \"NoSuchType\"}}}",
                "{\"hook\": \"patient-view\", \"hookInstance\": \"x\", \"context\": {\"patientId\": \"ces-1\"}, "
                        + "\"prefetch\": {\"patient\": [1, 2]}}")) {
            HttpResponse<String> response = call(VIEW, body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
        }
    }

    // --- 5. feedback ----------------------------------------------------------------------------------------------

    @Test
    void feedbackOnACardThisServiceNeverIssuedIs400() throws Exception {
        HttpResponse<String> response = feedback(item(UUID.randomUUID().toString(), Instant.now()));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(reason(response).contains("this service issued"), response.body());
    }

    @Test
    void anotherEhrCannotGiveFeedbackOnCardsIssuedToTheFirst() throws Exception {
        String card = uuids(call(VIEW, read("peripheral-artery-disease.json"))).get(0);
        String path = VIEW + "/feedback";

        HttpResponse<String> response = send(post(path, item(card, Instant.now()).toString())
                .header("Authorization", "Bearer " + otherEhr.token(BASE + path)));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(200, feedback(item(card, Instant.now())).statusCode(), "the EHR it was issued to may");
    }

    @Test
    void feedbackDatedInTheYear9999OrBeforeTheCardIs400() throws Exception {
        String card = uuids(call(VIEW, read("peripheral-artery-disease.json"))).get(0);

        assertEquals(400, feedback(item(card, Instant.parse("9999-12-31T00:00:00Z"))).statusCode());
        assertEquals(400, feedback(item(card, Instant.now().minus(Duration.ofDays(1)))).statusCode());
        assertEquals(200, feedback(item(card, Instant.now())).statusCode());
    }

    @Test
    void aHugeCommentIsRefused() throws Exception {
        String card = uuids(call(VIEW, read("peripheral-artery-disease.json"))).get(0);
        ObjectNode huge = item(card, Instant.now());
        ((ObjectNode) huge.at("/feedback/0")).putObject("overrideReason").put("userComment", "x".repeat(4 << 20));
        ObjectNode overLimit = item(card, Instant.now());
        ((ObjectNode) overLimit.at("/feedback/0")).putObject("overrideReason")
                .put("userComment", "x".repeat(FeedbackLog.MAX_COMMENT + 1));

        HttpResponse<String> fourMebibytes = feedback(huge);
        HttpResponse<String> tooLong = feedback(overLimit);

        assertEquals(413, fourMebibytes.statusCode(), fourMebibytes.body());
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(reason(tooLong).contains("userComment"), tooLong.body());
        assertFalse(Files.exists(feedbackFile) && Files.readString(feedbackFile).contains(card));
    }

    @Test
    void twentyThousandItemsAreRefusedAndSoAreFiftyOne() throws Exception {
        String card = uuids(call(VIEW, read("peripheral-artery-disease.json"))).get(0);
        ObjectNode many = JSON.createObjectNode();
        for (int i = 0; i < 20_000; i++) {
            many.withArray("feedback").add(item(card, Instant.now()).at("/feedback/0"));
        }
        ObjectNode fiftyOne = JSON.createObjectNode();
        for (int i = 0; i < FeedbackLog.MAX_ITEMS + 1; i++) {
            fiftyOne.withArray("feedback").add(item(card, Instant.now()).at("/feedback/0"));
        }

        HttpResponse<String> twentyThousand = feedback(many);
        HttpResponse<String> justOver = feedback(fiftyOne);

        assertEquals(413, twentyThousand.statusCode(), twentyThousand.body()); // beyond the feedback body limit
        assertEquals(400, justOver.statusCode(), justOver.body());
        assertTrue(reason(justOver).contains("at most"), justOver.body());
    }

    @Test
    void anOverrideReasonTheCardDidNotOfferAndASuggestionItDidNotMakeAre400() throws Exception {
        JsonNode cards = JSON.readTree(call(VIEW, read("peripheral-artery-disease.json")).body()).get("cards");
        String card = cards.at("/0/uuid").asText();
        ObjectNode reason = item(card, Instant.now());
        ((ObjectNode) reason.at("/feedback/0")).putObject("overrideReason").putObject("reason")
                .put("system", "https://evil.example").put("code", "anything");
        ObjectNode accepted = item(card, Instant.now());
        ((ObjectNode) accepted.at("/feedback/0")).put("outcome", "accepted").putArray("acceptedSuggestions")
                .addObject().put("id", UUID.randomUUID().toString());

        assertEquals(400, feedback(reason).statusCode());
        assertEquals(400, feedback(accepted).statusCode());
    }

    @Test
    void theFeedbackFileIsBoundedAndAFullStoreIs507() throws Exception {
        Path small = tmp.resolve("small-feedback.ndjson");
        ServiceConfig config = ServiceConfig.builder(URI.create(BASE)).port(0)
                .issuers(Map.of(TestEhr.ISSUER, ehr.jwksUrl())).feedbackFile(small).feedbackMaxBytes(16 * 1024)
                .build();
        try (CdsHooksService bounded = new CdsHooksService(config, LegCds.packaged(), FhirCaseReader.standard(),
                Clock.systemUTC()).start()) {
            String local = "http://127.0.0.1:" + bounded.port();
            int status = 200;
            int accepted = 0;
            for (int i = 0; i < 40 && status == 200; i++) {
                // the cards of a fresh call, each answered with the longest comment accepted
                HttpResponse<String> cards = send(HttpRequest.newBuilder(URI.create(local + VIEW))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + ehr.token(BASE + VIEW))
                        .POST(HttpRequest.BodyPublishers.ofString(read("cauda-equina.json"))));
                ObjectNode request = JSON.createObjectNode();
                for (String card : uuids(cards).subList(0, 2)) {
                    ObjectNode one = item(card, Instant.now());
                    ((ObjectNode) one.at("/feedback/0")).putObject("overrideReason")
                            .put("userComment", "y".repeat(FeedbackLog.MAX_COMMENT));
                    request.withArray("feedback").add(one.at("/feedback/0"));
                }
                String path = VIEW + "/feedback";
                status = send(HttpRequest.newBuilder(URI.create(local + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + ehr.token(BASE + path))
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString()))).statusCode();
                accepted += status == 200 ? 1 : 0;
            }

            assertEquals(507, status);
            assertTrue(accepted >= 2, "accepted " + accepted);
            assertTrue(Files.size(small) <= 16 * 1024);
        }
    }

    // --- 7. order-select --------------------------------------------------------------------------------------------

    @Test
    void anAbiDraftedBySnomedOrCptCodeIsNotSuggestedAgain() throws Exception {
        for (String coding : List.of("{\"system\": \"http://snomed.info/sct\", \"code\": \"401221002\"}",
                "{\"system\": \"http://www.ama-assn.org/go/cpt\", \"code\": \"93922\"}")) {
            HttpResponse<String> response = call(ORDERS, orderSelect("peripheral-artery-disease.json", coding,
                    "ServiceRequest/draft-1").toString());

            assertEquals(200, response.statusCode(), response.body());
            assertFalse(suggestionLabels(JSON.readTree(response.body())).stream()
                    .anyMatch(l -> l.startsWith("Order: Ankle-brachial index")), coding + ": " + response.body());
        }
        // and an unrelated draft leaves the suggestion in place
        HttpResponse<String> unrelated = call(ORDERS, orderSelect("peripheral-artery-disease.json",
                "{\"system\": \"http://snomed.info/sct\", \"code\": \"168537006\"}", "ServiceRequest/draft-1")
                .toString());
        assertTrue(suggestionLabels(JSON.readTree(unrelated.body())).stream()
                .anyMatch(l -> l.startsWith("Order: Ankle-brachial index")), unrelated.body());
    }

    @Test
    void selectionsMustNameDraftOrders() throws Exception {
        ObjectNode unknown = orderSelect("peripheral-artery-disease.json",
                "{\"system\": \"http://snomed.info/sct\", \"code\": \"401221002\"}", "ServiceRequest/not-drafted");
        ObjectNode missing = orderSelect("peripheral-artery-disease.json",
                "{\"system\": \"http://snomed.info/sct\", \"code\": \"401221002\"}", "ServiceRequest/draft-1");
        ((ObjectNode) missing.get("context")).remove("selections");

        HttpResponse<String> first = call(ORDERS, unknown.toString());
        HttpResponse<String> second = call(ORDERS, missing.toString());

        assertEquals(400, first.statusCode(), first.body());
        assertTrue(reason(first).contains("not-drafted"), first.body());
        assertEquals(400, second.statusCode(), second.body());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static ObjectNode orderSelect(String example, String coding, String selection) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(read(example));
        request.put("hook", "order-select");
        String patient = request.at("/context/patientId").asText();
        ObjectNode context = (ObjectNode) request.get("context");
        context.set("draftOrders", JSON.readTree("""
                {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
                  "resourceType": "ServiceRequest", "id": "draft-1", "status": "draft", "intent": "order",
                  "code": {"coding": [%s]}, "subject": {"reference": "Patient/%s"}}}]}""".formatted(coding, patient)));
        context.putArray("selections").add(selection);
        return request;
    }

    private static ObjectNode item(String card, Instant when) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("feedback").addObject().put("card", card).put("outcome", "overridden")
                .put("outcomeTimestamp", when.toString());
        return request;
    }

    private static HttpResponse<String> feedback(JsonNode request) throws Exception {
        String path = VIEW + "/feedback";
        return send(post(path, request.toString()).header("Authorization", "Bearer " + ehr.token(BASE + path)));
    }

    /** The cauda-equina request without its conditions prefetch, pointing at a FHIR server. */
    private static ObjectNode missingConditions(String fhirServer, String token) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(read("cauda-equina.json"));
        ((ObjectNode) request.get("prefetch")).remove("conditions");
        request.put("fhirServer", fhirServer);
        if (token != null) {
            request.putObject("fhirAuthorization").put("access_token", token).put("token_type", "Bearer")
                    .put("expires_in", 300).put("scope", "user/Condition.read").put("subject", "legcds");
        }
        return request;
    }

    private static HttpResponse<String> call412(ObjectNode request) throws Exception {
        HttpResponse<String> response = call(VIEW, request.toString());
        assertEquals(412, response.statusCode(), response.body());
        assertFalse(response.body().contains(TOKEN));
        return response;
    }

    private static HttpResponse<String> call(String path, String body) throws Exception {
        return send(post(path, body).header("Authorization", "Bearer " + ehr.token(BASE + path)));
    }

    private static HttpResponse<String> discovery(String token) throws Exception {
        return send(HttpRequest.newBuilder(local("/cds-services")).header("Authorization", "Bearer " + token));
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(local(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI local(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static void assertUnauthorized(HttpResponse<String> response, String because) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(reason(response).contains(because), () -> "reason '" + reason(response) + "' lacks " + because);
    }

    private static String reason(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).at("/issue/0/details/text").asText();
        } catch (IOException e) {
            return "(not an OperationOutcome: " + response.body() + ")";
        }
    }

    private static List<String> uuids(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return StreamSupport.stream(JSON.readTree(response.body()).get("cards").spliterator(), false)
                .map(c -> c.path("uuid").asText()).toList();
    }

    private static List<String> suggestionLabels(JsonNode response) {
        return StreamSupport.stream(response.get("cards").spliterator(), false)
                .flatMap(c -> StreamSupport.stream(c.path("suggestions").spliterator(), false))
                .map(s -> s.path("label").asText()).toList();
    }

    private static String read(String request) throws IOException {
        return Files.readString(Path.of("requests", request));
    }
}
