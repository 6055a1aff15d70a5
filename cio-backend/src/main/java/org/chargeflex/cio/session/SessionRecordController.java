package org.chargeflex.cio.session;

import org.chargeflex.cio.contract.SessionRecord;
import org.chargeflex.cio.system.StationApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Station API: session start and stop records, idempotent on (station, sequence number). */
@RestController
class SessionRecordController {
    private final SessionRecordService service;

    SessionRecordController(SessionRecordService service) {
        this.service = service;
    }

    /** Whether the record was stored now ({@code false}: it had been stored before and was ignored). */
    record RecordReceipt(long sequenceNumber, boolean stored) {
    }

    /** 201 when the record is new, 200 when it is a repetition (ignored). */
    @PostMapping(StationApi.BASE + "/session-records")
    ResponseEntity<RecordReceipt> post(@PathVariable String stationId, @RequestBody SessionRecord record) {
        StationApi.requireSameStation(stationId, record.stationId());
        boolean stored = service.accept(record);
        return ResponseEntity.status(stored ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RecordReceipt(record.sequenceNumber(), stored));
    }
}
