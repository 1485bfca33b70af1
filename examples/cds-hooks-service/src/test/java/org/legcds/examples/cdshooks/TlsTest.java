package org.legcds.examples.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcds.LegCds;
import org.legcds.fhir.FhirCaseReader;

/** With a keystore the service speaks HTTPS only, on the address chosen. */
class TlsTest {

    @TempDir
    Path tmp;

    @Test
    void withAKeystoreTheServiceSpeaksHttpsOnlyOnTheChosenAddress() throws Exception {
        // given a self-signed certificate for 127.0.0.1, made with the JDK's keytool
        Path keystore = tmp.resolve("service.p12");
        String password = "test-password";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "service", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password)
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertEquals(true, keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");

        ServiceConfig config = ServiceConfig.builder(URI.create("https://cds.example.org")).host("127.0.0.1").port(0)
                .feedbackFile(tmp.resolve("feedback.ndjson")).tls(keystore, password).insecureDevNoJwt(true).build();
        try (CdsHooksService service = new CdsHooksService(config, LegCds.packaged(), FhirCaseReader.standard(),
                Clock.systemUTC()).start()) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore, password)).build();

            // when discovery is asked over HTTPS, then it answers
            HttpResponse<String> https = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + service.port() + "/cds-services")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, https.statusCode());

            // and plain HTTP on the same port gets no discovery
            try {
                HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.port() + "/cds-services")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertNotEquals(200, plain.statusCode(), plain.body());
            } catch (IOException expected) {
                // a TLS server closes a plain-text connection
            }
        }
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
