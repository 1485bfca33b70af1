package org.legcds.examples.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR data the service needs: its prefetch templates, reading what the EHR prefetched, and fetching what it did
 * not from the EHR's FHIR server (with the bearer token the EHR passed), as CDS Hooks describes
 * (https://cds-hooks.hl7.org/2.0/#providing-fhir-resources-to-a-cds-service). Thread-safe.
 */
final class Prefetch {

    /** Prefetch key to FHIR query template, as announced in discovery. */
    static final Map<String, String> TEMPLATES = templates();

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final int MAX_PAGES = 20;

    private final FhirContext fhir = FhirContext.forR4Cached();

    Prefetch() {
        IRestfulClientFactory factory = fhir.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER); // no /metadata round trip per request
        factory.setConnectTimeout(5_000);
        factory.setSocketTimeout(10_000);
    }

    private static Map<String, String> templates() {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("patient", "Patient/{{context.patientId}}");
        templates.put("conditions", "Condition?patient={{context.patientId}}");
        templates.put("observations", "Observation?patient={{context.patientId}}");
        templates.put("medications", "MedicationRequest?patient={{context.patientId}}");
        templates.put("medicationStatements", "MedicationStatement?patient={{context.patientId}}");
        return Map.copyOf(templates);
    }

    /** Checks a patient id before it goes into a FHIR query. */
    static String checkedPatientId(String patientId) {
        if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
            throw HttpProblem.badRequest("context.patientId must be a FHIR id (letters, digits, '-' and '.', at most "
                    + "64), but is " + (patientId == null ? "missing" : "'" + patientId + "'"));
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
                } catch (DataFormatException | ClassCastException e) {
                    throw HttpProblem.badRequest("prefetch." + key + " is not a FHIR R4 resource: " + e.getMessage());
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

    private List<Resource> fetch(JsonNode request, String patientId, List<String> keys) {
        String server = request.path("fhirServer").asText("");
        if (server.isBlank()) {
            throw new HttpProblem(412, "prefetch " + keys + " missing and no fhirServer to fetch it from");
        }
        URI base;
        try {
            base = URI.create(server);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("fhirServer is not a URL");
        }
        if (!base.isAbsolute() || !List.of("http", "https").contains(base.getScheme())) {
            throw HttpProblem.badRequest("fhirServer must be an absolute http(s) URL");
        }
        IGenericClient client = fhir.newRestfulGenericClient(server);
        JsonNode authorization = request.path("fhirAuthorization");
        String token = authorization.path("access_token").asText("");
        if (!token.isBlank()) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        List<Resource> fetched = new ArrayList<>();
        for (String key : keys) {
            String query = TEMPLATES.get(key).replace("{{context.patientId}}", patientId);
            try {
                if (query.startsWith("Patient/")) {
                    fetched.add(client.read().resource(Patient.class).withId(patientId).execute());
                } else {
                    Bundle page = client.search().byUrl(query).returnBundle(Bundle.class).execute();
                    for (int pages = 1; page != null; pages++) {
                        addFlattened(page, fetched);
                        page = page.getLink(Bundle.LINK_NEXT) == null || pages >= MAX_PAGES ? null
                                : client.loadPage().next(page).execute();
                    }
                }
            } catch (BaseServerResponseException e) {
                throw new HttpProblem(412, "prefetch " + key + " missing and the FHIR server answered "
                        + e.getStatusCode() + " to the " + query.split("[/?]")[0] + " query");
            } catch (RuntimeException e) { // connection refused, timeout, not FHIR
                throw new HttpProblem(412, "prefetch " + key + " missing and the FHIR server could not be read ("
                        + e.getClass().getSimpleName() + ")");
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
