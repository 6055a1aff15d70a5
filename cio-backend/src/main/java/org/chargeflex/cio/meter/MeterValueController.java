package org.chargeflex.cio.meter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.system.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meter values for operators (the stations send them through {@link MeterValueEndpoints}). */
@RestController
class MeterValueController {
    static final int MAX_QUERY_ROWS = 10_000;

    private final MeterValueRepository meterValues;
    private final Clock clock;

    MeterValueController(MeterValueRepository meterValues, Clock clock) {
        this.meterValues = meterValues;
        this.clock = clock;
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
