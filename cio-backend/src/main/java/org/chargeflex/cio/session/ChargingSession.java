package org.chargeflex.cio.session;

import java.time.Instant;
import org.chargeflex.cio.contract.UserIdentification;

/**
 * A charging session as the CIO knows it, from the station's charging requests and session records.
 *
 * @param user          how the user identified, or {@code null}
 * @param energyDemandWh the EV's demand from the last charging request, or {@code null} if none came
 * @param evMaxPowerW    the EV's maximum from the last request (W), or {@code null}
 */
public record ChargingSession(String stationId, String sessionId, String outletId, UserIdentification user,
        Double energyDemandWh, Double evMaxPowerW, Double evMinPowerW, Integer phases, Instant plannedDeparture,
        String managementServiceUrl, SessionState state, Instant startedAt, Double startEnergyWh, Instant stoppedAt,
        Double stopEnergyWh, Instant createdAt, Instant updatedAt) {
}
