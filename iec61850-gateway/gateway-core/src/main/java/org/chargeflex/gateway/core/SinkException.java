package org.chargeflex.gateway.core;

/** A curtailment could not be applied (CIO or station unreachable or refused it). */
public class SinkException extends Exception {
    private static final long serialVersionUID = 1L;

    public SinkException(String message) {
        super(message);
    }

    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
