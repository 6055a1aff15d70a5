package org.chargeflex.cio.meter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.MeterValueBatch;
import org.chargeflex.cio.system.PlanningSignal;
import org.chargeflex.cio.system.Problems;
import org.chargeflex.cio.system.StationApi;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meter values: the station sends batches (idempotent); operators read them. */
@RestController
class MeterValueController {
    static final int MAX_QUERY_ROWS = 10_000;

    private final MeterValueRepository meterValues;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MeterValueController(MeterValueRepository meterValues, Clock clock, ApplicationEventPublisher events) {
        this.meterValues = meterValues;
        this.clock = clock;
        this.events = events;
    }

    /** How many values of a batch were new ({@code stored}) and how many had been stored before ({@code duplicates}). */
    record BatchReceipt(int received, int stored, int duplicates) {
    }

    @PostMapping(StationApi.BASE + "/meter-values")
    BatchReceipt post(@PathVariable String stationId, @RequestBody MeterValueBatch batch) {
        StationApi.requireSameStation(stationId, batch.stationId());
        int stored = meterValues.insert(batch);
        if (stored > 0) {
            events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.METER_VALUES, stationId)); // deviation check
        }
        return new BatchReceipt(batch.items().size(), stored, batch.items().size() - stored);
    }

    /** Values of a station in [from, to) (default: the last hour), oldest first, at most {@code limit}. */
    @GetMapping("/api/v1/admin/stations/{stationId}/meter-values")
    List<MeterValueRepository.StoredMeterValue> find(@PathVariable String stationId,
            @RequestParam(required = false) String outletId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_QUERY_ROWS) {
            throw Problems.invalid("limit must be 1 to " + MAX_QUERY_ROWS + ", was " + limit);
        }
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : from;
        if (!start.isBefore(end)) {
            throw Problems.invalid("from (" + start + ") must be before to (" + end + ")");
        }
        return meterValues.find(stationId, outletId, start, end, limit);
    }
}
