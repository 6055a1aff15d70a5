package org.chargeflex.cio.contract;

import java.time.Instant;
import java.util.List;

/**
 * One meter sample of one outlet.
 *
 * @param sequenceNumber the station's sequence number, &gt;= 0, unique per station (the idempotency key)
 * @param timestamp      when it was measured
 * @param outletId       the outlet
 * @param sessionId      the session charging at that outlet, or {@code null} when none
 * @param energyWh       the energy register, Wh, &gt;= 0
 * @param powerW         the active power, W, &gt;= 0
 * @param phaseCurrentsA the currents of phases L1..L3, A, 1 to 3 values &gt;= 0, or {@code null}
 */
public record MeterValue(long sequenceNumber, Instant timestamp, String outletId, String sessionId, double energyWh,
        double powerW, List<Double> phaseCurrentsA) {

    public MeterValue {
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("sequenceNumber must be >= 0, was " + sequenceNumber);
        }
        Checks.required(timestamp, "timestamp");
        Checks.id(outletId, "outletId");
        if (sessionId != null) {
            Checks.id(sessionId, "sessionId");
        }
        Checks.nonNegative(energyWh, "energyWh");
        Checks.nonNegative(powerW, "powerW");
        if (phaseCurrentsA != null) {
            if (phaseCurrentsA.isEmpty() || phaseCurrentsA.size() > 3) {
                throw new IllegalArgumentException("phaseCurrentsA must have 1 to 3 values, had " + phaseCurrentsA.size());
            }
            phaseCurrentsA = List.copyOf(phaseCurrentsA);
            for (int i = 0; i < phaseCurrentsA.size(); i++) {
                Checks.nonNegative(phaseCurrentsA.get(i), "phaseCurrentsA[" + i + "]");
            }
        }
    }
}
