package org.chargeflex.cio.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@link BatchLimits} for a batch of charging requests in one statement whatever the batch size: the batch's
 * stations and all stations on its grid connection points, with their limits and curtailments, their grid connection
 * points' and their open sessions (one row per open session). Shaped for the generic plan that the planning
 * transaction uses ({@link org.chargeflex.cio.station.PlanningLocks}): the stations by two index lookups (by id, by
 * grid connection point), then the open sessions of all of them by one scan of the partial index
 * {@code sessions_open_idx} with an array of station ids. (Measured under load with 3 grid connection points of 20
 * stations: 0.45 ms against 1.07 ms for the former shape, a lateral index lookup per station under an {@code OR} of
 * both station conditions, whose generic plan scanned all stations.) Call inside the batch's transaction, after the
 * planning locks and before storing the requests ({@link RequestPlanRepository}): the batch's own sessions are then
 * made known to the result ({@link BatchLimits#requested}).
 */
@Repository
class BatchLimitsRepository {
    private final JdbcClient jdbc;
    private final GridLimits gridLimits;

    BatchLimitsRepository(JdbcClient jdbc, GridLimits gridLimits) {
        this.jdbc = jdbc;
        this.gridLimits = gridLimits;
    }

    /**
     * @param batchSessions the batch's sessions as {@link BatchLimits#key station/session}: those that have finished
     *                      are named in the answer ({@link BatchLimits#finished}), one primary-key look-up each
     */
    BatchLimits read(Collection<String> stationIds, Collection<String> gridConnectionPoints,
            Collection<String> batchSessions) {
        List<String> finished = new ArrayList<>();
        String[] sessionStations = batchSessions.stream().map(k -> k.substring(0, k.indexOf('/'))).toArray(String[]::new);
        String[] sessionIds = batchSessions.stream().map(k -> k.substring(k.indexOf('/') + 1)).toArray(String[]::new);
        Instant[] now = new Instant[1];
        Map<String, BatchLimits.StationLimit> stations = new LinkedHashMap<>();
        Map<String, BatchLimits.GridLimit> grids = new LinkedHashMap<>();
        List<BatchLimits.OpenSession> sessions = new ArrayList<>();
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
                       g.max_power_w AS grid_max, gc.limit_w AS grid_curtailed, now() AS tx_now,
                       open.id AS session_id, open.schedule_version, open.planned_peak_w, open.plan_valid_until,
                       open.ongoing,
                       (SELECT array_agg(f.station_id || '/' || f.id) FROM sessions f
                        WHERE (f.station_id, f.id) IN (SELECT * FROM unnest(CAST(:sessionStations AS varchar[]),
                                                                            CAST(:sessionIds AS varchar[])))
                          AND f.state = 'FINISHED') AS finished_sessions
                FROM st
                LEFT JOIN grid_curtailments sc ON sc.station_id = st.id
                LEFT JOIN grid_connection_points g ON g.id = st.grid_connection_point
                LEFT JOIN grid_curtailments gc ON gc.grid_connection_point = st.grid_connection_point
                LEFT JOIN open ON open.station_id = st.id""")
                .param("stations", stationIds.toArray(String[]::new))
                .param("grids", gridConnectionPoints.toArray(String[]::new))
                .param("sessionStations", sessionStations).param("sessionIds", sessionIds)
                .query(rs -> {
                    if (now[0] == null) { // the same on every row
                        now[0] = rs.getTimestamp("tx_now").toInstant();
                        java.sql.Array f = rs.getArray("finished_sessions");
                        if (f != null) {
                            finished.addAll(List.of((String[]) f.getArray()));
                            f.free();
                        }
                    }
                    String station = rs.getString("id");
                    String grid = rs.getString("grid_connection_point");
                    if (!stations.containsKey(station)) {
                        stations.put(station, new BatchLimits.StationLimit(station, grid, rs.getDouble("max_power_w"),
                                rs.getObject("station_curtailed", Double.class)));
                    }
                    if (grid != null && !grids.containsKey(grid) && rs.getObject("grid_max") != null) {
                        grids.put(grid, new BatchLimits.GridLimit(grid, rs.getDouble("grid_max"),
                                rs.getObject("grid_curtailed", Double.class)));
                    }
                    String session = rs.getString("session_id");
                    if (session != null) {
                        sessions.add(new BatchLimits.OpenSession(station, session, rs.getInt("schedule_version"),
                                rs.getDouble("planned_peak_w"), instant(rs.getTimestamp("plan_valid_until")),
                                rs.getBoolean("ongoing")));
                    }
                });
        return new BatchLimits(List.copyOf(stations.values()), List.copyOf(grids.values()), sessions, gridLimits,
                now[0] == null ? Instant.now() : now[0], finished);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
