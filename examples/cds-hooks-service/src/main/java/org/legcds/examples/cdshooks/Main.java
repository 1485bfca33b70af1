package org.legcds.examples.cdshooks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--port", defaultValue = "${env:LEGCDS_CDS_PORT:-8080}", description = "port (default 8080)")
    int port;

    @Option(names = "--base-url", defaultValue = "${env:LEGCDS_CDS_BASE_URL}",
            description = "public base URL of this service; a JWT's aud must be the endpoint URL under it "
                    + "(default http://localhost:<port>)")
    String baseUrl;

    @Option(names = "--issuer", split = ",", defaultValue = "${env:LEGCDS_CDS_ISSUERS}",
            description = "trusted EHR: iss=jwks-url (repeat, or comma-separated)")
    List<String> issuers;

    @Option(names = "--feedback-file", defaultValue = "${env:LEGCDS_CDS_FEEDBACK_FILE:-cds-feedback.ndjson}",
            description = "append-only NDJSON file of card feedback (default cds-feedback.ndjson)")
    Path feedbackFile;

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
            config = new ServiceConfig(port, URI.create(baseUrl == null ? "http://localhost:" + port : baseUrl),
                    trusted, feedbackFile, maxBodyBytes, insecureDevNoJwt);
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
