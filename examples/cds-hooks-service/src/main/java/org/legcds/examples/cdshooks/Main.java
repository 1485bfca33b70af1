package org.legcds.examples.cdshooks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.legcds.LegCds;
import org.legcds.fhir.FhirCaseReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the service: {@code java -jar target/cds-hooks-service.jar --port 8080 --issuer iss=jwks-url}. */
@Command(name = "cds-hooks-service", mixinStandardHelpOptions = true,
        description = "legcds as a CDS Hooks 2.0 service (example). Options also read from environment variables.")
public final class Main implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:LEGCDS_CDS_HOST:-127.0.0.1}",
            description = "address to listen on (default 127.0.0.1: this machine only, e.g. behind a reverse proxy; "
                    + "0.0.0.0: every interface)")
    String host;

    @Option(names = "--port", defaultValue = "${env:LEGCDS_CDS_PORT:-8080}", description = "port (default 8080)")
    int port;

    @Option(names = "--base-url", defaultValue = "${env:LEGCDS_CDS_BASE_URL}",
            description = "public base URL of this service; a JWT's aud must be the endpoint URL under it "
                    + "(default http://localhost:<port>)")
    String baseUrl;

    @Option(names = "--issuer", split = ",", defaultValue = "${env:LEGCDS_CDS_ISSUERS}",
            description = "trusted EHR: iss=jwks-url (repeat, or comma-separated)")
    List<String> issuers;

    @Option(names = "--cors-origin", split = ",", defaultValue = "${env:LEGCDS_CDS_CORS_ORIGINS:-*}",
            description = "browser origins allowed by CORS, e.g. https://sandbox.cds-hooks.org (repeat or "
                    + "comma-separate; default *: any, without credentials)")
    List<String> corsOrigins;

    @Option(names = "--fhir-server", split = ",", defaultValue = "${env:LEGCDS_CDS_FHIR_SERVERS}",
            description = "FHIR server base URL the service may fetch missing prefetch from with the EHR's token "
                    + "(repeat or comma-separate; https; default none: prefetch only)")
    List<URI> fhirServers;

    @Option(names = "--insecure-dev-http-fhir",
            description = "DEVELOPMENT ONLY: allow http:// FHIR servers on the --fhir-server list")
    boolean insecureDevHttpFhir;

    @Option(names = "--max-token-lifetime", defaultValue = "${env:LEGCDS_CDS_MAX_TOKEN_LIFETIME:-PT5M}",
            description = "longest JWT lifetime (exp - iat) accepted, ISO-8601 (default PT5M)")
    Duration maxTokenLifetime;

    @Option(names = "--tls-keystore", defaultValue = "${env:LEGCDS_CDS_TLS_KEYSTORE}",
            description = "PKCS#12 keystore with the certificate and key: serve HTTPS only (password in the "
                    + "environment variable LEGCDS_CDS_TLS_KEYSTORE_PASSWORD)")
    Path tlsKeystore;

    @Option(names = "--feedback-file", defaultValue = "${env:LEGCDS_CDS_FEEDBACK_FILE:-cds-feedback.ndjson}",
            description = "append-only NDJSON file of card feedback (default cds-feedback.ndjson)")
    Path feedbackFile;

    @Option(names = "--feedback-max-bytes", defaultValue = "${env:LEGCDS_CDS_FEEDBACK_MAX_BYTES:-67108864}",
            description = "largest size of the feedback file; further feedback is refused (default 64 MiB)")
    long feedbackMaxBytes;

    @Option(names = "--max-body-bytes", defaultValue = "${env:LEGCDS_CDS_MAX_BODY_BYTES:-5242880}",
            description = "largest request body accepted (default 5 MiB)")
    long maxBodyBytes;

    @Option(names = "--insecure-dev-no-jwt", description = "DEVELOPMENT ONLY: accept requests without a JWT")
    boolean insecureDevNoJwt;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, URI> trusted = new LinkedHashMap<>();
        for (String issuer : issuers == null ? List.<String>of() : issuers) {
            int eq = issuer.indexOf('=');
            if (eq <= 0 || eq == issuer.length() - 1) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--issuer must be iss=jwks-url, but is '" + issuer + "'");
            }
            trusted.put(issuer.substring(0, eq), URI.create(issuer.substring(eq + 1)));
        }
        ServiceConfig config;
        try {
            String password = tlsKeystore == null ? null : System.getenv("LEGCDS_CDS_TLS_KEYSTORE_PASSWORD");
            if (tlsKeystore != null && password == null) {
                throw new IllegalArgumentException("--tls-keystore needs LEGCDS_CDS_TLS_KEYSTORE_PASSWORD");
            }
            String scheme = tlsKeystore == null ? "http" : "https";
            config = ServiceConfig.builder(URI.create(baseUrl == null ? scheme + "://localhost:" + port : baseUrl))
                    .host(host).port(port).issuers(trusted)
                    .allowedOrigins(Set.copyOf(corsOrigins == null ? List.of() : corsOrigins))
                    .fhirServers(fhirServers == null ? List.of() : fhirServers)
                    .insecureDevHttpFhir(insecureDevHttpFhir).maxTokenLifetime(maxTokenLifetime)
                    .feedbackFile(feedbackFile).feedbackMaxBytes(feedbackMaxBytes).maxBodyBytes(maxBodyBytes)
                    .tls(tlsKeystore, password).insecureDevNoJwt(insecureDevNoJwt).build();
        } catch (IllegalArgumentException e) {
            System.err.println("cds-hooks-service: " + e.getMessage());
            return 2;
        }
        CdsHooksService service = new CdsHooksService(config, LegCds.packaged(), FhirCaseReader.standard(),
                Clock.systemDefaultZone()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
