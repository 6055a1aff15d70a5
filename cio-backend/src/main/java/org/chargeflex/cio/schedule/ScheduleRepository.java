package org.chargeflex.cio.schedule;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.station.PlanGenerations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schedules (table {@code schedules}): immutable versions per session, the highest being current. */
@Repository
public class ScheduleRepository {
    /**
     * The open sessions whose current schedule is still valid at {@code :now}, with the peak their plans commit
     * ({@code sessions.planned_peak_w}, kept by {@link #insertVersions} and {@link RequestPlanRepository}).
     */
    private static final String PLANNED_OPEN_SESSION = "se.state <> 'FINISHED' AND se.plan_valid_until > :now";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final PlanGenerations generations;

    ScheduleRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PlanGenerations generations) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.generations = generations;
    }

    /**
     * A schedule version to store with {@link #insertVersions}.
     *
     * @param version        the session's current version plus one (0 + 1 for its first)
     * @param committedPeakW the peak the other sessions' plans must leave room for: the plan's peak, or for a
     *                       re-planned schedule, whose past periods are over and no longer count, its future peak
     * @param createdAt      the transaction's time, for the returned {@link StoredSchedule} (the row takes now())
     */
    public record NewVersion(String stationId, String sessionId, int version, PlannedSchedule plan,
            int pollIntervalSeconds, ScheduleOrigin origin, Long managementServiceId, double committedPeakW,
            Instant createdAt) {
        StoredSchedule stored(String id) {
            return new StoredSchedule(id, stationId, sessionId, version, plan, pollIntervalSeconds, origin,
                    managementServiceId, createdAt);
        }
    }

    /**
     * Stores several sessions' next versions in one round trip (a JDBC batch): each row also moves its session's
     * current plan on, but only from the version before it, so a version that is not the session's next is refused
     * (never expected under the planning locks). Moves the sessions' targets' plan generations first
     * ({@link PlanGenerations}). Call in the transaction that holds the planning locks. For versions of
     * sessions whose request data stay as stored (the re-planner's); a charging request stores its data and its version
     * in one statement ({@link RequestPlanRepository}).
     *
     * @return the stored schedules, in order
     * @throws IllegalStateException if a version is not its session's next (roll the transaction back)
     */
    public List<StoredSchedule> insertVersions(List<NewVersion> versions) {
        if (versions.isEmpty()) {
            return List.of();
        }
        // before the session rows: other instances' copies of these targets' plans are then stale
        generations.stationsChanged(versions.stream().map(NewVersion::stationId).distinct().toList());
        List<String> ids = new ArrayList<>(versions.size());
        SqlParameterSource[] params = new SqlParameterSource[versions.size()];
        for (int i = 0; i < params.length; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            params[i] = versionParams(versions.get(i), id);
        }
        int[] counts = batch.batchUpdate("""
                WITH current AS (
                    UPDATE sessions SET schedule_version = :version, planned_peak_w = :peak, plan_valid_until = :until
                    WHERE station_id = :station AND id = :session AND schedule_version = :version - 1
                    RETURNING schedule_version)
                INSERT INTO schedules (id, station_id, session_id, version, start_time, valid_until, poll_interval_s,
                                       period_offsets_s, period_max_power_w, peak_power_w, origin, management_service_id)
                SELECT :id, :station, :session, schedule_version, :start, :until, :poll, :offsets, :powers, :peak,
                       :origin, :service
                FROM current""", params);
        List<StoredSchedule> stored = new ArrayList<>(versions.size());
        for (int i = 0; i < counts.length; i++) {
            NewVersion v = versions.get(i);
            if (counts[i] != 1) {
                throw new IllegalStateException("schedule version " + v.version() + " of session " + v.stationId()
                        + "/" + v.sessionId() + " is not the session's next");
            }
            stored.add(v.stored(ids.get(i)));
        }
        return stored;
    }

    /**
     * The parameters of a schedule row for {@code v} with the given id: {@code :id, :station, :session, :version,
     * :start, :until, :poll, :offsets, :powers, :peak} (the committed peak), {@code :origin, :service}.
     * ({@link RequestPlanRepository} sets the same values as positional parameters.)
     */
    static MapSqlParameterSource versionParams(NewVersion v, String id) {
        List<SchedulePeriod> periods = v.plan().periods();
        return new MapSqlParameterSource().addValue("id", id).addValue("station", v.stationId())
                .addValue("session", v.sessionId()).addValue("version", v.version())
                .addValue("start", Timestamp.from(v.plan().startTime()))
                .addValue("until", Timestamp.from(v.plan().validUntil()))
                .addValue("poll", v.pollIntervalSeconds())
                .addValue("offsets", offsets(periods)).addValue("powers", powers(periods))
                .addValue("peak", v.committedPeakW()).addValue("origin", v.origin().name())
                .addValue("service", v.managementServiceId(), Types.BIGINT);
    }

    /** The periods' offsets, s, as column {@code period_offsets_s} takes them. */
    static long[] offsets(List<SchedulePeriod> periods) {
        return periods.stream().mapToLong(SchedulePeriod::offsetSeconds).toArray();
    }

    /** The periods' maximum powers, W, as column {@code period_max_power_w} takes them. */
    static double[] powers(List<SchedulePeriod> periods) {
        return periods.stream().mapToDouble(SchedulePeriod::maxPowerW).toArray();
    }

    public Optional<StoredSchedule> current(String stationId, String sessionId) {
        return jdbc.sql("""
                SELECT * FROM schedules WHERE station_id = ? AND session_id = ? ORDER BY version DESC LIMIT 1""")
                .params(stationId, sessionId).query((rs, n) -> schedule(rs)).optional();
    }

    /**
     * The current schedules of the open sessions of the stations, in one statement: each session's version as its
     * row keeps it ({@code sessions.schedule_version}, kept with every version stored); a session without a
     * schedule has none in the list.
     */
    public List<StoredSchedule> currentOf(Collection<String> stationIds) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT sc.* FROM sessions se
                JOIN schedules sc ON sc.station_id = se.station_id AND sc.session_id = se.id
                                 AND sc.version = se.schedule_version
                WHERE se.station_id = ANY (?) AND se.state <> 'FINISHED'""")
                .param(stationIds.toArray(String[]::new))
                .query((rs, n) -> schedule(rs)).list();
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
