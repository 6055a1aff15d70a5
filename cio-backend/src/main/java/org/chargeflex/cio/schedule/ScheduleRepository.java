package org.chargeflex.cio.schedule;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schedules (table {@code schedules}): immutable versions per session, the highest being current. */
@Repository
public class ScheduleRepository {
    private static final String LATEST_PER_SESSION = """
            SELECT DISTINCT ON (sc.station_id, sc.session_id) sc.station_id, sc.session_id, sc.valid_until, sc.peak_power_w
            FROM schedules sc
            JOIN sessions se ON se.station_id = sc.station_id AND se.id = sc.session_id
            """;

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the plan as the session's next version. Call in the transaction that holds the planning locks. */
    public StoredSchedule insertNextVersion(String stationId, String sessionId, PlannedSchedule plan,
            int pollIntervalSeconds, ScheduleOrigin origin, Long managementServiceId) {
        return insertNextVersion(stationId, sessionId, plan, pollIntervalSeconds, origin, managementServiceId,
                plan.peakPowerW());
    }

    /**
     * The same with the peak the other sessions' plans must leave room for ({@code committedPeakW}): a re-planned
     * schedule keeps its past periods, whose power is over and no longer counts.
     */
    public StoredSchedule insertNextVersion(String stationId, String sessionId, PlannedSchedule plan,
            int pollIntervalSeconds, ScheduleOrigin origin, Long managementServiceId, double committedPeakW) {
        int version = jdbc.sql("""
                SELECT coalesce(max(version), 0) + 1 FROM schedules WHERE station_id = ? AND session_id = ?""")
                .params(stationId, sessionId).query(Integer.class).single();
        String id = UUID.randomUUID().toString();
        List<SchedulePeriod> periods = plan.periods();
        long[] offsets = periods.stream().mapToLong(SchedulePeriod::offsetSeconds).toArray();
        double[] powers = periods.stream().mapToDouble(SchedulePeriod::maxPowerW).toArray();
        Instant created = jdbc.sql("""
                INSERT INTO schedules (id, station_id, session_id, version, start_time, valid_until, poll_interval_s,
                                       period_offsets_s, period_max_power_w, peak_power_w, origin, management_service_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING created_at""")
                .params(id, stationId, sessionId, version, Timestamp.from(plan.startTime()),
                        Timestamp.from(plan.validUntil()), pollIntervalSeconds, offsets, powers, committedPeakW,
                        origin.name(), managementServiceId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        return new StoredSchedule(id, stationId, sessionId, version, plan, pollIntervalSeconds, origin,
                managementServiceId, created);
    }

    public Optional<StoredSchedule> current(String stationId, String sessionId) {
        return jdbc.sql("""
                SELECT * FROM schedules WHERE station_id = ? AND session_id = ? ORDER BY version DESC LIMIT 1""")
                .params(stationId, sessionId).query((rs, n) -> schedule(rs)).optional();
    }

    /** All versions of a session's schedule, oldest first. */
    public List<StoredSchedule> history(String stationId, String sessionId) {
        return jdbc.sql("SELECT * FROM schedules WHERE station_id = ? AND session_id = ? ORDER BY version")
                .params(stationId, sessionId).query((rs, n) -> schedule(rs)).list();
    }

    /**
     * The power planned for the station's other open sessions: the sum of the peaks of their current schedules that
     * are still valid at {@code now}. (The peak over the whole schedule: conservative, and enough for a simple policy.)
     */
    public double committedAtStation(String stationId, String exceptSessionId, Instant now) {
        return jdbc.sql("SELECT coalesce(sum(peak_power_w), 0) FROM (" + LATEST_PER_SESSION + """
                WHERE sc.station_id = :station AND se.state <> 'FINISHED' AND sc.session_id <> :session
                ORDER BY sc.station_id, sc.session_id, sc.version DESC) latest
                WHERE valid_until > :now""")
                .param("station", stationId).param("session", exceptSessionId).param("now", Timestamp.from(now))
                .query(Double.class).single();
    }

    /** Like {@link #committedAtStation} for all stations on a grid connection point. */
    public double committedAtGridPoint(String gridConnectionPoint, String exceptStationId, String exceptSessionId,
            Instant now) {
        return jdbc.sql("SELECT coalesce(sum(peak_power_w), 0) FROM (" + LATEST_PER_SESSION + """
                JOIN stations st ON st.id = sc.station_id
                WHERE st.grid_connection_point = :gcp AND se.state <> 'FINISHED'
                  AND NOT (sc.station_id = :station AND sc.session_id = :session)
                ORDER BY sc.station_id, sc.session_id, sc.version DESC) latest
                WHERE valid_until > :now""")
                .param("gcp", gridConnectionPoint).param("station", exceptStationId).param("session", exceptSessionId)
                .param("now", Timestamp.from(now))
                .query(Double.class).single();
    }

    private static StoredSchedule schedule(ResultSet rs) throws SQLException {
        Long[] offsets = (Long[]) array(rs.getArray("period_offsets_s"));
        Double[] powers = (Double[]) array(rs.getArray("period_max_power_w"));
        List<SchedulePeriod> periods = new ArrayList<>(offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            periods.add(new SchedulePeriod(offsets[i], powers[i]));
        }
        PlannedSchedule plan = new PlannedSchedule(rs.getTimestamp("start_time").toInstant(), periods,
                rs.getTimestamp("valid_until").toInstant());
        return new StoredSchedule(rs.getString("id"), rs.getString("station_id"), rs.getString("session_id"),
                rs.getInt("version"), plan, rs.getInt("poll_interval_s"), ScheduleOrigin.valueOf(rs.getString("origin")),
                rs.getObject("management_service_id", Long.class), rs.getTimestamp("created_at").toInstant());
    }

    private static Object array(Array array) throws SQLException {
        try {
            return array.getArray();
        } finally {
            array.free();
        }
    }
}
