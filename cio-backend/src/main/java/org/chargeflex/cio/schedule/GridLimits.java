package org.chargeflex.cio.schedule;

import org.chargeflex.cio.station.GridConnectionPoint;
import org.chargeflex.cio.station.Station;

/**
 * The limits the planner shares among the open sessions of a station and of a grid connection point: the registered
 * maximum, or lower while the DNO curtails it (implemented by the grid package). Read inside the planning transaction,
 * after the planning locks.
 */
public interface GridLimits {

    /** The power all sessions at the station may draw together, W (at most its registered {@code maxPowerW}). */
    double stationLimitW(Station station);

    /** The power all sessions on the grid connection point may draw together, W (at most its {@code maxPowerW}). */
    double gridConnectionPointLimitW(GridConnectionPoint point);
}
