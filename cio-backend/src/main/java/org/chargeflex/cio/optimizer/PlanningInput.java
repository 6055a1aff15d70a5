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
 * @param gridConnectionPoint the station's grid connection point (the site whose objective applies), or {@code null}
 */
public record PlanningInput(Instant now, Instant plannedDeparture, double energyDemandWh, double evMaxPowerW,
        double evMinPowerW, double outletMaxPowerW, double stationHeadroomW, double gridHeadroomW,
        String gridConnectionPoint) {

    /** Without a site: plans with the default objective (PEAK, no base load). */
    public PlanningInput(Instant now, Instant plannedDeparture, double energyDemandWh, double evMaxPowerW,
            double evMinPowerW, double outletMaxPowerW, double stationHeadroomW, double gridHeadroomW) {
        this(now, plannedDeparture, energyDemandWh, evMaxPowerW, evMinPowerW, outletMaxPowerW, stationHeadroomW,
                gridHeadroomW, null);
    }

    /** The same input for the session's site (its grid connection point, {@code null} for none). */
    public PlanningInput atSite(String site) {
        return new PlanningInput(now, plannedDeparture, energyDemandWh, evMaxPowerW, evMinPowerW, outletMaxPowerW,
                stationHeadroomW, gridHeadroomW, site);
    }

    /** The highest power any period may have: the lowest of all limits, never below 0. */
    public double maxPowerW() {
        double cap = Math.min(Math.min(evMaxPowerW, outletMaxPowerW), Math.min(stationHeadroomW, gridHeadroomW));
        return Math.max(0, cap);
    }
}
