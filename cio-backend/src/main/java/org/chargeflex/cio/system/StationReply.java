package org.chargeflex.cio.system;

import java.util.Objects;

/**
 * The answer of a {@link StationEndpoint}: a status, a JSON body and, for a schedule, its strong ETag. An answer with
 * an ETag is sent with {@code Cache-Control: no-cache}, and a GET whose {@code If-None-Match} names that ETag is
 * answered 304 without a body.
 *
 * @param etag the quoted strong ETag, or {@code null}
 */
public record StationReply(int status, Object body, String etag) {

    public StationReply {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a reply is a success (2xx), was " + status
                    + "; errors are thrown as Problems");
        }
        Objects.requireNonNull(body, "body");
        if (etag != null && !(etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\""))) {
            throw new IllegalArgumentException("etag must be quoted, was " + etag);
        }
    }

    /** 200 with the body. */
    public static StationReply ok(Object body) {
        return new StationReply(200, body, null);
    }

    /** 200 with the body and its strong ETag (quoted). */
    public static StationReply ok(Object body, String etag) {
        return new StationReply(200, body, Objects.requireNonNull(etag, "etag"));
    }

    /** {@code 201 Created} if {@code created}, else 200. */
    public static StationReply createdOrOk(boolean created, Object body) {
        return new StationReply(created ? 201 : 200, body, null);
    }
}
