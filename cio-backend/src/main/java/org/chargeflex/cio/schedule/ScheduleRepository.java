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
    /**
     * The open sessions whose current schedule is still valid at {@code :now}, with the peak their plans commit
     * ({@code sessions.planned_peak_w}, kept by {@link #insertNextVersion}).
     */
    private static final String PLANNED_OPEN_SESSION = "se.state <> 'FINISHED' AND se.plan_valid_until > :now";

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the plan as the session's next version (one statement: the session row counts its versions and keeps
     * the current one's peak and validity for {@link #sharedLimits}). Call in the transaction that holds the planning
     * locks, which also keeps two plans of one session apart.
     */
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
        String id = UUID.randomUUID().toString();
        List<SchedulePeriod> periods = plan.periods();
        long[] offsets = periods.stream().mapToLong(SchedulePeriod::offsetSeconds).toArray();
        double[] powers = periods.stream().mapToDouble(SchedulePeriod::maxPowerW).toArray();
        return jdbc.sql("""
                WITH current AS (
                    UPDATE sessions SET schedule_version = schedule_version + 1, planned_peak_w = :peak,
                                        plan_valid_until = :until
                    WHERE station_id = :station AND id = :session
                    RETURNING schedule_version)
                INSERT INTO schedules (id, station_id, session_id, version, start_time, valid_until, poll_interval_s,
                                       period_offsets_s, period_max_power_w, peak_power_w, origin, management_service_id)
                SELECT :id, :station, :session, schedule_version, :start, :until, :poll, :offsets, :powers,
                       :peak, :origin, :service
                FROM current
                RETURNING version, created_at""")
                .param("id", id).param("station", stationId).param("session", sessionId)
                .param("start", Timestamp.from(plan.startTime())).param("until", Timestamp.from(plan.validUntil()))
                .param("poll", pollIntervalSeconds).param("offsets", offsets).param("powers", powers)
                .param("peak", committedPeakW).param("origin", origin.name()).param("service", managementServiceId)
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
     * The power planned for the station's other open sessions: the sum of the peaks of their current schedules that
     * are still valid at {@code now}. (The peak over the whole schedule: conservative, and enough for a simple policy.)
     */
    public double committedAtStation(String stationId, String exceptSessionId, Instant now) {
        return jdbc.sql("SELECT coalesce(sum(se.planned_peak_w), 0) FROM sessions se WHERE se.station_id = :station"
                + " AND se.id <> :session AND " + PLANNED_OPEN_SESSION)
                .param("station", stationId).param("session", exceptSessionId).param("now", Timestamp.from(now))
                .query(Double.class).single();
    }

    /**
     * The limits of a station and its grid connection point, their DNO curtailments (with the ongoing sessions the
     * minimum-session-power rule counts) and what other open sessions are planned to draw under them, in one
     * statement. The power planned for a session is the peak of its current schedule if that is still valid at
     * {@code now} (the peak over the whole schedule: conservative, and enough for a simple policy). The effective
     * limits are {@link GridLimits#curtailedLimitW} of these.
     *
     * @param gridConnectionPoint the station's grid connection point or {@code null}
     */
    public SharedLimits sharedLimits(String stationId, String gridConnectionPoint, String exceptSessionId, Instant now) {
        return jdbc.sql("""
                SELECT (SELECT max_power_w FROM stations WHERE id = :station) AS station_max,
                       (SELECT max_power_w FROM grid_connection_points WHERE id = :gcp) AS grid_max,
                       (SELECT c.limit_w FROM grid_curtailments c WHERE c.station_id = :station) AS station_curtailed,
                       (SELECT (SELECT count(*) FROM sessions se WHERE se.station_id = c.station_id AND"""
                + " " + GridLimits.ONGOING_SESSION + """
                ) FROM grid_curtailments c WHERE c.station_id = :station) AS station_ongoing,
                       (SELECT c.limit_w FROM grid_curtailments c WHERE c.grid_connection_point = :gcp) AS grid_curtailed,
                       (SELECT (SELECT count(*) FROM sessions se JOIN stations st ON st.id = se.station_id
                                WHERE st.grid_connection_point = c.grid_connection_point AND"""
                + " " + GridLimits.ONGOING_SESSION + """
                ) FROM grid_curtailments c WHERE c.grid_connection_point = :gcp) AS grid_ongoing,
                       coalesce(sum(se.planned_peak_w) FILTER (WHERE se.station_id = :station), 0) AS at_station,
                       coalesce(sum(se.planned_peak_w), 0) AS at_grid
                FROM sessions se
                WHERE se.station_id IN (SELECT id FROM stations WHERE id = :station OR grid_connection_point = :gcp)
                  AND NOT (se.station_id = :station AND se.id = :session)""" + " AND " + PLANNED_OPEN_SESSION)
                .param("station", stationId).param("gcp", gridConnectionPoint).param("session", exceptSessionId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new SharedLimits(rs.getDouble("station_max"),
                        rs.getObject("grid_max") == null ? Double.POSITIVE_INFINITY : rs.getDouble("grid_max"),
                        curtailment(rs, "station_curtailed", "station_ongoing"),
                        curtailment(rs, "grid_curtailed", "grid_ongoing"),
                        rs.getDouble("at_station"), rs.getDouble("at_grid")))
                .single();
    }

    private static Curtailment curtailment(ResultSet rs, String limit, String ongoing) throws SQLException {
        return rs.getObject(limit) == null ? null : new Curtailment(rs.getDouble(limit), rs.getInt(ongoing));
    }

    /**
     * A station's and its grid connection point's limits and the power other open sessions are planned to draw.
     *
     * @param gridMaxPowerW      {@link Double#POSITIVE_INFINITY} without a grid connection point
     * @param stationCurtailment the station's DNO curtailment, or {@code null}
     * @param gridCurtailment    the grid connection point's DNO curtailment, or {@code null}
     * @param committedAtStation planned for the station's other open sessions
     * @param committedAtGrid    planned for all other open sessions on the grid connection point (or, without one,
     *                           the station)
     */
    public record SharedLimits(double stationMaxPowerW, double gridMaxPowerW, Curtailment stationCurtailment,
            Curtailment gridCurtailment, double committedAtStation, double committedAtGrid) {
    }

    /** A DNO curtailment's limit, W, and the ongoing sessions under it. */
    public record Curtailment(double limitW, int ongoingSessions) {
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
