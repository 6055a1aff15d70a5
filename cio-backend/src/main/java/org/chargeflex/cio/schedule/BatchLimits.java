package org.chargeflex.cio.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chargeflex.cio.optimizer.PlanningInput;

/**
 * The limits and the committed power under them for a batch of charging requests, read once per batch
 * ({@link BatchLimitsRepository}) and kept up to date in memory while the batch's sessions are planned one after the
 * other: each plan counts against the next ({@link LimitCalculator} reads them for a single request). A station's and
 * a grid connection point's limit is its registered maximum or DNO curtailment ({@link GridLimits}, with the ongoing
 * sessions the minimum-session-power rule counts), less the peaks of the other open sessions' plans that are still
 * valid.
 */
final class BatchLimits {
    /** A station, its grid connection point ({@code null}: none), maximum and curtailment ({@code null}: none). */
    record StationLimit(String id, String gridConnectionPoint, double maxPowerW, Double curtailedW) {
    }

    /** A grid connection point's maximum and curtailment ({@code null}: none). */
    record GridLimit(String id, double maxPowerW, Double curtailedW) {
    }

    /** An open session: its current plan's version, committed peak and validity, and whether it is ongoing. */
    record OpenSession(String stationId, String sessionId, int version, double peakW, Instant validUntil,
            boolean ongoing) {
    }

    private final Map<String, StationLimit> stations = new HashMap<>();
    private final Map<String, GridLimit> grids = new HashMap<>();
    private final Map<String, List<String>> stationsOfGrid = new HashMap<>();
    /** Per station its open sessions: lists shared with the target plans, replaced (never changed) on a write. */
    private final Map<String, List<OpenSession>> sessionsOfStation = new HashMap<>();
    private final GridLimits gridLimits;
    private final Set<String> finished;
    private final Instant transactionTime;

    BatchLimits(List<StationLimit> stations, List<GridLimit> grids, List<OpenSession> sessions, GridLimits gridLimits,
            Instant transactionTime) {
        this(List.of(TargetPlans.of(null, stations, grids, sessions)), gridLimits, transactionTime, List.of());
    }

    /**
     * The limits over the targets' plans (a station or grid connection point that two of them name counts once, with
     * the open sessions of the first that names it).
     *
     * @param finished sessions of the batch that have finished, as {@link #key}
     */
    BatchLimits(Collection<TargetPlans> plans, GridLimits gridLimits, Instant transactionTime,
            Collection<String> finished) {
        this.finished = Set.copyOf(finished);
        this.gridLimits = gridLimits;
        this.transactionTime = transactionTime;
        for (TargetPlans p : plans) {
            for (StationLimit s : p.stations()) {
                if (this.stations.putIfAbsent(s.id(), s) != null) {
                    continue;
                }
                if (s.gridConnectionPoint() != null) {
                    stationsOfGrid.computeIfAbsent(s.gridConnectionPoint(), g -> new ArrayList<>()).add(s.id());
                }
                List<OpenSession> open = p.sessionsOfStation().get(s.id());
                if (open != null) {
                    sessionsOfStation.put(s.id(), open);
                }
            }
            p.grids().forEach(g -> this.grids.putIfAbsent(g.id(), g));
        }
    }

    /** The database's transaction time: the {@code created_at} of the schedules the batch stores. */
    Instant transactionTime() {
        return transactionTime;
    }

    /** A batch session's key for {@link BatchLimitsRepository#read}: station id and session id (ids have no '/'). */
    static String key(String stationId, String sessionId) {
        return stationId + "/" + sessionId;
    }

    /** Whether the batch's session had finished when the limits were read (its request is refused: 409). */
    boolean finished(String stationId, String sessionId) {
        return finished.contains(key(stationId, sessionId));
    }

    /** Whether the station is still registered (read under the planning locks). */
    boolean knows(String stationId) {
        return stations.containsKey(stationId);
    }

    /** The limits for planning the session, net of every other open session's plan valid at {@code now}. */
    PlanningInput input(PlanningJob job, Instant now) {
        String stationId = job.target().stationId();
        String sessionId = job.request().sessionId();
        StationLimit station = stations.get(stationId);
        Load atStation = load(List.of(stationId), stationId, sessionId, now);
        double stationHeadroom = limit(station.maxPowerW(), station.curtailedW(), atStation.ongoing())
                - atStation.committedW();
        double gridHeadroom = Double.POSITIVE_INFINITY;
        GridLimit grid = station.gridConnectionPoint() == null ? null : grids.get(station.gridConnectionPoint());
        if (grid != null) {
            Load atGrid = load(stationsOfGrid.get(grid.id()), stationId, sessionId, now);
            gridHeadroom = limit(grid.maxPowerW(), grid.curtailedW(), atGrid.ongoing()) - atGrid.committedW();
        }
        return new PlanningInput(now, job.request().ev().plannedDeparture(), job.request().ev().energyDemandWh(),
                job.evMaxPowerW(), job.evMinPowerW(), job.target().outlet().maxPowerW(), stationHeadroom,
                gridHeadroom);
    }

    /** The station's grid connection point as read under the planning locks ({@code null}: none). */
    String gridConnectionPointOf(String stationId) {
        StationLimit station = stations.get(stationId);
        return station == null ? null : station.gridConnectionPoint();
    }

    /** The version the session's next schedule gets. */
    int nextVersion(String stationId, String sessionId) {
        OpenSession s = session(stationId, sessionId);
        return s == null ? 1 : s.version() + 1;
    }

    /**
     * Counts a session of the batch as open and ongoing before any of the batch is planned, as it is once its request
     * is stored: the limits are read before the batch's requests are stored with their plans
     * ({@link RequestPlanRepository}), so a new session is not among the open sessions read, and one that a START
     * record opened has no energy demand yet (not ongoing, {@link GridLimits#ONGOING_SESSION}). So every session of the
     * batch counts for the minimum session power of a curtailed limit from the batch's first plan on, and a new one
     * gets version 1, exactly as when the requests were stored before the read. A session already read keeps its
     * version and current plan (which still counts until it is replaced).
     *
     * <p>A session that had finished when the limits were read is refused before this ({@link #finished}), so it
     * counts for nothing. One that a STOP record finishes between the read and the store (a STOP takes no planning
     * lock) counts as it was read, open, as when its STOP comes just after the batch; its own request then fails (409).
     */
    void requested(String stationId, String sessionId) {
        OpenSession s = session(stationId, sessionId);
        if (s == null) {
            put(new OpenSession(stationId, sessionId, 0, 0, null, true));
        } else if (!s.ongoing()) {
            put(new OpenSession(stationId, sessionId, s.version(), s.peakW(), s.validUntil(), true));
        }
    }

    /** Counts a new plan of the session against the limits for the rest of the batch. */
    void planned(String stationId, String sessionId, int version, double peakW, Instant validUntil) {
        OpenSession before = session(stationId, sessionId);
        put(new OpenSession(stationId, sessionId, version, peakW, validUntil, before == null || before.ongoing()));
    }

    private OpenSession session(String stationId, String sessionId) {
        for (OpenSession s : sessionsOfStation.getOrDefault(stationId, List.of())) {
            if (s.sessionId().equals(sessionId)) {
                return s;
            }
        }
        return null;
    }

    private void put(OpenSession s) {
        sessionsOfStation.put(s.stationId(), TargetPlans.with(sessionsOfStation.get(s.stationId()), s));
    }

    /**
     * What the stations' open sessions put on a limit: how many are ongoing (all of them, for the minimum session
     * power), and the peaks of the plans valid at {@code now} except the session being planned. One pass over the
     * sessions (it was two, a sizeable share of the JVM's samples per request under load: bench/RESULTS.md, issue 5).
     */
    private Load load(List<String> stationIds, String exceptStation, String exceptSession, Instant now) {
        int ongoing = 0;
        double committed = 0;
        for (String id : stationIds) {
            List<OpenSession> open = sessionsOfStation.get(id);
            if (open == null) {
                continue;
            }
            boolean planned = id.equals(exceptStation);
            for (OpenSession s : open) {
                ongoing += s.ongoing() ? 1 : 0;
                if (s.validUntil() != null && s.validUntil().isAfter(now)
                        && !(planned && s.sessionId().equals(exceptSession))) {
                    committed += s.peakW();
                }
            }
        }
        return new Load(ongoing, committed);
    }

    private record Load(int ongoing, double committedW) {
    }

    private double limit(double registeredMaxW, Double curtailedW, int ongoingSessions) {
        return curtailedW == null ? registeredMaxW
                : gridLimits.curtailedLimitW(registeredMaxW, curtailedW, ongoingSessions);
    }
}
