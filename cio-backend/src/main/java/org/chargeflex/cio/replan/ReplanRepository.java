package org.chargeflex.cio.replan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chargeflex.cio.schedule.GridLimits;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the re-planner reads and writes besides sessions and schedules: meter readings, its versions, its lock. */
@Repository
class ReplanRepository {
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ReplanRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What the meter says a session got since {@code since}, Wh, and when the newest reading was taken. */
    record Metered(double deliveredWh, Instant lastReadingAt) {
        static final Metered NONE = new Metered(0, null);
    }

    /** A session whose meter readings {@link #deliveredAll} reads: where they come from. */
    record MeteredSession(String stationId, String sessionId, String outletId) {
    }

    /** A DNO curtailment's limit, W, and the ongoing sessions under it (as {@code GridLimits} counts them). */
    record Curtailment(double limitW, int ongoingSessions) {
    }

    /** The curtailments of a target: of its stations by station id, and of its grid connection point or {@code null}. */
    record TargetCurtailments(Map<String, Curtailment> stations, Curtailment gridConnectionPoint) {
    }

    /** Where a version's energy accounting starts: when it was planned and what had been delivered by then, Wh. */
    record Baseline(Instant plannedAt, double deliveredWh) {
    }

    /**
     * The grid connection point of each registered station among {@code stationIds} (value {@code null}: none);
     * unregistered ids are left out. One statement.
     */
    Map<String, String> gridConnectionPointsOf(Collection<String> stationIds) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("SELECT id, grid_connection_point FROM stations WHERE id = ANY (?)")
                .param(stationIds.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    /**
     * The curtailments of the stations and of the grid connection point ({@code null}: none) with the ongoing sessions
     * under each, in one statement (as {@code GridLimits.stationLimitW} and {@code gridConnectionPointLimitW} read them
     * one at a time).
     */
    TargetCurtailments curtailments(Collection<String> stationIds, String gridConnectionPoint) {
        Map<String, Curtailment> stations = new HashMap<>();
        Curtailment[] point = new Curtailment[1];
        jdbc.sql("""
                SELECT c.station_id, c.limit_w,
                       CASE WHEN c.station_id IS NOT NULL
                            THEN (SELECT count(*) FROM sessions se WHERE se.station_id = c.station_id AND"""
                + " " + GridLimits.ONGOING_SESSION + """
                )
                            ELSE (SELECT count(*) FROM sessions se JOIN stations st ON st.id = se.station_id
                                  WHERE st.grid_connection_point = c.grid_connection_point AND"""
                + " " + GridLimits.ONGOING_SESSION + """
                ) END AS ongoing
                FROM grid_curtailments c
                WHERE c.station_id = ANY (:stations) OR c.grid_connection_point = :gcp""")
                .param("stations", stationIds.toArray(String[]::new)).param("gcp", gridConnectionPoint)
                .query(rs -> {
                    Curtailment c = new Curtailment(rs.getDouble("limit_w"), rs.getInt("ongoing"));
                    if (rs.getString("station_id") != null) {
                        stations.put(rs.getString("station_id"), c);
                    } else {
                        point[0] = c;
                    }
                });
        return new TargetCurtailments(stations, point[0]);
    }

    /**
     * Takes the transaction-scoped advisory lock of a re-plan target; false if another transaction (on any instance)
     * holds it. Released at the commit or rollback.
     */
    boolean tryLock(String targetKey) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(6146, hashtext(?))").param(targetKey)
                .query(Boolean.class).single());
    }

    /** When the session's demand was last requested: its newest schedule version not made by the re-planner. */
    Optional<Instant> requestedAt(String stationId, String sessionId) {
        return jdbc.sql("""
                SELECT max(sc.created_at) FROM schedules sc
                WHERE sc.station_id = ? AND sc.session_id = ?
                  AND NOT EXISTS (SELECT 1 FROM replan_versions r WHERE r.schedule_id = sc.id)""")
                .params(stationId, sessionId).query((rs, n) -> rs.getTimestamp(1)).optional()
                .filter(t -> t != null).map(Timestamp::toInstant);
    }

    /**
     * The energy the session's outlet meter counted for it since {@code since}: the newest reading less the reading at
     * {@code since} (the last one before it, else the session's start register, else its first reading).
     */
    Metered delivered(String stationId, String sessionId, String outletId, Instant since) {
        return jdbc.sql("""
                WITH v AS (SELECT measured_at, sequence_number, energy_wh FROM meter_values
                           WHERE station_id = :station AND outlet_id = :outlet AND session_id = :session)
                SELECT (SELECT energy_wh FROM v ORDER BY measured_at DESC, sequence_number DESC LIMIT 1) AS latest,
                       (SELECT measured_at FROM v ORDER BY measured_at DESC, sequence_number DESC LIMIT 1) AS latest_at,
                       coalesce((SELECT energy_wh FROM v WHERE measured_at <= :since
                                 ORDER BY measured_at DESC, sequence_number DESC LIMIT 1),
                                (SELECT start_energy_wh FROM sessions WHERE station_id = :station AND id = :session),
                                (SELECT energy_wh FROM v ORDER BY measured_at, sequence_number LIMIT 1)) AS baseline""")
                .param("station", stationId).param("outlet", outletId).param("session", sessionId)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("latest_at");
                    if (at == null) {
                        return Metered.NONE;
                    }
                    double wh = rs.getDouble("latest") - rs.getDouble("baseline");
                    return new Metered(Math.max(0, wh), at.toInstant());
                }).single();
    }

    /**
     * {@link #delivered} for several sessions in one statement: per session (key {@link MeteredSession}) what its outlet
     * meter counted since its demand was last requested ({@link #requestedAt}, else the session's last update, else its
     * creation). A session that does not exist is left out.
     */
    Map<MeteredSession, Metered> deliveredAll(Collection<MeteredSession> sessions) {
        Map<MeteredSession, Metered> out = new HashMap<>();
        if (sessions.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT k.station_id, k.session_id, k.outlet_id, latest.energy_wh AS latest, latest.measured_at AS latest_at,
                       coalesce(before.energy_wh, se.start_energy_wh, first.energy_wh) AS baseline
                FROM unnest(CAST(:stations AS text[]), CAST(:sessions AS text[]), CAST(:outlets AS text[]))
                     AS k(station_id, session_id, outlet_id)
                JOIN sessions se ON se.station_id = k.station_id AND se.id = k.session_id
                CROSS JOIN LATERAL (
                    SELECT coalesce((SELECT max(sc.created_at) FROM schedules sc
                                     WHERE sc.station_id = k.station_id AND sc.session_id = k.session_id
                                       AND NOT EXISTS (SELECT 1 FROM replan_versions r WHERE r.schedule_id = sc.id)),
                                    se.updated_at, se.created_at) AS since) req
                LEFT JOIN LATERAL (
                    SELECT m.energy_wh, m.measured_at FROM meter_values m
                    WHERE m.station_id = k.station_id AND m.outlet_id = k.outlet_id AND m.session_id = k.session_id
                    ORDER BY m.measured_at DESC, m.sequence_number DESC LIMIT 1) latest ON true
                LEFT JOIN LATERAL (
                    SELECT m.energy_wh FROM meter_values m
                    WHERE m.station_id = k.station_id AND m.outlet_id = k.outlet_id AND m.session_id = k.session_id
                      AND m.measured_at <= req.since
                    ORDER BY m.measured_at DESC, m.sequence_number DESC LIMIT 1) before ON true
                LEFT JOIN LATERAL (
                    SELECT m.energy_wh FROM meter_values m
                    WHERE m.station_id = k.station_id AND m.outlet_id = k.outlet_id AND m.session_id = k.session_id
                    ORDER BY m.measured_at, m.sequence_number LIMIT 1) first ON true""")
                .param("stations", sessions.stream().map(MeteredSession::stationId).toArray(String[]::new))
                .param("sessions", sessions.stream().map(MeteredSession::sessionId).toArray(String[]::new))
                .param("outlets", sessions.stream().map(MeteredSession::outletId).toArray(String[]::new))
                .query(rs -> {
                    MeteredSession key = new MeteredSession(rs.getString("station_id"), rs.getString("session_id"),
                            rs.getString("outlet_id"));
                    Timestamp at = rs.getTimestamp("latest_at");
                    double wh = rs.getDouble("latest") - rs.getDouble("baseline");
                    out.put(key, at == null ? Metered.NONE : new Metered(Math.max(0, wh), at.toInstant()));
                });
        return out;
    }

    /** A version the re-planner stored: its schedule id and the energy delivered by then, Wh. */
    record ReplannedVersion(String scheduleId, double deliveredWh) {
    }

    /**
     * Records versions the re-planner stored at {@code plannedAt} with what had been delivered by then (the baseline of
     * {@link #baseline}), in one round trip (a JDBC batch).
     */
    void recordVersions(List<ReplannedVersion> versions, Instant plannedAt) {
        if (versions.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(plannedAt);
        batch.batchUpdate("""
                INSERT INTO replan_versions (schedule_id, planned_at, delivered_wh) VALUES (:schedule, :at, :delivered)""",
                versions.stream().map(v -> new MapSqlParameterSource().addValue("schedule", v.scheduleId())
                        .addValue("at", at).addValue("delivered", Math.max(0, v.deliveredWh())))
                        .toArray(SqlParameterSource[]::new));
    }

    /** {@link #baseline} of several versions in one statement; versions not made by the re-planner are left out. */
    Map<String, Baseline> baselines(Collection<String> scheduleIds) {
        Map<String, Baseline> out = new HashMap<>();
        if (scheduleIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT schedule_id, planned_at, delivered_wh FROM replan_versions WHERE schedule_id = ANY (?)")
                .param(scheduleIds.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), new Baseline(rs.getTimestamp(2).toInstant(), rs.getDouble(3)));
                });
        return out;
    }

    Optional<Baseline> baseline(String scheduleId) {
        return jdbc.sql("SELECT planned_at, delivered_wh FROM replan_versions WHERE schedule_id = ?").param(scheduleId)
                .query((rs, n) -> new Baseline(rs.getTimestamp(1).toInstant(), rs.getDouble(2))).optional();
    }
}
