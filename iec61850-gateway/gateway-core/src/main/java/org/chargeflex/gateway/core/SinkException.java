package org.chargeflex.gateway.core;

/** A curtailment could not be applied (CIO or station unreachable, or the CIO refused it). */
public class SinkException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public SinkException(String message) {
        this(message, null, true);
    }

    public SinkException(String message, Throwable cause) {
        this(message, cause, true);
    }

    /**
     * @param retryable whether trying again later may succeed (false: the limit was refused and is dropped)
     */
    public SinkException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
