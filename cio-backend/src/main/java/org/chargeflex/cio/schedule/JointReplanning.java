package org.chargeflex.cio.schedule;

import java.util.List;
import org.chargeflex.cio.station.Station;

/**
 * Re-plans all ongoing sessions that share a limit with the given stations jointly, each with its remaining energy
 * (implemented by the rolling re-optimisation, package {@code replan}). Call inside the caller's transaction, after
 * {@code PlanningLocks.lock} for the stations and their grid connection point.
 */
public interface JointReplanning {

    /** @return the number of sessions that got a new schedule version */
    int replanStations(List<Station> stations);
}
