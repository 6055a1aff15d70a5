package org.chargeflex.cio.schedule;

import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.system.StationApi;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Station API: charging requests and schedule polling. Each schedule version has a strong ETag; a poll with
 * {@code If-None-Match} of the current one is answered 304 without a body.
 */
@RestController
class ScheduleController {
    private final ScheduleService service;

    ScheduleController(ScheduleService service) {
        this.service = service;
    }

    @PostMapping(StationApi.BASE + "/charging-requests")
    ResponseEntity<ChargingSchedule> request(@PathVariable String stationId, @RequestBody ChargingRequest request) {
        StationApi.requireSameStation(stationId, request.stationId());
        return respond(service.request(request));
    }

    @GetMapping(StationApi.BASE + "/sessions/{sessionId}/schedule")
    ResponseEntity<ChargingSchedule> current(@PathVariable String stationId, @PathVariable String sessionId) {
        return respond(service.current(stationId, sessionId));
    }

    private static ResponseEntity<ChargingSchedule> respond(StoredSchedule schedule) {
        return ResponseEntity.ok().eTag(schedule.etag()).cacheControl(CacheControl.noCache()).body(schedule.toContract());
    }
}
