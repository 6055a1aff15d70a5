package org.chargeflex.cio.contract;

import java.time.Instant;

/**
 * The EV's charging parameters (or the station's defaults for the user or site when the EV gives none).
 *
 * <p>Limits are given as power or as current per phase; at least one maximum is required. Where both are given the
 * lower power applies. {@link #maxPowerW(double)} and {@link #minPowerW(double)} turn them into power.
 *
 * @param energyDemandWh   energy the EV still needs, Wh, &gt;= 0
 * @param maxPowerW        maximum charging power, W, or {@code null}
 * @param minPowerW        minimum charging power below which the EV cannot charge (0 = pause allowed), W, or {@code null}
 * @param maxCurrentA      maximum current per phase, A, or {@code null}
 * @param minCurrentA      minimum current per phase (IEC 61851: usually 6 A), A, or {@code null}
 * @param phases           phases in use, 1 to 3
 * @param plannedDeparture when the user plans to leave
 */
public record EvParameters(double energyDemandWh, Double maxPowerW, Double minPowerW, Double maxCurrentA,
        Double minCurrentA, int phases, Instant plannedDeparture) {

    /** Phase-to-neutral voltage used to turn currents into power when no measured voltage is at hand, V. */
    public static final double NOMINAL_PHASE_VOLTAGE_V = 230.0;

    public EvParameters {
        Checks.nonNegative(energyDemandWh, "ev.energyDemandWh");
        Checks.optionalPositive(maxPowerW, "ev.maxPowerW");
        Checks.optionalNonNegative(minPowerW, "ev.minPowerW");
        Checks.optionalPositive(maxCurrentA, "ev.maxCurrentA");
        Checks.optionalNonNegative(minCurrentA, "ev.minCurrentA");
        if (maxPowerW == null && maxCurrentA == null) {
            throw new IllegalArgumentException("ev.maxPowerW or ev.maxCurrentA is required");
        }
        Checks.atMost(minPowerW, maxPowerW, "ev.minPowerW", "ev.maxPowerW");
        Checks.atMost(minCurrentA, maxCurrentA, "ev.minCurrentA", "ev.maxCurrentA");
        if (phases < 1 || phases > 3) {
            throw new IllegalArgumentException("ev.phases must be 1, 2 or 3, was " + phases);
        }
        Checks.required(plannedDeparture, "ev.plannedDeparture");
    }

    /** The maximum power in W: the lower of {@code maxPowerW} and {@code maxCurrentA} at the given phase voltage. */
    public double maxPowerW(double phaseVoltageV) {
        double fromCurrent = maxCurrentA == null ? Double.POSITIVE_INFINITY : maxCurrentA * phases * phaseVoltageV;
        double fromPower = maxPowerW == null ? Double.POSITIVE_INFINITY : maxPowerW;
        return Math.min(fromCurrent, fromPower);
    }

    /** The minimum power in W: the higher of {@code minPowerW} and {@code minCurrentA} at the phase voltage; 0 if none. */
    public double minPowerW(double phaseVoltageV) {
        double fromCurrent = minCurrentA == null ? 0 : minCurrentA * phases * phaseVoltageV;
        double fromPower = minPowerW == null ? 0 : minPowerW;
        return Math.max(fromCurrent, fromPower);
    }
}
