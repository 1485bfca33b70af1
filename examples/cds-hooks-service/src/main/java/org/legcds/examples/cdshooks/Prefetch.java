package org.legcds.examples.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR data the service needs: its prefetch templates (generated from the library's code maps), reading what the
 * EHR prefetched, and fetching what it did not from the EHR's FHIR server (allow-listed, with the bearer token the EHR
 * passed, see {@link FhirFetcher}), as CDS Hooks describes
 * (https://cds-hooks.hl7.org/2.0/#providing-fhir-resources-to-a-cds-service). Thread-safe.
 */
final class Prefetch {

    /** Prefetch key to FHIR query template, as announced in discovery: generated from the library's code maps. */
    static final Map<String, String> TEMPLATES = PrefetchTemplates.fromPackagedMaps();

    /** A FHIR id (http://hl7.org/fhir/R4/datatypes.html#id), and not one made of dots only ({@code ..}). */
    private static final Pattern FHIR_ID = Pattern.compile("(?=.*[A-Za-z0-9-])[A-Za-z0-9\\-.]{1,64}");

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final FhirFetcher fetcher;

    Prefetch(ServiceConfig config) {
        this.fetcher = new FhirFetcher(config, fhir);
    }

    /** Checks a patient id before it goes into a FHIR query or a card: 400 unless it is a FHIR id. */
    static String checkedPatientId(String patientId) {
        if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
            throw HttpProblem.badRequest("context.patientId must be a FHIR id (letters, digits, '-' and '.', at most "
                    + "64, not dots only), but is " + (patientId == null ? "missing"
                    : "'" + HttpProblem.quoted(patientId) + "'"));
        }
        return patientId;
    }

    /**
     * The resources for a request: the prefetched ones, plus what is fetched for each template the EHR did not satisfy
     * (a missing key, or an OperationOutcome in its place).
     *
     * @throws HttpProblem 400 for prefetch that is not FHIR; 412 when data is missing and cannot be fetched
     */
    List<Resource> resources(JsonNode request, String patientId) {
        JsonNode prefetch = request.path("prefetch");
        if (!prefetch.isMissingNode() && !prefetch.isObject()) {
            throw HttpProblem.badRequest("prefetch must be an object");
        }
        IParser parser = fhir.newJsonParser();
        List<Resource> resources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : TEMPLATES.keySet()) {
            JsonNode value = prefetch.get(key);
            if (value == null) {
                missing.add(key);
            } else if (!value.isNull()) { // null: the EHR has no data for this template
                IBaseResource parsed;
                try {
                    parsed = parser.parseResource(value.toString());
                } catch (RuntimeException e) {
                    throw HttpProblem.badRequest("prefetch." + key + " is not a FHIR R4 resource: "
                            + HttpProblem.quoted(String.valueOf(e.getMessage())));
                }
                if (parsed instanceof OperationOutcome) {
                    missing.add(key);
                } else {
                    addFlattened(parsed, resources);
                }
            }
        }
        if (!missing.isEmpty()) {
            resources.addAll(fetch(request, patientId, missing));
        }
        return resources;
    }

    /**
     * Fetches the templates the EHR did not satisfy: only from an allow-listed {@code fhirServer}, only with the
     * access token the EHR passed for it (never anonymously), and 412 without the remote answer when it fails.
     */
    private List<Resource> fetch(JsonNode request, String patientId, List<String> keys) {
        JsonNode server = request.path("fhirServer");
        if (!server.isTextual() || server.asText().isBlank()) {
            throw new HttpProblem(412, "prefetch " + keys + " missing and no fhirServer to fetch it from");
        }
        JsonNode authorization = request.path("fhirAuthorization");
        String token = authorization.path("access_token").isTextual() ? authorization.path("access_token").asText()
                : "";
        if (token.isBlank() || !"bearer".equalsIgnoreCase(authorization.path("token_type").asText("Bearer"))) {
            throw new HttpProblem(412, "prefetch " + keys + " missing and no fhirAuthorization bearer token to fetch "
                    + "it with (this service does not query FHIR servers anonymously)");
        }
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw HttpProblem.badRequest("fhirAuthorization.access_token must be printable ASCII without spaces");
        }
        URI base = fetcher.allowedServer(server.asText());
        List<Resource> fetched = new ArrayList<>();
        for (String key : keys) {
            String query = TEMPLATES.get(key).replace("{{context.patientId}}", patientId);
            try {
                fetched.addAll(fetcher.read(base, query, token));
            } catch (FhirFetcher.FetchFailed e) {
                throw new HttpProblem(412, "prefetch " + key + " missing and not fetched: " + e.getMessage());
            }
        }
        return fetched;
    }

    private static void addFlattened(IBaseResource resource, List<Resource> into) {
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.hasResource()) {
                    addFlattened(entry.getResource(), into);
                }
            }
        } else if (resource instanceof Resource r && !(r instanceof OperationOutcome)) {
            into.add(r);
        }
    }

    /** The FHIR context (thread-safe, shared). */
    FhirContext fhir() {
        return fhir;
    }
}
