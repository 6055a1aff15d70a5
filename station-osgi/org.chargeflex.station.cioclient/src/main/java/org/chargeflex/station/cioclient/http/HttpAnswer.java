package org.chargeflex.station.cioclient.http;

/** An HTTP answer of the CIO: status, ETag header (or null) and body text ("" when none). */
public record HttpAnswer(int status, String etag, String body) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Worth retrying: 408, 429 and 5xx. */
    public boolean transientFailure() {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The body, cut to a length that fits a log line. */
    public String shortBody() {
        String b = body.replaceAll("\\s+", " ");
        return b.length() <= 300 ? b : b.substring(0, 297) + "...";
    }
}
