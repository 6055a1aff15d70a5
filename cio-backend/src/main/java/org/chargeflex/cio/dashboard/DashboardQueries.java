package org.chargeflex.cio.dashboard;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.dashboard.DashboardSummary.GridPointView;
import org.chargeflex.cio.dashboard.DashboardSummary.PowerPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's read-only queries; each reads all stations (or all chosen sessions) in one statement. */
@Repository
class DashboardQueries {
    /**
     * The session named by {@code :pinStation}/{@code :pinSession} (if any), then open sessions, then those active in
     * the window; each group by latest change, newest first; at most {@code :limit}.
     */
    private static final String CHOSEN_SESSIONS = """
            WITH chosen AS (
                SELECT se.station_id, se.id, se.outlet_id, se.state, se.started_at, se.stopped_at, se.created_at,
                       (se.station_id = CAST(:pinStation AS varchar) AND se.id = CAST(:pinSession AS varchar)) AS pinned,
                       se.updated_at
                FROM sessions se
                WHERE se.state <> 'FINISHED' OR se.stopped_at >= :from OR se.updated_at >= :from
                   OR (se.station_id = CAST(:pinStation AS varchar) AND se.id = CAST(:pinSession AS varchar))
                ORDER BY pinned DESC NULLS LAST, (se.state = 'FINISHED'), se.updated_at DESC, se.station_id, se.id
                LIMIT :limit)
            """;

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A station row with its open sessions and the power of its outlets' newest values since {@code recent}. */
    record StationRow(String id, String name, Double latitude, Double longitude, String gridConnectionPoint,
            double maxPowerW, Instant lastSeenAt, int openSessions, double recentPowerW) {
    }

    /** One bucket of one grid connection point's measured power ({@code gridConnectionPoint} null: none). */
    record BucketRow(String gridConnectionPoint, long bucket, double powerW) {
    }

    /** A chosen session; {@link #outletMaxPowerW} null when its outlet is gone. */
    record SessionRow(String stationId, String sessionId, String outletId, String state, Instant startedAt,
            Instant stoppedAt, Double outletMaxPowerW) {
        String key() {
            return stationId + "\u0000" + sessionId;
        }
    }

    List<StationRow> stations(Instant recent) {
        return jdbc.sql("""
                SELECT s.id, s.name, s.latitude, s.longitude, s.grid_connection_point, s.max_power_w, s.last_seen_at,
                    (SELECT count(*) FROM sessions se WHERE se.station_id = s.id AND se.state <> 'FINISHED') AS open_sessions,
                    (SELECT coalesce(sum(l.power_w), 0) FROM (
                        SELECT DISTINCT ON (m.outlet_id) m.power_w FROM meter_values m
                        WHERE m.station_id = s.id AND m.measured_at >= :recent
                        ORDER BY m.outlet_id, m.measured_at DESC, m.sequence_number DESC) l) AS recent_power_w
                FROM stations s ORDER BY s.id""")
                .param("recent", Timestamp.from(recent))
                .query((rs, n) -> new StationRow(rs.getString("id"), rs.getString("name"),
                        rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
                        rs.getString("grid_connection_point"), rs.getDouble("max_power_w"),
                        instant(rs, "last_seen_at"), rs.getInt("open_sessions"), rs.getDouble("recent_power_w")))
                .list();
    }

    List<GridPointView> gridConnectionPoints() {
        return jdbc.sql("SELECT id, name, max_power_w FROM grid_connection_points ORDER BY id")
                .query((rs, n) -> new GridPointView(rs.getString("id"), rs.getString("name"), rs.getDouble("max_power_w"),
                        0, 0))
                .list();
    }

    /**
     * Measured power per grid connection point and bucket in [from, to): per outlet the mean of its values in the
     * bucket, summed over the outlets of the point's stations. {@code bucket} counts {@code bucketSeconds} since the epoch.
     */
    List<BucketRow> powerBuckets(Instant from, Instant to, int bucketSeconds) {
        return jdbc.sql("""
                SELECT s.grid_connection_point, b.bucket, sum(b.mean_power_w) AS power_w
                FROM (SELECT m.station_id, m.outlet_id,
                             floor(extract(epoch FROM m.measured_at) / :bucket)::bigint AS bucket,
                             avg(m.power_w) AS mean_power_w
                      FROM meter_values m WHERE m.measured_at >= :from AND m.measured_at < :to
                      GROUP BY m.station_id, m.outlet_id, bucket) b
                JOIN stations s ON s.id = b.station_id
                GROUP BY s.grid_connection_point, b.bucket
                ORDER BY s.grid_connection_point NULLS LAST, b.bucket""")
                .param("bucket", bucketSeconds).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new BucketRow(rs.getString(1), rs.getLong(2), rs.getDouble(3)))
                .list();
    }

    List<SessionRow> sessions(Instant from, int limit, SessionKey pin) {
        return jdbc.sql(CHOSEN_SESSIONS + """
                SELECT c.*, o.max_power_w AS outlet_max_power_w FROM chosen c
                LEFT JOIN outlets o ON o.station_id = c.station_id AND o.id = c.outlet_id
                ORDER BY c.pinned DESC NULLS LAST, (c.state = 'FINISHED'), c.updated_at DESC, c.station_id, c.id""")
                .params(chosen(from, limit, pin))
                .query((rs, n) -> new SessionRow(rs.getString("station_id"), rs.getString("id"), rs.getString("outlet_id"),
                        rs.getString("state"), instant(rs, "started_at"), instant(rs, "stopped_at"),
                        rs.getObject("outlet_max_power_w", Double.class)))
                .list();
    }

    /** The schedule versions of the chosen sessions, by {@link SessionRow#key()}, each list ascending by version. */
    Map<String, List<ScheduleSteps.Version>> schedules(Instant from, int limit, SessionKey pin) {
        Map<String, List<ScheduleSteps.Version>> out = new LinkedHashMap<>();
        jdbc.sql(CHOSEN_SESSIONS + """
                SELECT sc.station_id, sc.session_id, sc.version, sc.start_time, sc.valid_until,
                       sc.period_offsets_s, sc.period_max_power_w
                FROM schedules sc JOIN chosen c ON c.station_id = sc.station_id AND c.id = sc.session_id
                ORDER BY sc.station_id, sc.session_id, sc.version""")
                .params(chosen(from, limit, pin))
                .query(rs -> {
                    Long[] offsets = (Long[]) array(rs.getArray("period_offsets_s"));
                    Double[] powers = (Double[]) array(rs.getArray("period_max_power_w"));
                    long[] o = new long[offsets.length];
                    double[] p = new double[powers.length];
                    for (int i = 0; i < o.length; i++) {
                        o[i] = offsets[i];
                        p[i] = powers[i];
                    }
                    out.computeIfAbsent(rs.getString("station_id") + "\u0000" + rs.getString("session_id"),
                            k -> new ArrayList<>()).add(new ScheduleSteps.Version(rs.getInt("version"),
                            instant(rs, "start_time"), instant(rs, "valid_until"), o, p));
                });
        return out;
    }

    /**
     * The measured power of the chosen sessions in [from, to), by {@link SessionRow#key()}: values carrying the session's
     * id, and values without a session id from the session's outlet while it was started and not stopped.
     */
    Map<String, List<PowerPoint>> sessionPower(Instant from, Instant to, int limit, SessionKey pin) {
        Map<String, List<PowerPoint>> out = new LinkedHashMap<>();
        jdbc.sql(CHOSEN_SESSIONS + """
                SELECT c.station_id, c.id AS session_id, m.measured_at, m.power_w
                FROM chosen c JOIN meter_values m ON m.station_id = c.station_id
                    AND m.measured_at >= :from AND m.measured_at < :to
                    AND (m.session_id = c.id
                         OR (m.session_id IS NULL AND m.outlet_id = c.outlet_id
                             AND m.measured_at >= coalesce(c.started_at, c.created_at)
                             AND m.measured_at <= coalesce(c.stopped_at, :to)))
                ORDER BY c.station_id, c.id, m.measured_at, m.sequence_number""")
                .params(chosen(from, limit, pin)).param("to", Timestamp.from(to))
                .query(rs -> {
                    out.computeIfAbsent(rs.getString("station_id") + "\u0000" + rs.getString("session_id"),
                            k -> new ArrayList<>()).add(new PowerPoint(instant(rs, "measured_at"), rs.getDouble("power_w")));
                });
        return out;
    }

    private static Map<String, Object> chosen(Instant from, int limit, SessionKey pin) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.from(from));
        params.put("limit", limit);
        params.put("pinStation", pin == null ? null : pin.stationId());
        params.put("pinSession", pin == null ? null : pin.sessionId());
        return params;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Object array(Array array) throws SQLException {
        try {
            return array.getArray();
        } finally {
            array.free();
        }
    }
}
