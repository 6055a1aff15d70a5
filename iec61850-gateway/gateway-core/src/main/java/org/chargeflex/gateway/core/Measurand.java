package org.chargeflex.gateway.core;

/** The per-outlet quantities the gateway serves; station values are aggregated from them. */
public enum Measurand {
    POWER_W("W"), POWER_L1_W("W"), POWER_L2_W("W"), POWER_L3_W("W"),
    VOLTAGE_L1_V("V"), VOLTAGE_L2_V("V"), VOLTAGE_L3_V("V"),
    CURRENT_L1_A("A"), CURRENT_L2_A("A"), CURRENT_L3_A("A"),
    ENERGY_WH("Wh"),
    /** The current the outlet advertises to the EV (IEC 61851 PWM). */
    CURRENT_LIMIT_A("A"),
    /** EV state of charge, % (only where the EV reports it). */
    EV_SOC_PCT("%"),
    /** EV departure time, epoch seconds. */
    EV_DEPARTURE_S("s"),
    /** Energy the EV still requests, Wh. */
    EV_ENERGY_REQUEST_WH("Wh");

    private final String unit;

    Measurand(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    public static Measurand power(int phase) {
        return values()[POWER_L1_W.ordinal() + checkPhase(phase) - 1];
    }

    public static Measurand voltage(int phase) {
        return values()[VOLTAGE_L1_V.ordinal() + checkPhase(phase) - 1];
    }

    public static Measurand current(int phase) {
        return values()[CURRENT_L1_A.ordinal() + checkPhase(phase) - 1];
    }

    private static int checkPhase(int phase) {
        if (phase < 1 || phase > 3) {
            throw new IllegalArgumentException("phase must be 1..3, got " + phase);
        }
        return phase;
    }
}
