package org.chargeflex.gateway.core;

/** A station source could not deliver (CIO unreachable, refused, malformed answer). */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
