package org.legcds.examples.cdshooks;

/**
 * A request the service refuses, with the HTTP status and a reason safe to send back and to log (it never contains a
 * token or patient data beyond identifiers the caller sent).
 */
final class HttpProblem extends RuntimeException {

    private final int status;

    HttpProblem(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpProblem badRequest(String reason) {
        return new HttpProblem(400, reason);
    }

    /** Text the caller sent, fit to be echoed in a reason: control characters removed, at most 100 characters. */
    static String quoted(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= 100 ? clean : clean.substring(0, 100) + "...";
    }

    static HttpProblem unauthorized(String reason) {
        return new HttpProblem(401, reason);
    }
}
