package org.chargeflex.gateway.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One value with its quality and the time it was measured at the station (not the time it was polled).
 *
 * @param value   the value in the unit of its {@link Measurand}; 0 when {@link Quality#INVALID}
 * @param quality its quality
 * @param time    when the station measured it; {@link Instant#EPOCH} when never
 */
public record Reading(double value, Quality quality, Instant time) {
    /** A reading that has never had a value. */
    public static final Reading MISSING = new Reading(0, Quality.INVALID, Instant.EPOCH);

    public Reading {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(time, "time");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a reading must be finite, got " + value);
        }
    }

    public static Reading good(double value, Instant time) {
        return new Reading(value, Quality.GOOD, time);
    }

    /** The same value marked as old data (source unreachable); an invalid reading stays invalid. */
    public Reading aged() {
        return quality == Quality.GOOD ? new Reading(value, Quality.OLD_DATA, time) : this;
    }
}
