package org.chargeflex.m3b.protocol;

/** The control pilot state of IEC 61851-1, as the board measures it on the CP line. */
public enum CpState {
    /** +12 V: no vehicle connected. */
    A(1, "no vehicle"),
    /** +9 V: vehicle connected, not ready to charge. */
    B(2, "vehicle connected"),
    /** +6 V: vehicle ready, charging. */
    C(3, "charging"),
    /** +3 V: charging with ventilation required. */
    D(4, "charging, ventilation required"),
    /** 0 V: CP shorted to PE, or the supply has failed. */
    E(5, "error: CP short / no supply"),
    /** -12 V / missing diode: the EV's diode is missing or faulty, or the EVSE is not available. */
    F(6, "error: diode fault / EVSE unavailable");

    private final int code;
    private final String description;

    CpState(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** States in which energy may flow (the contactor may be closed). */
    public boolean allowsEnergyTransfer() {
        return this == C || this == D;
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static CpState ofCode(int code) {
        for (CpState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown CP state code " + code + " (1..6 = A..F)");
    }
}
