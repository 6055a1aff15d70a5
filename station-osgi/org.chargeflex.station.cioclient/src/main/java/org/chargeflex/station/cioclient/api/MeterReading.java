package org.chargeflex.station.cioclient.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A meter value to send; the outbox gives it its sequence number.
 *
 * @param timestamp      when it was measured
 * @param outletId       the CIO's outlet id
 * @param sessionId      the session charging at the outlet, or null
 * @param energyWh       the energy register, Wh, &gt;= 0
 * @param powerW         the active power, W, &gt;= 0
 * @param phaseCurrentsA the phase currents, A, 1 to 3 values, or null
 * @param boundary       true for the first and last sample of a session: never dropped when the outbox is full;
 *                       false for an intermediate sample, which may be dropped (and counted) when it is full
 */
public record MeterReading(Instant timestamp, String outletId, String sessionId, double energyWh, double powerW,
        List<Double> phaseCurrentsA, boolean boundary) {
    public MeterReading {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(outletId, "outletId");
        phaseCurrentsA = phaseCurrentsA == null ? null : List.copyOf(phaseCurrentsA);
    }
}
