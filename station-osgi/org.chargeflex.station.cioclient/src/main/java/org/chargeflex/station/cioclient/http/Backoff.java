package org.chargeflex.station.cioclient.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: the n-th delay in a row is {@code min * 2^n}, capped at {@code max}, and then
 * drawn uniformly from its upper half ("equal jitter"), so many stations that lost the CIO together do not retry in
 * lock-step. {@link #reset()} after a success.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int failures;

    public Backoff(long minMillis, long maxMillis) {
        this(minMillis, maxMillis, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    public Backoff(long minMillis, long maxMillis, DoubleSupplier random) {
        if (minMillis < 1 || maxMillis < minMillis) {
            throw new IllegalArgumentException("need 1 <= min <= max, were " + minMillis + " and " + maxMillis);
        }
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    /** The delay before the next attempt, counting this failure. */
    public synchronized long next() {
        double base = Math.min(maxMillis, minMillis * Math.pow(2, Math.min(failures, 40)));
        failures++;
        return Math.max(1, (long) (base / 2 + base / 2 * random.getAsDouble()));
    }

    public synchronized void reset() {
        failures = 0;
    }

    public synchronized int failures() {
        return failures;
    }
}
