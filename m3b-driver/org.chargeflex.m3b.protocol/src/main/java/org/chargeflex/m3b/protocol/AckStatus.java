package org.chargeflex.m3b.protocol;

/** The outcome of a command, carried by {@link Ack}. */
public enum AckStatus {
    OK(0),
    /** A field is out of range (e.g. a PWM duty IEC 61851-1 does not allow). */
    BAD_ARGUMENT(1),
    /** The board refused for safety, e.g. closing the contactor outside CP state C/D or with a fault active. */
    UNSAFE(2),
    /** No such outlet on this board. */
    BAD_OUTLET(3),
    /** The board does not know the request type. */
    UNKNOWN_TYPE(4),
    /** The host has not completed the version handshake since the board started. */
    NO_SESSION(5),
    /** The host speaks a protocol major version the board does not. */
    UNSUPPORTED_VERSION(6);

    private final int code;

    AckStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AckStatus ofCode(int code) {
        for (AckStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown ack status code " + code);
    }
}
