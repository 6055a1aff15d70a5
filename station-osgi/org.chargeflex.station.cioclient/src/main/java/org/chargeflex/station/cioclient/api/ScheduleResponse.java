package org.chargeflex.station.cioclient.api;

import java.util.Objects;
import org.chargeflex.cio.contract.ChargingSchedule;

/**
 * A schedule as the CIO sent it, with its ETag for conditional polls.
 *
 * @param schedule the schedule (already checked by the contract's own rules)
 * @param etag     the strong ETag as sent (quoted), or null when the CIO sent none
 */
public record ScheduleResponse(ChargingSchedule schedule, String etag) {
    public ScheduleResponse {
        Objects.requireNonNull(schedule, "schedule");
    }
}
