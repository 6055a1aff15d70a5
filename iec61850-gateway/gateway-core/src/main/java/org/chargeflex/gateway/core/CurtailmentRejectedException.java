package org.chargeflex.gateway.core;

/** A curtailment request the gateway refuses at once (nothing is applied). */
public class CurtailmentRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. Protocol servers map it onto their negative answers. */
    public enum Reason {
        /** No such station or grid connection point in the registry. */
        UNKNOWN_STATION,
        /** Not a finite number in 0..the target's maxPowerW. */
        OUT_OF_RANGE
    }

    private final Reason reason;

    public CurtailmentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
