package org.chargeflex.cio.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.station.PlanGenerations;

/**
 * What the request path's limits depend on for one planning target ({@link PlanGenerations#target}): its stations
 * with their limits and curtailments, its grid connection point's limit (none for a station on no grid connection
 * point), and the open sessions' current plans. Immutable: kept in memory between planning batches
 * ({@link PlanSnapshots}) and combined into a batch's {@link BatchLimits}.
 *
 * @param target the planning target, or {@code null} for stations read by id only to refuse their requests (a
 *               station that moved or was deleted since the registry copy was read)
 */
record TargetPlans(String target, List<BatchLimits.StationLimit> stations, List<BatchLimits.GridLimit> grids,
        List<BatchLimits.OpenSession> sessions) {

    TargetPlans {
        stations = List.copyOf(stations);
        grids = List.copyOf(grids);
        sessions = List.copyOf(sessions);
    }

    /**
     * Whether the plans are the target's whole state, to keep for the next batch: those of a grid connection point,
     * or of a station that is on none (a station read as its own target that is now on a grid connection point shares
     * that one's limit, whose changes do not move its own generation).
     */
    boolean whole() {
        return target != null && (target.startsWith("g:")
                || stations.stream().allMatch(s -> s.gridConnectionPoint() == null));
    }

    /** Whether the station is among the target's. */
    boolean has(String stationId) {
        return stations.stream().anyMatch(s -> s.id().equals(stationId));
    }

    /**
     * The plans after a committed batch stored the given sessions' new current plans (each then open and ongoing: a
     * charging request stores the EV's energy demand; {@link GridLimits#ONGOING_SESSION}).
     */
    TargetPlans withStored(Collection<BatchLimits.OpenSession> stored) {
        if (stored.isEmpty()) {
            return this;
        }
        Map<String, BatchLimits.OpenSession> byKey = new LinkedHashMap<>();
        sessions.forEach(s -> byKey.put(BatchLimits.key(s.stationId(), s.sessionId()), s));
        stored.forEach(s -> byKey.put(BatchLimits.key(s.stationId(), s.sessionId()), s));
        return new TargetPlans(target, stations, grids, new ArrayList<>(byKey.values()));
    }

    /**
     * The limits of a batch over the targets' plans (a station, grid connection point or session that two of them
     * name counts once).
     */
    static BatchLimits limits(Collection<TargetPlans> plans, GridLimits gridLimits, Instant transactionTime,
            Collection<String> finished) {
        Map<String, BatchLimits.StationLimit> stations = new LinkedHashMap<>();
        Map<String, BatchLimits.GridLimit> grids = new LinkedHashMap<>();
        Map<String, BatchLimits.OpenSession> sessions = new LinkedHashMap<>();
        for (TargetPlans p : plans) {
            p.stations().forEach(s -> stations.putIfAbsent(s.id(), s));
            p.grids().forEach(g -> grids.putIfAbsent(g.id(), g));
            p.sessions().forEach(s -> sessions.putIfAbsent(BatchLimits.key(s.stationId(), s.sessionId()), s));
        }
        return new BatchLimits(List.copyOf(stations.values()), List.copyOf(grids.values()),
                List.copyOf(sessions.values()), gridLimits, transactionTime, finished);
    }
}
