package org.legcds.examples.cdshooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.cdshooks.CardsResponse;
import org.legcds.cdshooks.CdsCards;
import org.legcds.fhir.FhirCaseReader;
import org.legcds.fhir.FhirReading;
import org.legcds.problems.InvalidCaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDS Hooks 2.0 service over HTTP (Javalin): discovery, one service per hook, feedback. CORS is answered first
 * (a browser's preflight carries no token); every other request is authenticated (unless the development flag turned
 * that off); a POST must be {@code application/json} (415 otherwise) and a JSON object no deeper than
 * {@value #MAX_JSON_DEPTH} levels (400 otherwise). Errors are answered with an OperationOutcome naming the reason.
 * Logs record method, path, status and time: never a header, a token or a body.
 */
final class CdsHooksService implements AutoCloseable {

    static final String PATIENT_VIEW_ID = "legcds-leg-pain";
    static final String ORDER_SELECT_ID = "legcds-leg-pain-orders";
    private static final Map<String, String> HOOKS = Map.of(PATIENT_VIEW_ID, "patient-view",
            ORDER_SELECT_ID, "order-select");

    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksService.class);

    /** The deepest JSON accepted: a CDS Hooks request with FHIR prefetch is far shallower. */
    static final int MAX_JSON_DEPTH = 100;
    private static final String ISSUER = "legcds.issuer";
    /** The largest feedback body: {@value FeedbackLog#MAX_ITEMS} items of {@value FeedbackLog#MAX_ITEM_BYTES} bytes. */
    private static final long FEEDBACK_MAX_BYTES = (long) FeedbackLog.MAX_ITEMS * FeedbackLog.MAX_ITEM_BYTES;

    private final ServiceConfig config;
    private final LegCds engine;
    private final FhirCaseReader reader;
    private final Clock clock;
    private final ClientAuthenticator authenticator;
    private final Prefetch prefetch;
    private final IssuedCards issued;
    private final FeedbackLog feedback;
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private Javalin app;

    /**
     * @param clock the only clock: the evaluation date of an assessment is the date of the request in its zone
     */
    CdsHooksService(ServiceConfig config, LegCds engine, FhirCaseReader reader, Clock clock) {
        this.config = config;
        this.engine = engine;
        this.reader = reader;
        this.clock = clock;
        this.authenticator = new ClientAuthenticator(config.issuers(), clock, config.maxTokenLifetime(),
                config.replayCacheSize());
        this.prefetch = new Prefetch(config);
        this.issued = new IssuedCards(config.issuedCardsKept());
        this.feedback = new FeedbackLog(config.feedbackFile(), config.feedbackMaxBytes(), clock, json, issued);
    }

    /** Starts listening; returns this. */
    CdsHooksService start() {
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.requestLogger.http((ctx, ms) -> LOG.info("{} {} -> {} in {} ms", ctx.method(), ctx.path(),
                    ctx.statusCode(), Math.round(ms)));
            c.jetty.defaultHost = config.host();
            if (config.tlsKeystore() != null) {
                c.jetty.addConnector((server, http) -> {
                    SslContextFactory.Server tls = new SslContextFactory.Server();
                    tls.setKeyStorePath(config.tlsKeystore().toAbsolutePath().toString());
                    tls.setKeyStorePassword(config.tlsKeystorePassword());
                    tls.setKeyStoreType("PKCS12");
                    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.addCustomizer(new SecureRequestCustomizer());
                    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                            new HttpConnectionFactory(https));
                    connector.setHost(config.host());
                    connector.setPort(config.port());
                    return connector;
                });
            }
        });
        app.before(this::cors);
        app.before(this::authenticate);
        app.before(this::requireJson);
        for (String path : List.of("/cds-services", "/cds-services/{id}", "/cds-services/{id}/feedback")) {
            app.options(path, this::preflight);
        }
        app.get("/cds-services", ctx -> ok(ctx, discovery()));
        app.post("/cds-services/{id}", this::call);
        app.post("/cds-services/{id}/feedback", this::feedback);
        app.exception(HttpProblem.class, (e, ctx) -> problem(ctx, e.status(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected {} on {} {}", e.getClass().getName(), ctx.method(), ctx.path());
            LOG.debug("unexpected failure", e);
            problem(ctx, 500, "internal error");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                problem(ctx, 404, "no such endpoint: " + ctx.path());
            }
        });
        if (config.insecureDevNoJwt()) {
            LOG.warn("--insecure-dev-no-jwt: requests are NOT authenticated. Never use this with patient data.");
        }
        warmUp();
        app.start(config.host(), config.port());
        LOG.info("CDS Hooks service on {}:{} ({}); discovery at {}", config.host(), app.port(),
                config.tlsKeystore() == null ? "plain HTTP: put a TLS reverse proxy in front" : "HTTPS",
                config.url("/cds-services"));
        return this;
    }

    /** The first request should not pay for class loading: parse FHIR and assess once before listening. */
    private void warmUp() {
        Bundle bundle = prefetch.fhir().newJsonParser().parseResource(Bundle.class, """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "warm-up"}},
                  {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/warm-up"}}},
                  {"resource": {"resourceType": "Observation", "status": "final", "code": {"text": "-"}}},
                  {"resource": {"resourceType": "MedicationRequest", "status": "active", "intent": "order"}},
                  {"resource": {"resourceType": "MedicationStatement", "status": "active"}},
                  {"resource": {"resourceType": "ServiceRequest", "status": "draft", "intent": "order"}}]}""");
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        FhirReading reading = reader.read(resources.subList(0, 1), LocalDate.now(clock));
        CdsCards.toJson(CdsCards.from(engine.assess(reading.patientCase()), "warm-up"));
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    // --- endpoints ----------------------------------------------------------------------------------------------

    /**
     * CORS (https://cds-hooks.hl7.org/2.0/#cross-origin-resource-sharing): a browser from an allowed origin may read
     * every answer, errors included, so that a refusal never looks like "no recommendations". No credentials are
     * allowed: the JWT, not a cookie, authenticates.
     */
    private void cors(Context ctx) {
        String origin = ctx.header("Origin");
        ctx.header("Vary", "Origin");
        if (origin != null && allowedOrigin(origin)) {
            ctx.header("Access-Control-Allow-Origin", config.allowedOrigins().contains("*") ? "*" : origin);
            ctx.header("Access-Control-Expose-Headers", "WWW-Authenticate");
        }
    }

    private boolean allowedOrigin(String origin) {
        return config.allowedOrigins().contains("*") || config.allowedOrigins().contains(origin);
    }

    /** A browser's preflight: allowed origins learn what they may send; others get 403 and no CORS headers. */
    private void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || ctx.header("Access-Control-Request-Method") == null) {
            ctx.status(204).header("Allow", "GET, POST, OPTIONS");
            return;
        }
        if (!allowedOrigin(origin)) {
            throw new HttpProblem(403, "origin not allowed");
        }
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
        if ("true".equals(ctx.header("Access-Control-Request-Private-Network"))) {
            // a public page (the CDS Hooks sandbox) calling a service on this machine or network
            ctx.header("Access-Control-Allow-Private-Network", "true");
        }
        ctx.status(204);
    }

    private void authenticate(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return; // a preflight carries no Authorization header, by design of CORS
        }
        if (!config.insecureDevNoJwt()) {
            ctx.attribute(ISSUER, authenticator.authenticate(ctx.header("Authorization"), config.url(ctx.path()))
                    .getIssuer());
        }
    }

    /** A POST body is JSON, and says so: 415 otherwise (a text/plain body is what a cross-site form can send). */
    private void requireJson(Context ctx) {
        if (ctx.method() != HandlerType.POST) {
            return;
        }
        String type = ctx.header("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpProblem(415, "the request body must be sent as Content-Type: application/json");
        }
    }

    private String issuer(Context ctx) {
        String issuer = ctx.attribute(ISSUER);
        return issuer == null ? "" : issuer;
    }

    private ObjectNode discovery() {
        ObjectNode body = json.createObjectNode();
        ArrayNode services = body.putArray("services");
        services.add(service(PATIENT_VIEW_ID, "patient-view", "Leg pain decision support",
                "Explainable decision support for bilateral leg pain: red flags, checks left open by unknown findings, "
                        + "the differential with its evidence, and next steps (legcds)."));
        services.add(service(ORDER_SELECT_ID, "order-select", "Leg pain decision support while ordering",
                "legcds while orders are drafted: suggests the tests the assessment recommends and are not yet "
                        + "drafted, and warns when an emergency red flag stands."));
        return body;
    }

    private ObjectNode service(String id, String hook, String title, String description) {
        ObjectNode service = json.createObjectNode();
        service.put("hook", hook);
        service.put("title", title);
        service.put("description", description);
        service.put("id", id);
        ObjectNode templates = service.putObject("prefetch");
        Prefetch.TEMPLATES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> templates.put(e.getKey(), e.getValue()));
        service.put("usageRequirements", "Decision support for clinicians, not a diagnosis. Needs the patient, "
                + "conditions, observations and medications (prefetch, or fhirServer with fhirAuthorization).");
        return service;
    }

    private void call(Context ctx) {
        String id = ctx.pathParam("id");
        String hook = HOOKS.get(id);
        if (hook == null) {
            throw new HttpProblem(404, "no CDS service '" + id + "'");
        }
        JsonNode request = body(ctx);
        if (!hook.equals(request.path("hook").asText())) {
            throw HttpProblem.badRequest("hook must be '" + hook + "' for service " + id + ", but is "
                    + (request.path("hook").isTextual() ? "'" + request.path("hook").asText() + "'" : "missing"));
        }
        if (!request.path("hookInstance").isTextual() || request.path("hookInstance").asText().isBlank()) {
            throw HttpProblem.badRequest("hookInstance is required");
        }
        JsonNode context = request.path("context");
        if (!context.isObject()) {
            throw HttpProblem.badRequest("context must be an object");
        }
        String patientId = Prefetch.checkedPatientId(context.path("patientId").isTextual()
                ? context.path("patientId").asText() : null);
        Bundle draftOrders = hook.equals("order-select") ? draftOrders(context) : null;

        List<Resource> resources = prefetch.resources(request, patientId);
        LocalDate evaluationDate = LocalDate.now(clock);
        FhirReading reading;
        try {
            reading = reader.read(resources, evaluationDate);
        } catch (InvalidCaseException e) {
            throw HttpProblem.badRequest("the FHIR data cannot form a case: " + e.getMessage());
        }
        if (!patientId.equals(reading.patientCase().patient().id())) { // never cards about one patient for another
            throw HttpProblem.badRequest("the prefetched Patient is not context.patientId '" + patientId + "'");
        }
        if (!CdsCards.relevant(reading.patientCase(), engine.vocabulary())) {
            // no presentation the knowledge base is for (rules/vocabulary/presentations.yaml): quiet, not "all clear"
            issued.remember(id, issuer(ctx), clock.instant(), CdsCards.none());
            ctx.status(200).contentType("application/json").result(CdsCards.toJson(CdsCards.none()));
            return;
        }
        Assessment assessment = engine.assess(reading.patientCase());
        List<String> unread = reading.issues().stream()
                .map(i -> i.resource() + " " + i.field() + ": " + i.problem()).toList();
        // a fresh seed per response: every card uuid is this response's own, which feedback needs
        CardsResponse cards = CdsCards.from(assessment, patientId, unread, UUID.randomUUID().toString());
        if (draftOrders != null) {
            cards = OrderSelect.adjust(cards, assessment, draftOrders, selections(context, draftOrders));
        }
        issued.remember(id, issuer(ctx), clock.instant(), cards);
        ctx.status(200).contentType("application/json").result(CdsCards.toJson(cards));
    }

    private Bundle draftOrders(JsonNode context) {
        JsonNode orders = context.path("draftOrders");
        if (!orders.isObject() || !"Bundle".equals(orders.path("resourceType").asText())) {
            throw HttpProblem.badRequest("context.draftOrders must be a FHIR Bundle for order-select");
        }
        try {
            return prefetch.fhir().newJsonParser().parseResource(Bundle.class, orders.toString());
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("context.draftOrders is not a FHIR R4 Bundle: " + e.getMessage());
        }
    }

    /**
     * {@code context.selections}: the orders just selected, each a reference to a resource in
     * {@code context.draftOrders} (400 otherwise).
     */
    private static List<Resource> selections(JsonNode context, Bundle draftOrders) {
        JsonNode selections = context.path("selections");
        if (!selections.isArray() || selections.isEmpty()) {
            throw HttpProblem.badRequest("context.selections must be a non-empty array of references to draftOrders");
        }
        List<Resource> selected = new java.util.ArrayList<>();
        for (JsonNode selection : selections) {
            String reference = selection.asText("");
            Resource found = !selection.isTextual() ? null : draftOrders.getEntry().stream()
                    .filter(Bundle.BundleEntryComponent::hasResource).map(Bundle.BundleEntryComponent::getResource)
                    .filter(r -> r.hasIdElement() && reference.equals(r.fhirType() + "/" + r.getIdElement().getIdPart()))
                    .findFirst().orElse(null);
            if (found == null) {
                throw HttpProblem.badRequest("context.selections names '" + HttpProblem.quoted(reference)
                        + "', which is not in context.draftOrders");
            }
            selected.add(found);
        }
        return selected;
    }

    private void feedback(Context ctx) {
        String id = ctx.pathParam("id");
        if (!HOOKS.containsKey(id)) {
            throw new HttpProblem(404, "no CDS service '" + id + "'");
        }
        int kept;
        try {
            kept = feedback.append(id, issuer(ctx), body(ctx, Math.min(config.maxBodyBytes(), FEEDBACK_MAX_BYTES)));
        } catch (HttpProblem e) {
            if (e.status() == 507) {
                LOG.error("feedback refused: the feedback file {} reached its size limit", config.feedbackFile());
            }
            throw e;
        }
        LOG.info("kept {} feedback item(s) for {}", kept, id);
        ctx.status(200);
    }

    // --- request and response bodies ----------------------------------------------------------------------------

    /** The body as JSON, read up to the size limit: 413 beyond it, 400 with the reason when it is not JSON. */
    private JsonNode body(Context ctx) {
        return body(ctx, config.maxBodyBytes());
    }

    private JsonNode body(Context ctx, long limit) {
        if (ctx.req().getContentLengthLong() > limit) {
            throw new HttpProblem(413, "request body larger than " + limit + " bytes");
        }
        byte[] bytes;
        try {
            bytes = ctx.req().getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limit) {
            throw new HttpProblem(413, "request body larger than " + limit + " bytes");
        }
        if (bytes.length == 0) {
            throw HttpProblem.badRequest("the request body is empty; a JSON object is required");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            // the parser's own message without the text it quotes: a malformed body may carry a token
            String reason = e instanceof StreamConstraintsException
                    ? "nested deeper than " + MAX_JSON_DEPTH + " levels, or beyond another parser limit"
                    : String.valueOf(e.getOriginalMessage()).replaceAll("'[^']*'", "'...'")
                    .replaceAll("\"[^\"]*\"", "\"...\"").lines().findFirst().orElse("malformed");
            throw HttpProblem.badRequest("malformed JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()) + ": " + reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!node.isObject()) {
            throw HttpProblem.badRequest("the request body must be a JSON object");
        }
        return node;
    }

    private void ok(Context ctx, JsonNode body) {
        ctx.status(200).contentType("application/json").result(body.toString());
    }

    private void problem(Context ctx, int status, String reason) {
        ObjectNode outcome = json.createObjectNode();
        outcome.put("resourceType", "OperationOutcome");
        ObjectNode issue = outcome.putArray("issue").addObject();
        issue.put("severity", "error");
        issue.put("code", switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "duplicate";
            case 415 -> "not-supported";
            case 503, 507 -> "transient";
            case 413 -> "too-costly";
            case 412 -> "incomplete";
            case 500 -> "exception";
            default -> "invalid";
        });
        issue.putObject("details").put("text", reason);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        ctx.status(status).contentType("application/fhir+json").result(outcome.toString());
    }
}
