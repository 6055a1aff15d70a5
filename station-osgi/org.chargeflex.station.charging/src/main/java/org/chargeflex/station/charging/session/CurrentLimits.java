package org.chargeflex.station.charging.session;

/**
 * Power to IEC 61851 current: {@code I = P / (phases x U)}, floored to 0.1 A, clamped to the hardware maximum; a
 * result below the 6 A minimum of IEC 61851-1 becomes 0 A (pause: PWM 100 %, no charging).
 */
public final class CurrentLimits {
    /** The smallest current a PWM can advertise (IEC 61851-1). */
    public static final double MIN_CURRENT_A = 6.0;
    /** Used when no plausible measured voltage is available. */
    public static final double NOMINAL_VOLTAGE_V = 230.0;
    private static final double MIN_PLAUSIBLE_VOLTAGE_V = 100.0;
    private static final double MAX_PLAUSIBLE_VOLTAGE_V = 300.0;

    private CurrentLimits() {
    }

    /**
     * The current limit per phase for a power limit.
     *
     * @param powerW      the power limit, W, &gt;= 0
     * @param phases      phases in use, 1..3
     * @param voltageV    the measured phase voltage, V (an implausible value is replaced by 230 V)
     * @param maxCurrentA the hardware maximum, A
     */
    public static double fromPower(double powerW, int phases, double voltageV, double maxCurrentA) {
        if (!(powerW > 0) || phases < 1 || phases > 3) {
            return 0;
        }
        double u = plausibleVoltage(voltageV) ? voltageV : NOMINAL_VOLTAGE_V;
        return clamp(powerW / (phases * u), maxCurrentA);
    }

    /** A current, floored to 0.1 A, at most {@code maxCurrentA}; below 6 A it is 0. */
    public static double clamp(double currentA, double maxCurrentA) {
        if (!(currentA > 0)) {
            return 0;
        }
        double floored = Math.floor(currentA * 10 + 1e-9) / 10;
        double limited = Math.min(floored, Math.floor(maxCurrentA * 10 + 1e-9) / 10);
        return limited < MIN_CURRENT_A ? 0 : limited;
    }

    public static boolean plausibleVoltage(double v) {
        return Double.isFinite(v) && v >= MIN_PLAUSIBLE_VOLTAGE_V && v <= MAX_PLAUSIBLE_VOLTAGE_V;
    }
}
