package org.chargeflex.cio.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.station.PlanGenerations;

/**
 * What the request path's limits depend on for one planning target ({@link PlanGenerations#target}): its stations
 * with their limits and curtailments, its grid connection point's limit (none for a station on no grid connection
 * point), and the open sessions' current plans, per station. Immutable: kept in memory between planning batches
 * ({@link PlanSnapshots}) and shared by the batches' {@link BatchLimits}, which replace a station's list of sessions
 * rather than change it.
 *
 * @param target            the planning target, or {@code null} for stations read by id only to refuse their
 *                          requests (a station that moved or was deleted since the registry copy was read)
 * @param sessionsOfStation the open sessions of each station that has any
 */
record TargetPlans(String target, List<BatchLimits.StationLimit> stations, List<BatchLimits.GridLimit> grids,
        Map<String, List<BatchLimits.OpenSession>> sessionsOfStation) {

    TargetPlans {
        stations = List.copyOf(stations);
        grids = List.copyOf(grids);
        sessionsOfStation = Map.copyOf(sessionsOfStation);
    }

    /** The plans of the open sessions as read, grouped per station. */
    static TargetPlans of(String target, List<BatchLimits.StationLimit> stations, List<BatchLimits.GridLimit> grids,
            Collection<BatchLimits.OpenSession> sessions) {
        Map<String, List<BatchLimits.OpenSession>> byStation = new LinkedHashMap<>();
        sessions.forEach(s -> byStation.computeIfAbsent(s.stationId(), k -> new ArrayList<>()).add(s));
        byStation.replaceAll((k, v) -> List.copyOf(v));
        return new TargetPlans(target, stations, grids, byStation);
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
        for (BatchLimits.StationLimit s : stations) {
            if (s.id().equals(stationId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The plans after a committed batch stored the given sessions' new current plans (each then open and ongoing: a
     * charging request stores the EV's energy demand; {@link GridLimits#ONGOING_SESSION}).
     */
    TargetPlans withStored(Collection<BatchLimits.OpenSession> stored) {
        if (stored.isEmpty()) {
            return this;
        }
        Map<String, List<BatchLimits.OpenSession>> byStation = new HashMap<>(sessionsOfStation);
        stored.forEach(s -> byStation.put(s.stationId(), with(byStation.get(s.stationId()), s)));
        return new TargetPlans(target, stations, grids, byStation);
    }

    /** A station's sessions with {@code session} in place of the one with its id, or added ({@code null}: none). */
    static List<BatchLimits.OpenSession> with(List<BatchLimits.OpenSession> sessions,
            BatchLimits.OpenSession session) {
        List<BatchLimits.OpenSession> copy = new ArrayList<>(sessions == null ? 1 : sessions.size() + 1);
        boolean replaced = false;
        if (sessions != null) {
            for (BatchLimits.OpenSession s : sessions) {
                boolean same = s.sessionId().equals(session.sessionId());
                copy.add(same ? session : s);
                replaced |= same;
            }
        }
        if (!replaced) {
            copy.add(session);
        }
        return List.copyOf(copy);
    }
}
