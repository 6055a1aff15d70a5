package org.chargeflex.cio.replan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the re-planner reads and writes besides sessions and schedules: meter readings, its versions, its lock. */
@Repository
class ReplanRepository {
    private final JdbcClient jdbc;

    ReplanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the meter says a session got since {@code since}, Wh, and when the newest reading was taken. */
    record Metered(double deliveredWh, Instant lastReadingAt) {
        static final Metered NONE = new Metered(0, null);
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

    List<String> stationIdsUnder(String gridConnectionPoint) {
        return jdbc.sql("SELECT id FROM stations WHERE grid_connection_point = ? ORDER BY id").param(gridConnectionPoint)
                .query(String.class).list();
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

    void recordVersion(String scheduleId, Instant plannedAt, double deliveredWh) {
        jdbc.sql("INSERT INTO replan_versions (schedule_id, planned_at, delivered_wh) VALUES (?, ?, ?)")
                .params(scheduleId, Timestamp.from(plannedAt), Math.max(0, deliveredWh)).update();
    }

    Optional<Baseline> baseline(String scheduleId) {
        return jdbc.sql("SELECT planned_at, delivered_wh FROM replan_versions WHERE schedule_id = ?").param(scheduleId)
                .query((rs, n) -> new Baseline(rs.getTimestamp(1).toInstant(), rs.getDouble(2))).optional();
    }
}
