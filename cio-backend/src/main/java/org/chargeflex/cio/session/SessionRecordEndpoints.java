package org.chargeflex.cio.session;

import org.chargeflex.cio.contract.SessionRecord;
import org.chargeflex.cio.system.StationEndpoint;
import org.chargeflex.cio.system.StationReply;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Station API: session start and stop records, idempotent on (station, sequence number). */
@Configuration(proxyBeanMethods = false)
class SessionRecordEndpoints {

    /** Whether the record was stored now ({@code false}: it had been stored before and was ignored). */
    record RecordReceipt(long sequenceNumber, boolean stored) {
    }

    /** 201 when the record is new, 200 when it is a repetition (ignored). */
    @Bean
    StationEndpoint sessionRecords(SessionRecordService service) {
        return new StationEndpoint("POST", "session-records",
                "A session's START or STOP record (201 when new, 200 when a repetition, which is ignored)",
                SessionRecord.class, RecordReceipt.class, call -> {
                    SessionRecord record = call.body(SessionRecord.class);
                    call.requireSameStation(record.stationId());
                    boolean stored = service.accept(record);
                    return StationReply.createdOrOk(stored, new RecordReceipt(record.sequenceNumber(), stored));
                });
    }
}
