package org.chargeflex.cio.schedule;

import org.chargeflex.cio.station.GridConnectionPoint;
import org.chargeflex.cio.station.Station;

/**
 * The limits the planner shares among the open sessions of a station and of a grid connection point: the registered
 * maximum, or lower while the DNO curtails it (implemented by the grid package). Read inside the planning transaction,
 * after the planning locks.
 */
public interface GridLimits {

    /**
     * SQL condition on {@code sessions se}: an ongoing session, as the minimum-session-power rule counts it (not
     * finished, and planned from a charging request).
     */
    String ONGOING_SESSION = "se.state <> 'FINISHED' AND se.energy_demand_wh IS NOT NULL";

    /** The power all sessions at the station may draw together, W (at most its registered {@code maxPowerW}). */
    double stationLimitW(Station station);

    /** The power all sessions on the grid connection point may draw together, W (at most its {@code maxPowerW}). */
    double gridConnectionPointLimitW(GridConnectionPoint point);

    /**
     * The limit of a curtailed station or grid connection point from what the planner read in its own query
     * ({@link BatchLimitsRepository}): its registered maximum, a curtailment of {@code curtailmentW} and the
     * {@code ongoingSessions} under it (minimum session power rule), W. Same value as the two methods above.
     */
    double curtailedLimitW(double registeredMaxW, double curtailmentW, int ongoingSessions);
}
