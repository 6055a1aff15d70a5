package org.chargeflex.cio.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.contract.UserIdentification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions (table {@code sessions}), keyed by station and the station's session id. A charging request's data are
 * stored with its plan, in the planning batch's one statement per request ({@code schedule.RequestPlanRepository}).
 */
@Repository
public class SessionRepository {
    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ChargingSession> find(String stationId, String sessionId) {
        return jdbc.sql("SELECT * FROM sessions WHERE station_id = ? AND id = ?").params(stationId, sessionId)
                .query((rs, n) -> session(rs)).optional();
    }

    /** Sessions, newest first; {@code stationId} null for all stations; {@code openOnly} leaves out finished ones. */
    public List<ChargingSession> list(String stationId, boolean openOnly, int limit) {
        return jdbc.sql("""
                SELECT * FROM sessions
                WHERE (CAST(:station AS varchar) IS NULL OR station_id = :station)
                  AND (NOT :openOnly OR state <> 'FINISHED')
                ORDER BY created_at DESC, station_id, id LIMIT :limit""")
                .param("station", stationId).param("openOnly", openOnly).param("limit", limit)
                .query((rs, n) -> session(rs)).list();
    }

    /**
     * The open (not finished) sessions of the stations, in one statement: by station id, then newest first (as
     * {@link #list}).
     */
    public List<ChargingSession> listOpen(Collection<String> stationIds) {
        if (stationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM sessions WHERE station_id = ANY (?) AND state <> 'FINISHED'
                ORDER BY station_id, created_at DESC, id""")
                .param(stationIds.toArray(String[]::new))
                .query((rs, n) -> session(rs)).list();
    }

    private static ChargingSession session(ResultSet rs) throws SQLException {
        String userType = rs.getString("user_type");
        UserIdentification user = userType == null ? null
                : new UserIdentification(UserIdentification.Type.valueOf(userType), rs.getString("user_token"));
        return new ChargingSession(rs.getString("station_id"), rs.getString("id"), rs.getString("outlet_id"), user,
                rs.getObject("energy_demand_wh", Double.class), rs.getObject("ev_max_power_w", Double.class),
                rs.getObject("ev_min_power_w", Double.class), rs.getObject("phases", Integer.class),
                instant(rs, "planned_departure"), rs.getString("management_service_url"),
                SessionState.valueOf(rs.getString("state")), instant(rs, "started_at"),
                rs.getObject("start_energy_wh", Double.class), instant(rs, "stopped_at"),
                rs.getObject("stop_energy_wh", Double.class), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
