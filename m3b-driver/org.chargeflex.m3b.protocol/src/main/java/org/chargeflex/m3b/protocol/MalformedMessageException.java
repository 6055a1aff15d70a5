package org.chargeflex.m3b.protocol;

/**
 * A frame arrived intact (its CRC matched) but its payload does not form a valid message of its type: too short, too
 * long, an unknown type code or a field out of range. The receiver counts and drops it; the stream stays in sync.
 */
public class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
