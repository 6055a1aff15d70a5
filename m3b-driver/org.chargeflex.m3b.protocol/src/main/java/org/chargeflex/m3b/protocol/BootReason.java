package org.chargeflex.m3b.protocol;

/** Why the board (re)started, carried by {@link BootEvent}. */
public enum BootReason {
    POWER_ON(0), WATCHDOG(1), BROWN_OUT(2), COMMAND(3), UNKNOWN(255);

    private final int code;

    BootReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Unknown codes map to {@link #UNKNOWN}: a newer board must still be able to say it restarted. */
    public static BootReason ofCode(int code) {
        for (BootReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return UNKNOWN;
    }
}
