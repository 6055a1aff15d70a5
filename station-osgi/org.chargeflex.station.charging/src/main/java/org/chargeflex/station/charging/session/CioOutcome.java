package org.chargeflex.station.charging.session;

import org.chargeflex.station.cioclient.api.CioException;
import org.chargeflex.station.cioclient.api.ScheduleResponse;

/** The result of one CIO call of a session, handed from the CIO worker to the tick thread. */
record CioOutcome(String sessionId, ScheduleResponse schedule, boolean unchanged, CioException failure) {
}
