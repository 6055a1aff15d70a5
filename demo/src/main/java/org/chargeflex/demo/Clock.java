package org.chargeflex.demo;

import java.time.Instant;

/**
 * The demo's compressed time: simulated milliseconds since the start of the day run {@code speed} times faster than
 * the wall clock, from {@code start}.
 */
public record Clock(Instant start, double speed) {

    /** The wall-clock instant of a simulated time. */
    public Instant wall(long simMs) {
        return start.plusMillis(Math.round(simMs / speed));
    }

    /** The simulated time of now. */
    public long simNow() {
        return Math.round((System.currentTimeMillis() - start.toEpochMilli()) * speed);
    }

    public long wallMillis(long simMs) {
        return Math.round(simMs / speed);
    }

    static String hhmm(long simMs) {
        long minutes = simMs / 60_000;
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
