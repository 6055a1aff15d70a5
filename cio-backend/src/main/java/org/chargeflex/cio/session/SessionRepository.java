package org.chargeflex.cio.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.contract.SessionRecord;
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

    /**
     * Applies a session record: START makes a session CHARGING (unless finished), STOP makes it FINISHED with the
     * energies and times. A record for a session the CIO never heard of (the station was offline) creates it.
     */
    public void applyRecord(SessionRecord r) {
        UserIdentification user = r.user();
        String newState = r.kind() == SessionRecord.Kind.START ? "CHARGING" : "FINISHED";
        jdbc.sql("""
                INSERT INTO sessions (station_id, id, outlet_id, user_type, user_token, state, started_at,
                                      start_energy_wh, stopped_at, stop_energy_wh)
                VALUES (:station, :session, :outlet, :userType, :userToken, :state, :startTime, :startEnergy,
                        :stopTime, :stopEnergy)
                ON CONFLICT (station_id, id) DO UPDATE SET
                    state = CASE WHEN sessions.state = 'FINISHED' THEN 'FINISHED' ELSE excluded.state END,
                    user_type = coalesce(sessions.user_type, excluded.user_type),
                    user_token = coalesce(sessions.user_token, excluded.user_token),
                    started_at = excluded.started_at, start_energy_wh = excluded.start_energy_wh,
                    stopped_at = coalesce(excluded.stopped_at, sessions.stopped_at),
                    stop_energy_wh = coalesce(excluded.stop_energy_wh, sessions.stop_energy_wh),
                    updated_at = now()""")
                .param("station", r.stationId()).param("session", r.sessionId()).param("outlet", r.outletId())
                .param("userType", user == null ? null : user.type().name())
                .param("userToken", user == null ? null : user.token())
                .param("state", newState).param("startTime", Timestamp.from(r.startTime()))
                .param("startEnergy", r.startEnergyWh())
                .param("stopTime", r.stopTime() == null ? null : Timestamp.from(r.stopTime()))
                .param("stopEnergy", r.stopEnergyWh())
                .update();
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
