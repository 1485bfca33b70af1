package org.legcds.examples.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authenticates the CDS Client (the EHR) as CDS Hooks requires (https://cds-hooks.hl7.org/2.0/#trusting-cds-clients):
 * a JWT in {@code Authorization: Bearer}, signed with an asymmetric algorithm by an allow-listed issuer whose JWK Set
 * is configured here (a {@code jku} header is ignored: keys come only from the allow-list), {@code aud} equal to the
 * URL of the endpoint called, not expired, and a {@code jti} never seen before. Per the specification's security
 * section: a {@code kid} header is required; {@code iat} may not lie in the future beyond a small clock skew; the
 * lifetime {@code exp - iat} is capped (5 minutes by default); the replay cache is bounded (when it is full, new
 * tokens are refused with 503 until old ones expire: a token id is never forgotten while its token is valid).
 * Thread-safe.
 *
 * <p>Reasons for refusal name the check that failed and never include the token.
 */
final class ClientAuthenticator {

    /** Asymmetric signatures only: no HMAC (a shared secret) and no "none". */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    // mutable sets on purpose: nimbus asks them contains(null), which Set.of() answers with an exception
    private static final Set<String> REQUIRED_CLAIMS = new HashSet<>(List.of("iss", "aud", "exp", "iat", "jti"));

    /** The clock skew tolerated between EHR and service, for exp and iat. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final Map<String, JWKSource<SecurityContext>> keys = new HashMap<>();
    private final Map<String, Instant> seenTokenIds = new HashMap<>();
    private final Clock clock;
    private final Duration maxLifetime;
    private final int replayCacheSize;

    ClientAuthenticator(Map<String, URI> issuers, Clock clock, Duration maxLifetime, int replayCacheSize) {
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.replayCacheSize = replayCacheSize;
        issuers.forEach((issuer, jwks) -> {
            try {
                keys.put(issuer, JWKSourceBuilder.<SecurityContext>create(jwks.toURL()).retrying(true).build());
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the JWK Set URL of issuer " + issuer + " is not a URL: " + jwks, e);
            }
        });
    }

    /**
     * Checks the {@code Authorization} header of a request to {@code endpointUrl}.
     *
     * @return the verified claims
     * @throws HttpProblem 401 with the reason, when the request is not authenticated
     */
    JWTClaimsSet authenticate(String authorization, String endpointUrl) {
        if (authorization == null || authorization.isBlank()) {
            throw HttpProblem.unauthorized("missing Authorization: Bearer <JWT> header");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpProblem.unauthorized("the Authorization header is not a Bearer token");
        }
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(authorization.substring(7).trim());
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw HttpProblem.unauthorized("the bearer token is not a signed JWT");
        }
        if (jwt.getHeader().getKeyID() == null || jwt.getHeader().getKeyID().isBlank()) {
            throw HttpProblem.unauthorized("JWT header has no kid: CDS Hooks requires the key id");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw HttpProblem.unauthorized("JWT algorithm " + jwt.getHeader().getAlgorithm()
                    + " is not accepted: only asymmetric signatures are");
        }
        JWKSource<SecurityContext> issuerKeys = issuer == null ? null : keys.get(issuer);
        if (issuerKeys == null) {
            throw HttpProblem.unauthorized("JWT issuer " + (issuer == null ? "(none)" : "'" + issuer + "'")
                    + " is not trusted");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, issuerKeys));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(List.of(endpointUrl)), new JWTClaimsSet.Builder().issuer(issuer).build(),
                REQUIRED_CLAIMS, new HashSet<>()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant()); // the service's clock, as for every other time check
            }
        };
        verifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJOSEException e) {
            throw HttpProblem.unauthorized("JWT rejected: " + e.getMessage());
        } catch (JOSEException e) {
            throw HttpProblem.unauthorized("JWT could not be verified: " + e.getMessage());
        }
        checkLifetime(claims);
        rememberOnce(issuer, claims);
        return claims;
    }

    /** iat not in the future (beyond the skew), and exp no later than iat plus the longest lifetime allowed. */
    private void checkLifetime(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Instant issued = claims.getIssueTime().toInstant();
        Instant expiry = claims.getExpirationTime().toInstant();
        if (issued.isAfter(now.plus(CLOCK_SKEW))) {
            throw HttpProblem.unauthorized("JWT iat lies in the future");
        }
        if (expiry.isAfter(issued.plus(maxLifetime))) {
            throw HttpProblem.unauthorized("JWT lifetime (exp - iat) exceeds the " + maxLifetime.toSeconds()
                    + " s this service accepts");
        }
    }

    /**
     * A token is accepted once: a replayed {@code jti} is refused until the token expires. The cache holds at most
     * {@code replayCacheSize} ids; expired ones are dropped, and when it is still full the token is refused (503)
     * rather than an id forgotten early.
     */
    private synchronized void rememberOnce(String issuer, JWTClaimsSet claims) {
        Instant now = clock.instant();
        String id = issuer + " " + claims.getJWTID();
        if (seenTokenIds.containsKey(id)) {
            throw HttpProblem.unauthorized("JWT jti has already been used (replay)");
        }
        if (seenTokenIds.size() >= replayCacheSize) {
            seenTokenIds.values().removeIf(expiry -> expiry.plus(CLOCK_SKEW).isBefore(now));
            if (seenTokenIds.size() >= replayCacheSize) {
                throw new HttpProblem(503, "too many requests: the replay cache is full; retry shortly");
            }
        }
        seenTokenIds.put(id, claims.getExpirationTime().toInstant());
    }
}
