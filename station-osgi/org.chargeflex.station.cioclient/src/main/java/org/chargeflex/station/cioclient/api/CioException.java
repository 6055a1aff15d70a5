package org.chargeflex.station.cioclient.api;

/** A call to the CIO failed; {@link #kind()} says whether it is worth retrying. */
public class CioException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Kind {
        /** Network error, timeout, 5xx or 429: the CIO could not be reached or is overloaded; retry later. */
        UNREACHABLE,
        /** A 4xx answer: the request was refused (credential, unknown session, invalid request). */
        REFUSED,
        /** The answer broke the contract (malformed JSON, an invalid schedule, a missing ETag). */
        MALFORMED
    }

    private final Kind kind;
    private final int status;

    public CioException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public CioException(Kind kind, int status, String message) {
        this(kind, status, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }
}
