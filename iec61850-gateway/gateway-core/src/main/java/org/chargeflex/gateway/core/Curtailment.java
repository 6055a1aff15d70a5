package org.chargeflex.gateway.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A DNO power limit for a station or a grid connection point. It holds until the next one or until it is lifted
 * (also when the SCADA link is lost).
 *
 * @param limitW    the limit, W, 0..the target's maxPowerW
 * @param emergency whether the CIO also writes it at once to the stations' grid limit channel (it is below the
 *                  target's measured or planned power or below the previous limit), besides re-planning under it
 * @param origin    who sent it (protocol, peer address, originator), for the log
 */
public record Curtailment(CurtailmentTarget target, double limitW, boolean emergency, String origin,
        Instant requestedAt) {
    public Curtailment {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (!(limitW >= 0) || !Double.isFinite(limitW)) {
            throw new IllegalArgumentException("limit must be a finite number >= 0, got " + limitW);
        }
    }

    /** A station curtailment. */
    public Curtailment(String stationId, double limitW, boolean emergency, String origin, Instant requestedAt) {
        this(CurtailmentTarget.station(stationId), limitW, emergency, origin, requestedAt);
    }
}
