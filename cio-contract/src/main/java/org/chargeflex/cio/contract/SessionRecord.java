package org.chargeflex.cio.contract;

import java.time.Instant;

/**
 * The start or the end of a charging session, as the station saw it.
 *
 * <p>A {@code START} record has no stop fields. A {@code STOP} record repeats the start fields, so the session is
 * complete even if the CIO never got its start. The CIO stores each (station, sequence number) once.
 *
 * @param stationId      the station (must be the station that authenticates)
 * @param sequenceNumber the station's sequence number, &gt;= 0, unique per station (the idempotency key)
 * @param kind           START or STOP
 * @param sessionId      the station's session id (as in the {@link ChargingRequest})
 * @param outletId       the outlet
 * @param user           how the user identified, or {@code null} if the session was never authorised
 * @param startTime      when charging started
 * @param startEnergyWh  the outlet's energy register at the start, Wh
 * @param stopTime       when it stopped ({@code STOP} only, not before {@code startTime})
 * @param stopEnergyWh   the energy register at the stop, Wh ({@code STOP} only, not below {@code startEnergyWh})
 */
public record SessionRecord(String stationId, long sequenceNumber, Kind kind, String sessionId, String outletId,
        UserIdentification user, Instant startTime, double startEnergyWh, Instant stopTime, Double stopEnergyWh) {

    /** Which end of the session a record reports. */
    public enum Kind {
        START, STOP
    }

    public SessionRecord {
        Checks.id(stationId, "stationId");
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("sequenceNumber must be >= 0, was " + sequenceNumber);
        }
        Checks.required(kind, "kind");
        Checks.id(sessionId, "sessionId");
        Checks.id(outletId, "outletId");
        Checks.required(startTime, "startTime");
        Checks.nonNegative(startEnergyWh, "startEnergyWh");
        if (kind == Kind.START) {
            if (stopTime != null || stopEnergyWh != null) {
                throw new IllegalArgumentException("a START record must not have stopTime or stopEnergyWh");
            }
        } else {
            Checks.required(stopTime, "stopTime");
            Checks.required(stopEnergyWh, "stopEnergyWh");
            if (stopTime.isBefore(startTime)) {
                throw new IllegalArgumentException("stopTime (" + stopTime + ") must not be before startTime (" + startTime + ")");
            }
            Checks.nonNegative(stopEnergyWh, "stopEnergyWh");
            if (stopEnergyWh < startEnergyWh) {
                throw new IllegalArgumentException("stopEnergyWh (" + stopEnergyWh + ") must not be below startEnergyWh ("
                        + startEnergyWh + ")");
            }
        }
    }

    /** The energy charged, Wh; 0 for a START record. */
    public double energyWh() {
        return stopEnergyWh == null ? 0 : stopEnergyWh - startEnergyWh;
    }
}
