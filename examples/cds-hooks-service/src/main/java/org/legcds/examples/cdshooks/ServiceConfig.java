package org.legcds.examples.cdshooks;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the service runs. Build one with {@link #builder(URI)}; every limit has a safe default.
 *
 * @param host                  the address to listen on ({@code 127.0.0.1}: only this machine, e.g. behind a reverse
 *                              proxy; {@code 0.0.0.0}: every interface)
 * @param port                  the port to listen on (0: any free port)
 * @param baseUrl               the service's public base URL, e.g. {@code https://cds.example.org}: a JWT's
 *                              {@code aud} must be the URL of the endpoint called under it
 * @param issuers               the EHRs trusted: JWT {@code iss} to the URL of its JWK Set
 * @param allowedOrigins        browser origins allowed by CORS ({@code *}: any; empty: none)
 * @param fhirServers           the FHIR servers the service may query with an EHR's access token: a request's
 *                              {@code fhirServer} must be one of them (or under one of them)
 * @param insecureDevHttpFhir   development only: allow {@code http} FHIR servers on the allow-list
 * @param feedbackFile          where feedback is appended, one JSON object per line
 * @param feedbackMaxBytes      the largest the feedback file may grow; further feedback is refused (507)
 * @param maxBodyBytes          the largest request body accepted (413 beyond)
 * @param maxFhirResponseBytes  the largest FHIR response read from a FHIR server (the query fails beyond)
 * @param maxTokenLifetime      the longest a JWT may live ({@code exp - iat}); CDS Hooks recommends 5 minutes
 * @param replayCacheSize       how many JWT ids are remembered at once; when full, new tokens get 503 until old ones
 *                              expire (a token is never forgotten before it expires)
 * @param issuedCardsKept       how many issued cards are remembered for feedback (the oldest are forgotten first)
 * @param tlsKeystore           a PKCS#12 keystore with the service's certificate and key: the service then speaks
 *                              only HTTPS; null: plain HTTP (run it behind a TLS reverse proxy)
 * @param tlsKeystorePassword   the keystore's password; null when there is no keystore
 * @param insecureDevNoJwt      development only: accept requests without a JWT
 */
record ServiceConfig(String host, int port, URI baseUrl, Map<String, URI> issuers, Set<String> allowedOrigins,
                     List<URI> fhirServers, boolean insecureDevHttpFhir, Path feedbackFile, long feedbackMaxBytes,
                     long maxBodyBytes, long maxFhirResponseBytes, Duration maxTokenLifetime, int replayCacheSize,
                     int issuedCardsKept, Path tlsKeystore, String tlsKeystorePassword, boolean insecureDevNoJwt) {

    ServiceConfig {
        requireNonNull(host, "host must not be null");
        requireNonNull(baseUrl, "baseUrl must not be null");
        issuers = Map.copyOf(issuers);
        allowedOrigins = Set.copyOf(allowedOrigins);
        fhirServers = fhirServers.stream().map(ServiceConfig::normalised).toList();
        requireNonNull(feedbackFile, "feedbackFile must not be null");
        requireNonNull(maxTokenLifetime, "maxTokenLifetime must not be null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, but is " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, but is " + maxBodyBytes);
        }
        if (maxFhirResponseBytes < 1024) {
            throw new IllegalArgumentException("maxFhirResponseBytes must be at least 1024, but is "
                    + maxFhirResponseBytes);
        }
        if (feedbackMaxBytes < 1024) {
            throw new IllegalArgumentException("feedbackMaxBytes must be at least 1024, but is " + feedbackMaxBytes);
        }
        if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero() || maxTokenLifetime.toHours() >= 1) {
            throw new IllegalArgumentException("maxTokenLifetime must be positive and under an hour, but is "
                    + maxTokenLifetime);
        }
        if (replayCacheSize < 1 || issuedCardsKept < 1) {
            throw new IllegalArgumentException("replayCacheSize and issuedCardsKept must be positive");
        }
        if (!baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("baseUrl must be an absolute URL, but is " + baseUrl);
        }
        if (issuers.isEmpty() && !insecureDevNoJwt) {
            throw new IllegalArgumentException("no trusted issuer: give --issuer iss=jwks-url (or, for development "
                    + "only, --insecure-dev-no-jwt)");
        }
        for (String origin : allowedOrigins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("an allowed origin is * or scheme://host[:port] without a path, "
                        + "but is '" + origin + "'");
            }
        }
        for (URI server : fhirServers) {
            if (!"https".equals(server.getScheme()) && !("http".equals(server.getScheme()) && insecureDevHttpFhir)) {
                throw new IllegalArgumentException("FHIR server " + server + " must be https (http only with "
                        + "--insecure-dev-http-fhir, for development)");
            }
        }
        if ((tlsKeystore == null) != (tlsKeystorePassword == null)) {
            throw new IllegalArgumentException("a TLS keystore needs its password, and a password its keystore");
        }
    }

    /** The configuration without the keystore password. */
    @Override
    public String toString() {
        return "ServiceConfig[host=" + host + ", port=" + port + ", baseUrl=" + baseUrl + ", issuers=" + issuers
                + ", allowedOrigins=" + allowedOrigins + ", fhirServers=" + fhirServers + ", tls="
                + (tlsKeystore != null) + ", insecureDevNoJwt=" + insecureDevNoJwt + "]";
    }

    /** A configuration with the defaults, for the public base URL given. */
    static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** The public URL of a path of this service, e.g. {@code /cds-services/x}: what {@code aud} must be. */
    String url(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /**
     * The allow-listed FHIR server a request's {@code fhirServer} names, or null when none: the URL must be one of
     * them, or a path under one of them, with the same scheme, host and port.
     */
    URI allowedFhirServer(URI requested) {
        URI wanted = normalised(requested);
        for (URI allowed : fhirServers) {
            String base = allowed.toString();
            String asked = wanted.toString();
            if (asked.equals(base) || asked.startsWith(base + "/")) {
                return wanted;
            }
        }
        return null;
    }

    /**
     * A FHIR base URL in the form compared: scheme and host in lower case, no trailing slash, no query, fragment or
     * user info, no dot segments.
     */
    static URI normalised(URI url) {
        if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null || url.getRawUserInfo() != null
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("a FHIR server is an absolute http(s) URL without user, query or "
                    + "fragment");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")
                || path.contains("%2e") || path.contains("%2E") || path.contains("//")) {
            throw new IllegalArgumentException("a FHIR server URL must not contain dot or empty segments");
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() == -1 ? ("https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1)
                : url.getPort();
        return URI.create(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port + path);
    }

    /** Builds a configuration; every field starts at its default. */
    static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private final URI baseUrl;
        private Map<String, URI> issuers = Map.of();
        private Set<String> allowedOrigins = Set.of("*");
        private List<URI> fhirServers = List.of();
        private boolean insecureDevHttpFhir;
        private Path feedbackFile = Path.of("cds-feedback.ndjson");
        private long feedbackMaxBytes = 64L << 20;
        private long maxBodyBytes = 5L << 20;
        private long maxFhirResponseBytes = 16L << 20;
        private Duration maxTokenLifetime = Duration.ofMinutes(5);
        private int replayCacheSize = 100_000;
        private int issuedCardsKept = 100_000;
        private Path tlsKeystore;
        private String tlsKeystorePassword;
        private boolean insecureDevNoJwt;

        private Builder(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        Builder host(String value) {
            host = value;
            return this;
        }

        Builder port(int value) {
            port = value;
            return this;
        }

        Builder issuers(Map<String, URI> value) {
            issuers = value;
            return this;
        }

        Builder allowedOrigins(Set<String> value) {
            allowedOrigins = value;
            return this;
        }

        Builder fhirServers(List<URI> value) {
            fhirServers = value;
            return this;
        }

        Builder insecureDevHttpFhir(boolean value) {
            insecureDevHttpFhir = value;
            return this;
        }

        Builder feedbackFile(Path value) {
            feedbackFile = value;
            return this;
        }

        Builder feedbackMaxBytes(long value) {
            feedbackMaxBytes = value;
            return this;
        }

        Builder maxBodyBytes(long value) {
            maxBodyBytes = value;
            return this;
        }

        Builder maxFhirResponseBytes(long value) {
            maxFhirResponseBytes = value;
            return this;
        }

        Builder maxTokenLifetime(Duration value) {
            maxTokenLifetime = value;
            return this;
        }

        Builder replayCacheSize(int value) {
            replayCacheSize = value;
            return this;
        }

        Builder issuedCardsKept(int value) {
            issuedCardsKept = value;
            return this;
        }

        Builder tls(Path keystore, String password) {
            tlsKeystore = keystore;
            tlsKeystorePassword = password;
            return this;
        }

        Builder insecureDevNoJwt(boolean value) {
            insecureDevNoJwt = value;
            return this;
        }

        ServiceConfig build() {
            return new ServiceConfig(host, port, baseUrl, issuers, allowedOrigins, fhirServers, insecureDevHttpFhir,
                    feedbackFile, feedbackMaxBytes, maxBodyBytes, maxFhirResponseBytes, maxTokenLifetime,
                    replayCacheSize, issuedCardsKept, tlsKeystore, tlsKeystorePassword, insecureDevNoJwt);
        }
    }
}
