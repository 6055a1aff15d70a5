package org.chargeflex.cio.optimizer;

import java.time.Instant;

/**
 * What a planner needs for one session, with the limits that apply right now.
 *
 * @param now                 the planning time
 * @param plannedDeparture    when the EV leaves
 * @param energyDemandWh      energy still needed, Wh
 * @param evMaxPowerW         the EV's maximum, W
 * @param evMinPowerW         the EV's minimum when charging (0 = any), W
 * @param outletMaxPowerW     the outlet's hardware limit, W
 * @param stationHeadroomW    the station's hardware limit less what its other open sessions are planned to draw, W
 * @param gridHeadroomW       the grid connection point's limit less what other sessions on it are planned to draw, W
 *                            ({@link Double#POSITIVE_INFINITY} without a grid connection point)
 */
public record PlanningInput(Instant now, Instant plannedDeparture, double energyDemandWh, double evMaxPowerW,
        double evMinPowerW, double outletMaxPowerW, double stationHeadroomW, double gridHeadroomW) {

    /** The highest power any period may have: the lowest of all limits, never below 0. */
    public double maxPowerW() {
        double cap = Math.min(Math.min(evMaxPowerW, outletMaxPowerW), Math.min(stationHeadroomW, gridHeadroomW));
        return Math.max(0, cap);
    }
}
