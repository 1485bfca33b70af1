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
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates the CDS Client (the EHR) as CDS Hooks requires (https://cds-hooks.hl7.org/2.0/#trusting-cds-clients):
 * a JWT in {@code Authorization: Bearer}, signed with an asymmetric algorithm by an allow-listed issuer whose JWK Set
 * is configured here (a {@code jku} header is ignored: keys come only from the allow-list), {@code aud} equal to the
 * URL of the endpoint called, not expired, and a {@code jti} never seen before. Thread-safe.
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

    private final Map<String, JWKSource<SecurityContext>> keys = new HashMap<>();
    private final Map<String, Instant> seenTokenIds = new ConcurrentHashMap<>();
    private final Clock clock;

    ClientAuthenticator(Map<String, URI> issuers, Clock clock) {
        this.clock = clock;
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
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new HashSet<>(List.of(endpointUrl)),
                new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED_CLAIMS, new HashSet<>()));
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJOSEException e) {
            throw HttpProblem.unauthorized("JWT rejected: " + e.getMessage());
        } catch (JOSEException e) {
            throw HttpProblem.unauthorized("JWT could not be verified: " + e.getMessage());
        }
        rememberOnce(issuer, claims);
        return claims;
    }

    /** A token is accepted once: a replayed {@code jti} is refused until the token expires. */
    private void rememberOnce(String issuer, JWTClaimsSet claims) {
        Instant now = clock.instant();
        seenTokenIds.values().removeIf(expiry -> expiry.isBefore(now.minusSeconds(120)));
        Instant expiry = claims.getExpirationTime().toInstant();
        if (seenTokenIds.putIfAbsent(issuer + " " + claims.getJWTID(), expiry) != null) {
            throw HttpProblem.unauthorized("JWT jti has already been used (replay)");
        }
    }
}
