package org.chargeflex.cio.schedule;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.station.PlanGenerations;
import org.chargeflex.cio.station.PlanningLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The database side of a planning batch's limits. {@link #open} takes the batch's planning locks
 * ({@link PlanningLocks#TAKE}), then moves the generations of the batch's planning targets ({@link PlanGenerations})
 * and names the batch's finished sessions, in one statement (the locks were a statement of their own until session 8
 * of issue 5: one round trip less per batch);
 * then {@link #read} reads the targets whose plans this instance does not hold at the generation just below
 * ({@link PlanSnapshots}): their stations with their limits and curtailments, their grid connection points' and their
 * open sessions (one row per open session), in one statement whatever the number of targets.
 *
 * <p>The read is shaped for the generic plan that the planning transaction uses
 * ({@link org.chargeflex.cio.station.PlanningLocks}): the stations by two index lookups (by id for stations on no grid
 * connection point, by grid connection point), then the open sessions of all of them by one scan of the partial index
 * {@code sessions_open_idx} with an array of station ids. It was on every batch until the plan generations (half the
 * database's time under load, 2.19 ms per batch of about 4 requests: bench/RESULTS.md, issue 5).
 */
@Repository
class BatchLimitsRepository {
    /** The batch's targets' new generations, the transaction's time, and which of its sessions had finished. */
    record Opened(Map<String, Long> generations, Instant transactionTime, List<String> finished) {
        long generation(String target) {
            Long g = generations.get(target);
            if (g == null) {
                throw new IllegalArgumentException("target " + target + " was not opened");
            }
            return g;
        }
    }

    /**
     * Which of the batch's sessions ({@code :sessionStations}, {@code :sessionIds}) have finished, in the statement's
     * snapshot: one primary-key look-up each.
     */
    private static final String FINISHED_SESSIONS = """
            SELECT array_agg(f.station_id || '/' || f.id) FROM sessions f
            WHERE (f.station_id, f.id) IN (SELECT * FROM unnest(CAST(:sessionStations AS varchar[]),
                                                                CAST(:sessionIds AS varchar[])))
              AND f.state = 'FINISHED'""";

    /**
     * Targets' plans as read, and which of the batch's sessions had finished then (the read's snapshot is later than
     * {@link #open}'s, which was taken before it waited for the generations' rows: a STOP committed in that wait moved
     * a generation, so its target is read, and the read names the session).
     */
    record Read(Map<String, TargetPlans> plans, List<String> finished) {
    }

    private final JdbcClient jdbc;

    BatchLimitsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the batch's planning locks, then moves the targets' generations (as {@code cio_plan_changed} does, in key
     * order) and names the batch's finished sessions, one primary-key look-up each. Call first in the batch's
     * transaction. The statement's snapshot is taken before it waits for the locks: what committed during the wait
     * moved the generations of its targets, so their copies are stale and they are read ({@link #read}), in a later
     * snapshot, as after a wait for a generation's row.
     *
     * @param locks   the planning locks of the batch's stations and grid connection points
     * @param targets       the batch's planning targets ({@link PlanGenerations#target})
     * @param batchSessions the batch's sessions as {@link BatchLimits#key station/session}
     */
    Opened open(PlanningLocks.Keys locks, Collection<String> targets, Collection<String> batchSessions) {
        String[] sessionStations = sessionStations(batchSessions);
        String[] sessionIds = sessionIds(batchSessions);
        Map<String, Long> generations = new HashMap<>();
        List<String> finished = new ArrayList<>();
        Instant[] now = new Instant[1];
        locks.bind(jdbc.sql("WITH " + PlanningLocks.TAKE + """
                ,
                moved AS (
                    INSERT INTO plan_generations AS p (target, generation)
                    SELECT DISTINCT t, 1 FROM unnest(CAST(:targets AS varchar[])) AS u(t)
                    WHERE """ + PlanningLocks.TAKEN + """
                    ORDER BY 1
                    ON CONFLICT (target) DO UPDATE SET generation = p.generation + 1
                    RETURNING p.target, p.generation)
                SELECT m.target, m.generation, now() AS tx_now, (""" + FINISHED_SESSIONS + """
                ) AS finished_sessions
                FROM moved m"""))
                .param("targets", targets.toArray(String[]::new))
                .param("sessionStations", sessionStations).param("sessionIds", sessionIds)
                .query(rs -> {
                    if (now[0] == null) { // the same on every row
                        now[0] = rs.getTimestamp("tx_now").toInstant();
                        finished.addAll(finished(rs));
                    }
                    generations.put(rs.getString("target"), rs.getLong("generation"));
                });
        return new Opened(generations, now[0] == null ? Instant.now() : now[0], finished);
    }

    /**
     * Reads the targets' plans: for {@code "g:"} targets the stations on the grid connection point, for {@code "s:"}
     * targets the station by id (wherever it is now: it may have moved onto a grid connection point, and is then
     * {@link TargetPlans#whole not the target's whole state}); a target with no station has none.
     */
    Read read(Collection<String> targets, Collection<String> batchSessions) {
        List<String> finished = new ArrayList<>();
        boolean[] first = {true};
        List<String> stationIds = new ArrayList<>();
        List<String> grids = new ArrayList<>();
        Map<String, Rows> rows = new LinkedHashMap<>();
        for (String t : targets) {
            (t.startsWith("g:") ? grids : stationIds).add(t.substring(2));
            rows.put(t, new Rows());
        }
        jdbc.sql("""
                WITH st AS MATERIALIZED (
                    SELECT s.id, s.grid_connection_point, s.max_power_w FROM stations s
                    WHERE s.id = ANY (ARRAY(SELECT unnest(CAST(:stations AS varchar[]))))
                    UNION
                    SELECT s.id, s.grid_connection_point, s.max_power_w FROM stations s
                    WHERE s.grid_connection_point = ANY (CAST(:grids AS varchar[]))),
                open AS MATERIALIZED (
                    SELECT se.station_id, se.id, se.schedule_version, se.planned_peak_w, se.plan_valid_until,
                           (""" + GridLimits.ONGOING_SESSION + """
                ) AS ongoing
                    FROM sessions se
                    WHERE se.station_id = ANY (ARRAY(SELECT id FROM st)) AND se.state <> 'FINISHED')
                SELECT st.id, st.grid_connection_point, st.max_power_w, sc.limit_w AS station_curtailed,
                       g.max_power_w AS grid_max, gc.limit_w AS grid_curtailed,
                       open.id AS session_id, open.schedule_version, open.planned_peak_w, open.plan_valid_until,
                       open.ongoing, (""" + FINISHED_SESSIONS + """
                ) AS finished_sessions
                FROM st
                LEFT JOIN grid_curtailments sc ON sc.station_id = st.id
                LEFT JOIN grid_connection_points g ON g.id = st.grid_connection_point
                LEFT JOIN grid_curtailments gc ON gc.grid_connection_point = st.grid_connection_point
                LEFT JOIN open ON open.station_id = st.id""")
                .param("stations", stationIds.toArray(String[]::new))
                .param("grids", grids.toArray(String[]::new))
                .param("sessionStations", sessionStations(batchSessions))
                .param("sessionIds", sessionIds(batchSessions))
                .query(rs -> {
                    if (first[0]) { // the same on every row
                        first[0] = false;
                        finished.addAll(finished(rs));
                    }
                    String station = rs.getString("id");
                    String grid = rs.getString("grid_connection_point");
                    BatchLimits.StationLimit limit = new BatchLimits.StationLimit(station, grid,
                            rs.getDouble("max_power_w"), rs.getObject("station_curtailed", Double.class));
                    BatchLimits.GridLimit gridLimit = grid == null || rs.getObject("grid_max") == null ? null
                            : new BatchLimits.GridLimit(grid, rs.getDouble("grid_max"),
                                    rs.getObject("grid_curtailed", Double.class));
                    String session = rs.getString("session_id");
                    BatchLimits.OpenSession open = session == null ? null
                            : new BatchLimits.OpenSession(station, session, rs.getInt("schedule_version"),
                                    rs.getDouble("planned_peak_w"), instant(rs.getTimestamp("plan_valid_until")),
                                    rs.getBoolean("ongoing"));
                    // a row belongs to the target read by the station's id and to the one of its grid connection point
                    for (String t : new String[] {"s:" + station, grid == null ? null : "g:" + grid}) {
                        Rows r = t == null ? null : rows.get(t);
                        if (r != null) {
                            r.add(limit, gridLimit, open);
                        }
                    }
                });
        Map<String, TargetPlans> plans = new LinkedHashMap<>();
        rows.forEach((t, r) -> plans.put(t, r.plans(t)));
        return new Read(plans, finished);
    }

    /** The limits for one request outside a planning batch ({@link LimitCalculator}): its targets read as they are. */
    BatchLimits readOutsideBatch(Collection<String> targets, GridLimits gridLimits, Instant now) {
        return new BatchLimits(read(targets, List.of()).plans().values(), gridLimits, now, List.of());
    }

    /** A target's rows as they come: a station's row repeats for each of its open sessions. */
    private static final class Rows {
        private final Map<String, BatchLimits.StationLimit> stations = new LinkedHashMap<>();
        private final Map<String, BatchLimits.GridLimit> grids = new LinkedHashMap<>();
        private final List<BatchLimits.OpenSession> sessions = new ArrayList<>();

        void add(BatchLimits.StationLimit station, BatchLimits.GridLimit grid, BatchLimits.OpenSession session) {
            stations.putIfAbsent(station.id(), station);
            if (grid != null) {
                grids.putIfAbsent(grid.id(), grid);
            }
            if (session != null) {
                sessions.add(session);
            }
        }

        TargetPlans plans(String target) {
            return TargetPlans.of(target, List.copyOf(stations.values()), List.copyOf(grids.values()), sessions);
        }
    }

    private static String[] sessionStations(Collection<String> batchSessions) {
        return batchSessions.stream().map(k -> k.substring(0, k.indexOf('/'))).toArray(String[]::new);
    }

    private static String[] sessionIds(Collection<String> batchSessions) {
        return batchSessions.stream().map(k -> k.substring(k.indexOf('/') + 1)).toArray(String[]::new);
    }

    private static List<String> finished(ResultSet rs) throws SQLException {
        Array f = rs.getArray("finished_sessions");
        if (f == null) {
            return List.of();
        }
        List<String> keys = List.of((String[]) f.getArray());
        f.free();
        return keys;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
