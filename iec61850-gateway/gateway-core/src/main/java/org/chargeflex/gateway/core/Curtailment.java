package org.chargeflex.gateway.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A DNO power limit for a station. It holds until the next one (also when the SCADA link is lost).
 *
 * @param limitW    the limit, W, 0..station maxPowerW
 * @param emergency whether the CIO also writes it at once to the station's grid limit channel (it is below the
 *                  station's measured power), besides re-planning under it
 * @param origin    who sent it (protocol, peer address, originator), for the log
 */
public record Curtailment(String stationId, double limitW, boolean emergency, String origin, Instant requestedAt) {
    public Curtailment {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (!(limitW >= 0) || !Double.isFinite(limitW)) {
            throw new IllegalArgumentException("limit must be a finite number >= 0, got " + limitW);
        }
    }
}
