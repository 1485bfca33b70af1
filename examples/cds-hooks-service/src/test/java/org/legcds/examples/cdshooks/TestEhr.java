package org.legcds.examples.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in EHR for the tests, on real HTTP: it publishes its JWK Set, signs real JWTs (ES384 and RS384, and the
 * forbidden kinds), and runs a small FHIR server that records the Authorization header it was called with.
 */
final class TestEhr implements AutoCloseable {

    static final String ISSUER = "https://ehr.example.org";

    /** This EHR's {@code iss}. */
    final String issuer;

    final ECKey ecKey;
    final RSAKey rsaKey;
    final ECKey untrustedKey;
    final List<String> fhirAuthorizations = new CopyOnWriteArrayList<>();
    final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final Javalin server;
    private volatile Map<String, String> fhirResponses = Map.of();

    TestEhr() throws JOSEException {
        this(ISSUER);
    }

    TestEhr(String issuer) throws JOSEException {
        this.issuer = issuer;
        ecKey = new ECKeyGenerator(Curve.P_384).keyID("ehr-ec").generate();
        rsaKey = new RSAKeyGenerator(2048).keyID("ehr-rsa").generate();
        untrustedKey = new ECKeyGenerator(Curve.P_384).keyID("ehr-ec").generate(); // same kid, other key
        String jwks = new JWKSet(List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK())).toString();
        server = Javalin.create(c -> c.showJavalinBanner = false);
        server.get("/jwks.json", ctx -> ctx.contentType("application/json").result(jwks));
        server.get("/fhir/*", ctx -> {
            fhirAuthorizations.add(String.valueOf(ctx.header("Authorization")));
            String key = ctx.path().substring("/fhir/".length()) + (ctx.queryString() == null ? ""
                    : "?" + ctx.queryString());
            String body = fhirResponses.get(key);
            if (body == null) {
                ctx.status(404).contentType("application/fhir+json").result("{\"resourceType\":\"OperationOutcome\","
                        + "\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}");
            } else {
                ctx.contentType("application/fhir+json").result(body);
            }
        });
        server.start("127.0.0.1", 0);
    }

    URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/jwks.json");
    }

    String fhirBase() {
        return "http://127.0.0.1:" + server.port() + "/fhir";
    }

    /** What the FHIR server answers, by relative URL ({@code Patient/1}, {@code Condition?patient=1}). */
    void serveFhir(Map<String, String> responses) {
        fhirResponses = Map.copyOf(responses);
        fhirAuthorizations.clear();
    }

    /** A valid ES384 token for a call to {@code audience}. */
    String token(String audience) {
        return sign(ecKey, JWSAlgorithm.ES384, claims(issuer, audience, Instant.now().plusSeconds(300)).build());
    }

    JWTClaimsSet.Builder claims(String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).expirationTime(Date.from(expiry))
                .issueTime(new Date()).jwtID(UUID.randomUUID().toString());
    }

    String sign(Object key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec)
                    : key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new MACSigner((byte[]) key);
            String kid = key instanceof ECKey ec ? ec.getKeyID() : key instanceof RSAKey rsa ? rsa.getKeyID() : "hmac";
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid)
                    .build(), claims);
            jwt.sign(signer);
            String token = jwt.serialize();
            issuedTokens.add(token);
            return token;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
