package org.legcds.examples.cdshooks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration's safe defaults and the FHIR allow-list's matching. */
class ServiceConfigTest {

    private static final Map<String, URI> ISSUERS = Map.of("https://ehr.example.org",
            URI.create("https://ehr.example.org/jwks.json"));

    @Test
    void theDefaultsListenOnThisMachineOnlyWithShortTokensAndNoFhirServer() {
        ServiceConfig config = ServiceConfig.builder(URI.create("https://cds.example.org")).issuers(ISSUERS).build();

        assertAll(
                () -> assertEquals("127.0.0.1", config.host()),
                () -> assertEquals(Duration.ofMinutes(5), config.maxTokenLifetime()),
                () -> assertEquals(List.of(), config.fhirServers()),
                () -> assertNull(config.tlsKeystore()));
    }

    @Test
    void theAllowListMatchesTheSameServerOrAPathUnderItOnly() {
        ServiceConfig config = ServiceConfig.builder(URI.create("https://cds.example.org")).issuers(ISSUERS)
                .fhirServers(List.of(URI.create("https://EHR.example.org/fhir/"))).build();

        assertAll(
                () -> assertNotNull(config.allowedFhirServer(URI.create("https://ehr.example.org/fhir"))),
                () -> assertNotNull(config.allowedFhirServer(URI.create("https://ehr.example.org:443/fhir/r4"))),
                () -> assertNull(config.allowedFhirServer(URI.create("https://ehr.example.org/fhir2"))),
                () -> assertNull(config.allowedFhirServer(URI.create("https://ehr.example.org.evil.org/fhir"))),
                () -> assertNull(config.allowedFhirServer(URI.create("https://ehr.example.org:8443/fhir"))),
                () -> assertNull(config.allowedFhirServer(URI.create("http://ehr.example.org/fhir"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> config.allowedFhirServer(URI.create("https://ehr.example.org/fhir/../admin"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> config.allowedFhirServer(URI.create("https://x@ehr.example.org/fhir"))));
    }

    @Test
    void unsafeSettingsAreRefusedAtStart() {
        ServiceConfig.Builder base = ServiceConfig.builder(URI.create("https://cds.example.org")).issuers(ISSUERS);
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> base.fhirServers(
                        List.of(URI.create("http://ehr.example.org/fhir"))).build()),
                () -> assertThrows(IllegalArgumentException.class, () -> ServiceConfig.builder(
                        URI.create("https://cds.example.org")).issuers(ISSUERS).maxTokenLifetime(Duration.ofDays(3650))
                        .build()),
                () -> assertThrows(IllegalArgumentException.class, () -> ServiceConfig.builder(
                        URI.create("https://cds.example.org")).issuers(ISSUERS)
                        .allowedOrigins(Set.of("https://ehr.example.org/path")).build()),
                () -> assertThrows(IllegalArgumentException.class, () -> ServiceConfig.builder(
                        URI.create("https://cds.example.org")).issuers(ISSUERS).tls(Path.of("x.p12"), null).build()));
    }

    @Test
    void theKeystorePasswordIsNotInTheConfigurationsText() {
        ServiceConfig config = ServiceConfig.builder(URI.create("https://cds.example.org")).issuers(ISSUERS)
                .tls(Path.of("x.p12"), "secret-keystore-password").build();

        assertFalse(config.toString().contains("secret-keystore-password"));
    }
}
