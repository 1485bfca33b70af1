package org.legcds.examples.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads FHIR resources from an EHR's FHIR server with the EHR's access token, and sends that token nowhere else:
 * the server must be on the configured allow-list (https unless a development flag allows http), redirects are never
 * followed (a redirect would carry the token elsewhere), a {@code next} page link is followed only when it lies under
 * the same server, responses are read up to a size limit, and a failure is reported without what the server answered
 * (its status goes to the log, not to the caller). Thread-safe.
 */
final class FhirFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(FhirFetcher.class);
    private static final int MAX_PAGES = 20;

    private final ServiceConfig config;
    private final FhirContext fhir;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    FhirFetcher(ServiceConfig config, FhirContext fhir) {
        this.config = config;
        this.fhir = fhir;
    }

    /** Why a FHIR read failed, safe to tell the caller: never the remote answer. */
    static final class FetchFailed extends Exception {
        FetchFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Checks a request's {@code fhirServer} against the allow-list.
     *
     * @return the server's base URL
     * @throws HttpProblem 412 naming why it may not be used
     */
    URI allowedServer(String fhirServer) {
        URI requested;
        try {
            requested = new URI(fhirServer);
        } catch (java.net.URISyntaxException e) {
            throw new HttpProblem(412, "fhirServer is not a URL");
        }
        if (!"https".equalsIgnoreCase(requested.getScheme())
                && !("http".equalsIgnoreCase(requested.getScheme()) && config.insecureDevHttpFhir())) {
            throw new HttpProblem(412, "fhirServer must be an https URL");
        }
        URI allowed;
        try {
            allowed = config.allowedFhirServer(requested);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(412, "fhirServer is not an acceptable FHIR base URL: " + e.getMessage());
        }
        if (allowed == null) {
            throw new HttpProblem(412, "fhirServer is not on this service's list of FHIR servers, so the data was "
                    + "not fetched and the access token not used");
        }
        return URI.create(fhirServer.endsWith("/") ? fhirServer.substring(0, fhirServer.length() - 1) : fhirServer);
    }

    /**
     * Runs one query ({@code Patient/1}, {@code Condition?patient=1}) against an allow-listed server and returns the
     * resources, following {@code next} pages on the same server.
     */
    List<Resource> read(URI server, String query, String accessToken) throws FetchFailed {
        List<Resource> resources = new ArrayList<>();
        URI url = url(server, query);
        for (int page = 1; url != null; page++) {
            IBaseResource parsed = get(server, url, accessToken);
            url = null;
            if (parsed instanceof Bundle bundle) {
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    if (entry.hasResource()) {
                        resources.add(entry.getResource());
                    }
                }
                Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
                if (next != null && next.hasUrl()) {
                    if (page >= MAX_PAGES) {
                        throw new FetchFailed("more than " + MAX_PAGES + " pages");
                    }
                    url = sameServer(server, next.getUrl());
                }
            } else if (parsed instanceof Resource resource) {
                resources.add(resource);
            }
        }
        return resources;
    }

    /** The URL of a query under the server, its query string quoted where URI syntax needs it ({@code |}). */
    private static URI url(URI server, String query) throws FetchFailed {
        String[] parts = query.split("\\?", 2);
        try {
            return new URI(server.getScheme(), server.getRawAuthority(), server.getPath() + "/" + parts[0],
                    parts.length > 1 ? parts[1] : null, null);
        } catch (java.net.URISyntaxException e) {
            throw new FetchFailed("the query could not be formed");
        }
    }

    /** A next-page link, only when it is under the same server: the token must not follow a link elsewhere. */
    private static URI sameServer(URI server, String link) throws FetchFailed {
        URI next;
        try {
            next = new URI(link);
        } catch (java.net.URISyntaxException e) {
            throw new FetchFailed("a next-page link is not a URL");
        }
        URI base = ServiceConfig.normalised(server);
        URI asked;
        try {
            asked = ServiceConfig.normalised(new URI(next.getScheme(), next.getAuthority(), next.getPath(), null,
                    null));
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            throw new FetchFailed("a next-page link is not on the FHIR server");
        }
        if (!asked.toString().equals(base.toString()) && !asked.toString().startsWith(base + "/")) {
            throw new FetchFailed("a next-page link points to another server; it was not followed");
        }
        return next;
    }

    private IBaseResource get(URI server, URI url, String accessToken) throws FetchFailed {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + accessToken).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            LOG.info("FHIR server {} could not be reached: {}", server.getHost(), e.getClass().getSimpleName());
            throw new FetchFailed("the FHIR server could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed("interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                LOG.info("FHIR server {} answered {} to a {} query", server.getHost(), response.statusCode(),
                        url.getPath().substring(url.getPath().lastIndexOf('/') + 1));
                throw new FetchFailed("the FHIR server did not return the data");
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxFhirResponseBytes() + 1));
            if (bytes.length > config.maxFhirResponseBytes()) {
                throw new FetchFailed("the FHIR server's answer is larger than " + config.maxFhirResponseBytes()
                        + " bytes");
            }
            return fhir.newJsonParser().parseResource(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FetchFailed("the FHIR server's answer could not be read");
        } catch (RuntimeException e) { // not FHIR JSON
            LOG.info("FHIR server {} answered something that is not FHIR JSON", server.getHost());
            throw new FetchFailed("the FHIR server's answer is not FHIR R4 JSON");
        }
    }
}
