package org.chargeflex.cio.session;

import java.sql.Timestamp;
import java.util.List;
import org.chargeflex.cio.contract.SessionRecord;
import org.chargeflex.cio.station.PlanGenerations;
import org.chargeflex.cio.system.PlanningSignal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores session records once per (station, sequence number) and applies each new one to its session. */
@Service
class SessionRecordService {
    private final JdbcClient jdbc;
    private final SessionRepository sessions;
    private final PlanGenerations generations;
    private final ApplicationEventPublisher events;

    SessionRecordService(JdbcClient jdbc, SessionRepository sessions, PlanGenerations generations,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.generations = generations;
        this.events = events;
    }

    /** @return true if the record was new, false if it had been stored before (then nothing changes) */
    @Transactional
    boolean accept(SessionRecord r) {
        int inserted = jdbc.sql("""
                INSERT INTO session_records (station_id, sequence_number, kind, session_id, outlet_id, user_type,
                                             user_token, start_time, start_energy_wh, stop_time, stop_energy_wh)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (station_id, sequence_number) DO NOTHING""")
                .params(r.stationId(), r.sequenceNumber(), r.kind().name(), r.sessionId(), r.outletId(),
                        r.user() == null ? null : r.user().type().name(), r.user() == null ? null : r.user().token(),
                        Timestamp.from(r.startTime()), r.startEnergyWh(),
                        r.stopTime() == null ? null : Timestamp.from(r.stopTime()), r.stopEnergyWh())
                .update();
        if (inserted == 0) {
            return false;
        }
        if (r.kind() == SessionRecord.Kind.STOP) {
            // a finished session no longer counts against its target's limits: move the target's plan generation,
            // before the session row (see PlanGenerations for the order). A START changes nothing the limits read.
            generations.stationsChanged(List.of(r.stationId()));
        }
        sessions.applyRecord(r);
        if (r.kind() == SessionRecord.Kind.STOP) {
            events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.DEPARTURE, r.stationId())); // joint re-plan
        }
        return true;
    }
}
