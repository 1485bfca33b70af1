package org.legcds.examples.cdshooks;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the service runs.
 *
 * @param port                 the port to listen on (0: any free port)
 * @param baseUrl              the service's public base URL, e.g. {@code https://cds.example.org}: a JWT's {@code aud}
 *                             must be the URL of the endpoint called under it
 * @param issuers              the EHRs trusted: JWT {@code iss} to the URL of its JWK Set
 * @param feedbackFile         where feedback is appended, one JSON object per line
 * @param maxBodyBytes         the largest request body accepted (413 beyond)
 * @param insecureDevNoJwt     development only: accept requests without a JWT
 */
record ServiceConfig(int port, URI baseUrl, Map<String, URI> issuers, Path feedbackFile, long maxBodyBytes,
                     boolean insecureDevNoJwt) {
    ServiceConfig {
        requireNonNull(baseUrl, "baseUrl must not be null");
        issuers = Map.copyOf(issuers);
        requireNonNull(feedbackFile, "feedbackFile must not be null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, but is " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, but is " + maxBodyBytes);
        }
        if (!baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("baseUrl must be an absolute URL, but is " + baseUrl);
        }
        if (issuers.isEmpty() && !insecureDevNoJwt) {
            throw new IllegalArgumentException("no trusted issuer: give --issuer iss=jwks-url (or, for development "
                    + "only, --insecure-dev-no-jwt)");
        }
    }

    /** The public URL of a path of this service, e.g. {@code /cds-services/x}: what {@code aud} must be. */
    String url(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
