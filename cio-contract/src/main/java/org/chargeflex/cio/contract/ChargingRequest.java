package org.chargeflex.cio.contract;

import java.net.URI;

/**
 * A station asks the CIO for a charging schedule for one session.
 *
 * <p>The station chooses {@code sessionId} when the session starts (a UUID, say) and keeps it for the session: a
 * repeated request with the same id re-plans that session instead of opening a new one, so retries are safe.
 *
 * @param stationId            the station, as registered at the CIO (must be the station that authenticates)
 * @param outletId             the outlet of that station
 * @param sessionId            the station's id of this session
 * @param user                 how the user identified
 * @param ev                   the EV's charging parameters
 * @param managementServiceUrl the user's dedicated energy management service, or {@code null}; the CIO forwards to it
 *                             only if the operator registered that URL
 */
public record ChargingRequest(String stationId, String outletId, String sessionId, UserIdentification user,
        EvParameters ev, URI managementServiceUrl) {

    public ChargingRequest {
        Checks.id(stationId, "stationId");
        Checks.id(outletId, "outletId");
        Checks.id(sessionId, "sessionId");
        Checks.required(user, "user");
        Checks.required(ev, "ev");
        if (managementServiceUrl != null) {
            String scheme = managementServiceUrl.getScheme();
            if (!managementServiceUrl.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))
                    || managementServiceUrl.getHost() == null) {
                throw new IllegalArgumentException("managementServiceUrl must be an absolute http(s) URL, was '"
                        + Checks.abbreviate(managementServiceUrl.toString()) + "'");
            }
        }
    }
}
