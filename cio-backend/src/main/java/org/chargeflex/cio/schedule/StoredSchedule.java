package org.chargeflex.cio.schedule;

import java.time.Instant;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.optimizer.PlannedSchedule;

/**
 * One version of a session's schedule as stored. Rows never change, so the id is a strong ETag.
 *
 * @param managementServiceId the service whose answer this is (origin FORWARDED), or {@code null}
 */
public record StoredSchedule(String id, String stationId, String sessionId, int version, PlannedSchedule plan,
        int pollIntervalSeconds, ScheduleOrigin origin, Long managementServiceId, Instant createdAt) {

    /** The form sent to stations. */
    public ChargingSchedule toContract() {
        return new ChargingSchedule(id, sessionId, plan.startTime(), plan.periods(), plan.validUntil(), pollIntervalSeconds);
    }

    /** The strong ETag, quoted. */
    public String etag() {
        return "\"" + id + "\"";
    }
}
