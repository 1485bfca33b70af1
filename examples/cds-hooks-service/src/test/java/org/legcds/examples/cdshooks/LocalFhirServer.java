package org.legcds.examples.cdshooks;

import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A FHIR server on 127.0.0.1 for the tests, that records every request it receives (path, query and Authorization
 * header) and answers from a table: a trusted EHR's server, or an attacker's that must never be called.
 */
final class LocalFhirServer implements AutoCloseable {

    /** One answer: status, body, and an optional Location header (for redirects). */
    record Answer(int status, String body, String location) {
        static Answer ok(String body) {
            return new Answer(200, body, null);
        }
    }

    /** One request received. */
    record Received(String pathAndQuery, String authorization) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Javalin server;
    private volatile Map<String, Answer> answers = Map.of();

    LocalFhirServer() {
        server = Javalin.create(c -> c.showJavalinBanner = false);
        server.get("/*", ctx -> {
            String key = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            received.add(new Received(key, ctx.header("Authorization")));
            Answer answer = answers.get(key);
            if (answer == null) {
                ctx.status(404).contentType("application/fhir+json").result("{\"resourceType\":\"OperationOutcome\","
                        + "\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\",\"diagnostics\":\"no " + key
                        + "\"}]}");
                return;
            }
            if (answer.location() != null) {
                ctx.header("Location", answer.location());
            }
            ctx.status(answer.status()).contentType("application/fhir+json").result(answer.body());
        });
        server.start("127.0.0.1", 0);
    }

    /** The base URL of the FHIR API. */
    String base() {
        return "http://127.0.0.1:" + server.port() + "/fhir";
    }

    /** What the server answers, by path and raw query ({@code /fhir/Patient/1}, {@code /fhir/Condition?patient=1}). */
    void answer(Map<String, Answer> table) {
        answers = Map.copyOf(table);
        received.clear();
    }

    @Override
    public void close() {
        server.stop();
    }
}
