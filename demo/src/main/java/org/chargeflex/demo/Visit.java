package org.chargeflex.demo;

/**
 * One EV's stay at an outlet, in simulated time (milliseconds since the start of the simulated day).
 *
 * @param station      station index (0-based)
 * @param outlet       outlet number (1-based)
 * @param arrivalMs    plug-in
 * @param departureMs  unplug (the end of the day when the scenario never unplugs it)
 * @param capacityWh   battery capacity
 * @param soc          state of charge at arrival (0..1)
 * @param maxCurrentA  the EV's maximum current per phase
 * @param phases       phases it charges on
 */
public record Visit(int station, int outlet, long arrivalMs, long departureMs, double capacityWh, double soc,
        double maxCurrentA, int phases) {
    /** Every EV wants its battery at 80 % (where the simulated EV's charging curve starts to taper). */
    public static final double TARGET_SOC = 0.8;
    /** The nominal voltage used to turn currents into powers. */
    public static final double VOLTS = 230;
    /** The station outlets' hardware maximum, A. */
    public static final double OUTLET_MAX_A = 32;
    /** The EVs' minimum charging current (the outlet configuration's defaultMinCurrentA), A. */
    public static final double MIN_CURRENT_A = 6;

    /** Energy to reach {@link #TARGET_SOC}, Wh. */
    public double demandWh() {
        return Math.max(0, capacityWh * (TARGET_SOC - soc));
    }

    /** The most the EV can draw, W. */
    public double maxPowerW() {
        return Math.min(maxCurrentA, OUTLET_MAX_A) * phases * VOLTS;
    }

    /** The least the EV draws when it charges at all, W. */
    public double minPowerW() {
        return MIN_CURRENT_A * phases * VOLTS;
    }

    /**
     * The flat power the demo asks the CIO for: {@code margin} times what it needs, at most its maximum, at least 5 %
     * above its minimum (the station turns power into current with the measured voltage, a little above 230 V: a plan
     * of exactly the minimum power becomes less than 6 A, which pauses the EV).
     */
    public double targetPowerW(double margin) {
        return Math.min(maxPowerW(), Math.max(1.05 * minPowerW(), margin * neededPowerW()));
    }

    public double stayHours() {
        return (departureMs - arrivalMs) / 3_600_000.0;
    }

    /** The constant power that delivers the demand over the stay, W. */
    public double neededPowerW() {
        return stayHours() <= 0 ? 0 : demandWh() / stayHours();
    }

    /**
     * The most energy the EV could possibly get: its demand, or less when even its full power over the stay (less the
     * time the system needs to start a session, {@code lagMs} simulated) does not reach it.
     */
    public double feasibleWh(long lagMs) {
        double hours = Math.max(0, (departureMs - arrivalMs - lagMs) / 3_600_000.0);
        return Math.min(demandWh(), maxPowerW() * hours);
    }

    /** Uncontrolled charging: full power from arrival until the demand is met or the EV leaves; the end, ms. */
    public long uncontrolledEndMs() {
        double hours = maxPowerW() <= 0 ? 0 : demandWh() / maxPowerW();
        return Math.min(departureMs, arrivalMs + (long) Math.ceil(hours * 3_600_000.0));
    }

    public String label() {
        return "ST-" + (station + 1) + "/" + outlet + "@" + Clock.hhmm(arrivalMs);
    }
}
