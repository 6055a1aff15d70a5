package org.chargeflex.cio.status;

import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.meter.MeterValueRepository.StoredMeterValue;

/**
 * A station's live status.
 *
 * @param online          whether it was seen within three poll intervals
 * @param openSessions    its sessions that have not finished
 * @param plannedPowerW   the sum of the peaks of its open sessions' current, still valid schedules, W
 * @param measuredPowerW  the sum of the latest measured power of its outlets, W
 * @param latestMeterValues the newest meter value of each outlet
 */
public record StationStatus(String stationId, String name, String gridConnectionPoint, double maxPowerW,
        Instant lastSeenAt, boolean online, int openSessions, double plannedPowerW, double measuredPowerW,
        List<StoredMeterValue> latestMeterValues) {
}
