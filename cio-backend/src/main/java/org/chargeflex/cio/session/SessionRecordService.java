package org.chargeflex.cio.session;

import java.sql.Timestamp;
import org.chargeflex.cio.contract.SessionRecord;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.cio.station.PlanGenerations;
import org.chargeflex.cio.system.PlanningSignal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Stores session records once per (station, sequence number) and applies each new one to its session: START makes a
 * session CHARGING (unless finished), STOP makes it FINISHED with the energies and times; a record for a session the
 * CIO never heard of (the station was offline) creates it.
 *
 * <p>One statement per record (it was three, a STOP being a sixth of the station API's requests under the load
 * benchmark's mix: bench/RESULTS.md, issue 5): the record is inserted unless stored before; for a new STOP, the plan
 * generation of the station's target moves ({@link PlanGenerations}: a finished session no longer counts against its
 * target's limits; a START changes nothing the limits read), <em>before</em> the session row is written, the order every
 * writer keeps (the session row's upsert reads the moved generations' count, so it runs after them); then the session
 * row. A record stored before changes nothing.
 */
@Service
class SessionRecordService {
    private static final String STORE_AND_APPLY = """
            WITH rec AS (
                INSERT INTO session_records (station_id, sequence_number, kind, session_id, outlet_id, user_type,
                                             user_token, start_time, start_energy_wh, stop_time, stop_energy_wh)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (station_id, sequence_number) DO NOTHING
                RETURNING station_id, session_id, outlet_id, user_type, user_token, kind, start_time, start_energy_wh,
                          stop_time, stop_energy_wh),
            st AS MATERIALIZED (
                SELECT s.id, s.grid_connection_point FROM stations s
                WHERE s.id IN (SELECT station_id FROM rec WHERE kind = 'STOP') FOR SHARE),
            moved AS (
            """ + PlanGenerations.MOVE_TARGETS_OF_ST + """

                RETURNING 1),
            applied AS (
                INSERT INTO sessions (station_id, id, outlet_id, user_type, user_token, state, started_at,
                                      start_energy_wh, stopped_at, stop_energy_wh)
                SELECT station_id, session_id, outlet_id, user_type, user_token,
                       CASE WHEN kind = 'START' THEN 'CHARGING' ELSE 'FINISHED' END, start_time, start_energy_wh,
                       stop_time, stop_energy_wh
                FROM rec
                WHERE (SELECT count(*) FROM moved) >= 0 -- after the generations: see the class comment
                ON CONFLICT (station_id, id) DO UPDATE SET
                    state = CASE WHEN sessions.state = 'FINISHED' THEN 'FINISHED' ELSE excluded.state END,
                    user_type = coalesce(sessions.user_type, excluded.user_type),
                    user_token = coalesce(sessions.user_token, excluded.user_token),
                    started_at = excluded.started_at, start_energy_wh = excluded.start_energy_wh,
                    stopped_at = coalesce(excluded.stopped_at, sessions.stopped_at),
                    stop_energy_wh = coalesce(excluded.stop_energy_wh, sessions.stop_energy_wh),
                    updated_at = now()
                RETURNING 1)
            SELECT (SELECT count(*) FROM rec) AS stored, (SELECT count(*) FROM applied) AS applied""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SessionRecordService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** @return true if the record was new, false if it had been stored before (then nothing changes) */
    boolean accept(SessionRecord r) {
        UserIdentification user = r.user();
        boolean stored = jdbc.sql(STORE_AND_APPLY)
                .params(r.stationId(), r.sequenceNumber(), r.kind().name(), r.sessionId(), r.outletId(),
                        user == null ? null : user.type().name(), user == null ? null : user.token(),
                        Timestamp.from(r.startTime()), r.startEnergyWh(),
                        r.stopTime() == null ? null : Timestamp.from(r.stopTime()), r.stopEnergyWh())
                .query((rs, n) -> {
                    if (rs.getInt("stored") != rs.getInt("applied")) {
                        throw new IllegalStateException("session record " + r.stationId() + "/"
                                + r.sequenceNumber() + " stored without being applied to its session");
                    }
                    return rs.getInt("stored") == 1;
                }).single();
        if (stored && r.kind() == SessionRecord.Kind.STOP) {
            events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.DEPARTURE, r.stationId())); // joint re-plan
        }
        return stored;
    }
}
