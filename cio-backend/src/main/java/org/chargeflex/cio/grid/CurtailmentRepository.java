package org.chargeflex.cio.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.schedule.GridLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Active curtailments (table {@code grid_curtailments}) and the counts and locks their commands need. */
@Repository
class CurtailmentRepository {
    /** An ongoing session: not finished, and planned from a charging request (the sessions a re-plan plans). */
    static final String ONGOING = GridLimits.ONGOING_SESSION;
    private static final String SESSIONS_AT_STATION = "SELECT count(*) FROM sessions se WHERE se.station_id = c.station_id AND "
            + ONGOING;
    private static final String SESSIONS_ON_POINT = "SELECT count(*) FROM sessions se JOIN stations st ON st.id = se.station_id"
            + " WHERE st.grid_connection_point = c.grid_connection_point AND " + ONGOING;

    private final JdbcClient jdbc;

    CurtailmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored curtailment; {@code commandId} is the command that set it. */
    record Stored(CurtailmentScope scope, String target, double limitW, boolean emergency, String origin,
            String requestedBy, Instant appliedAt, int replannedSessions, long commandId) {
    }

    /** A curtailment with what its answer needs besides: the target's registered maximum and its ongoing sessions. */
    record Listed(Stored curtailment, double registeredMaxW, int ongoingSessions, Boolean emergencyDelivered) {
    }

    /** A curtailment's limit with the number of ongoing sessions under it, for the planner. */
    record Limit(double limitW, int ongoingSessions) {
    }

    Optional<Stored> find(CurtailmentScope scope, String target) {
        return jdbc.sql("SELECT * FROM grid_curtailments WHERE " + column(scope) + " = ?").param(target)
                .query((rs, n) -> stored(rs)).optional();
    }

    /** Sets (or replaces) the target's curtailment. The command row {@code commandId} must exist by the commit. */
    void upsert(Stored c) {
        String column = column(c.scope());
        jdbc.sql("DELETE FROM grid_curtailments WHERE " + column + " = ?").param(c.target()).update();
        jdbc.sql("INSERT INTO grid_curtailments (" + column + """
                , limit_w, emergency, origin, requested_by, applied_at, replanned_sessions, command_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.target(), c.limitW(), c.emergency(), c.origin(), c.requestedBy(), Timestamp.from(c.appliedAt()),
                        c.replannedSessions(), c.commandId())
                .update();
    }

    void setReplannedSessions(long commandId, int replanned) {
        jdbc.sql("UPDATE grid_curtailments SET replanned_sessions = ? WHERE command_id = ?").params(replanned, commandId)
                .update();
    }

    boolean delete(CurtailmentScope scope, String target) {
        return jdbc.sql("DELETE FROM grid_curtailments WHERE " + column(scope) + " = ?").param(target).update() == 1;
    }

    List<Listed> list() {
        return jdbc.sql("""
                SELECT c.*, coalesce(st.max_power_w, g.max_power_w) AS registered_max_w,
                       CASE WHEN c.station_id IS NOT NULL THEN (""" + SESSIONS_AT_STATION + ") ELSE (" + SESSIONS_ON_POINT
                + """
                ) END AS ongoing,
                       (SELECT bool_and(w.delivered) FROM grid_emergency_writes w WHERE w.command_id = c.command_id) AS delivered
                FROM grid_curtailments c
                LEFT JOIN stations st ON st.id = c.station_id
                LEFT JOIN grid_connection_points g ON g.id = c.grid_connection_point
                ORDER BY c.applied_at DESC, c.command_id DESC""")
                .query((rs, n) -> new Listed(stored(rs), rs.getDouble("registered_max_w"), rs.getInt("ongoing"),
                        rs.getObject("delivered", Boolean.class)))
                .list();
    }

    /** The target's curtailment with its ongoing sessions, if it is curtailed (one query, on the planning path). */
    Optional<Limit> limit(CurtailmentScope scope, String target) {
        String count = scope == CurtailmentScope.STATION ? SESSIONS_AT_STATION : SESSIONS_ON_POINT;
        return jdbc.sql("SELECT c.limit_w, (" + count + ") FROM grid_curtailments c WHERE c." + column(scope) + " = ?")
                .param(target).query((rs, n) -> new Limit(rs.getDouble(1), rs.getInt(2))).optional();
    }

    /** Ongoing sessions under a target, curtailed or not. */
    int ongoingSessions(CurtailmentScope scope, String target) {
        String where = scope == CurtailmentScope.STATION ? "se.station_id = ?" : "st.grid_connection_point = ?";
        return jdbc.sql("SELECT count(*) FROM sessions se JOIN stations st ON st.id = se.station_id WHERE " + where
                + " AND " + ONGOING).param(target).query(Integer.class).single();
    }

    /** The stations on a grid connection point, by id. */
    List<String> stationIds(String gridConnectionPoint) {
        return jdbc.sql("SELECT id FROM stations WHERE grid_connection_point = ? ORDER BY id").param(gridConnectionPoint)
                .query(String.class).list();
    }

    private static String column(CurtailmentScope scope) {
        return scope == CurtailmentScope.STATION ? "station_id" : "grid_connection_point";
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        String station = rs.getString("station_id");
        return new Stored(station != null ? CurtailmentScope.STATION : CurtailmentScope.GRID_CONNECTION_POINT,
                station != null ? station : rs.getString("grid_connection_point"), rs.getDouble("limit_w"),
                rs.getBoolean("emergency"), rs.getString("origin"), rs.getString("requested_by"),
                rs.getTimestamp("applied_at").toInstant(), rs.getInt("replanned_sessions"), rs.getLong("command_id"));
    }
}
