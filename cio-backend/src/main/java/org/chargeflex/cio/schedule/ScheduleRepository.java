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

    /**
     * Stores the plan as the session's next version (one statement: the version is the session's highest plus one).
     * Call in the transaction that holds the planning locks, which also keeps two plans of one session apart.
     */
    public StoredSchedule insertNextVersion(String stationId, String sessionId, PlannedSchedule plan,
            int pollIntervalSeconds, ScheduleOrigin origin, Long managementServiceId) {
        String id = UUID.randomUUID().toString();
        List<SchedulePeriod> periods = plan.periods();
        long[] offsets = periods.stream().mapToLong(SchedulePeriod::offsetSeconds).toArray();
        double[] powers = periods.stream().mapToDouble(SchedulePeriod::maxPowerW).toArray();
        return jdbc.sql("""
                INSERT INTO schedules (id, station_id, session_id, version, start_time, valid_until, poll_interval_s,
                                       period_offsets_s, period_max_power_w, peak_power_w, origin, management_service_id)
                SELECT :id, :station, :session, coalesce(max(version), 0) + 1, :start, :until, :poll, :offsets, :powers,
                       :peak, :origin, :service
                FROM schedules WHERE station_id = :station AND session_id = :session
                RETURNING version, created_at""")
                .param("id", id).param("station", stationId).param("session", sessionId)
                .param("start", Timestamp.from(plan.startTime())).param("until", Timestamp.from(plan.validUntil()))
                .param("poll", pollIntervalSeconds).param("offsets", offsets).param("powers", powers)
                .param("peak", plan.peakPowerW()).param("origin", origin.name()).param("service", managementServiceId)
                .query((rs, n) -> new StoredSchedule(id, stationId, sessionId, rs.getInt(1), plan, pollIntervalSeconds,
                        origin, managementServiceId, rs.getTimestamp(2).toInstant()))
                .single();
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
     * The limits of a station and its grid connection point and what other open sessions are planned to draw under
     * them, in one statement. The power planned for a session is the peak of its current schedule if that is still
     * valid at {@code now} (the peak over the whole schedule: conservative, and enough for a simple policy).
     *
     * @param gridConnectionPoint the station's grid connection point or {@code null}
     */
    public SharedLimits sharedLimits(String stationId, String gridConnectionPoint, String exceptSessionId, Instant now) {
        return jdbc.sql("""
                SELECT (SELECT max_power_w FROM stations WHERE id = :station) AS station_max,
                       (SELECT max_power_w FROM grid_connection_points WHERE id = :gcp) AS grid_max,
                       coalesce(sum(peak_power_w) FILTER (WHERE station_id = :station), 0) AS at_station,
                       coalesce(sum(peak_power_w), 0) AS at_grid
                FROM (""" + LATEST_PER_SESSION + """
                      JOIN stations st ON st.id = sc.station_id
                      WHERE (st.id = :station OR st.grid_connection_point = :gcp) AND se.state <> 'FINISHED'
                        AND NOT (sc.station_id = :station AND sc.session_id = :session)
                      ORDER BY sc.station_id, sc.session_id, sc.version DESC) latest
                WHERE valid_until > :now""")
                .param("station", stationId).param("gcp", gridConnectionPoint).param("session", exceptSessionId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new SharedLimits(rs.getDouble("station_max"),
                        rs.getObject("grid_max") == null ? Double.POSITIVE_INFINITY : rs.getDouble("grid_max"),
                        rs.getDouble("at_station"), rs.getDouble("at_grid")))
                .single();
    }

    /**
     * A station's and its grid connection point's limits and the power other open sessions are planned to draw.
     *
     * @param gridMaxPowerW      {@link Double#POSITIVE_INFINITY} without a grid connection point
     * @param committedAtStation planned for the station's other open sessions
     * @param committedAtGrid    planned for all other open sessions on the grid connection point (or, without one,
     *                           the station)
     */
    public record SharedLimits(double stationMaxPowerW, double gridMaxPowerW, double committedAtStation,
            double committedAtGrid) {
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
