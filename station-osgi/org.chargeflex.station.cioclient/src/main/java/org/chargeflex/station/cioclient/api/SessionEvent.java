package org.chargeflex.station.cioclient.api;

import java.time.Instant;
import java.util.Objects;
import org.chargeflex.cio.contract.SessionRecord;
import org.chargeflex.cio.contract.UserIdentification;

/**
 * A session START or STOP to report; the outbox gives it its sequence number and the station id. Fields as in
 * {@link SessionRecord} (STOP repeats the start fields; a START has no stop fields).
 */
public record SessionEvent(SessionRecord.Kind kind, String sessionId, String outletId, UserIdentification user,
        Instant startTime, double startEnergyWh, Instant stopTime, Double stopEnergyWh) {
    public SessionEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(outletId, "outletId");
        Objects.requireNonNull(startTime, "startTime");
    }

    /** The contract record with the station id and sequence number; checks the contract's rules. */
    public SessionRecord toRecord(String stationId, long sequenceNumber) {
        return new SessionRecord(stationId, sequenceNumber, kind, sessionId, outletId, user, startTime, startEnergyWh,
                stopTime, stopEnergyWh);
    }
}
