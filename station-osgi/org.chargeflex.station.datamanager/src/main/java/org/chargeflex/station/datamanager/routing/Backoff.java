package org.chargeflex.station.datamanager.routing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect back-off: min, 2*min, 4*min, ... up to max, each stretched by a random 0-25 % so that many
 * devices do not retry in lock-step (and never above max). Successive delays grow until max is reached.
 */
public final class Backoff {
    private final DoubleSupplier random;
    private int failures;

    public Backoff() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    public Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The delay before the next attempt, counting this failure. */
    public synchronized long next(long minMillis, long maxMillis) {
        double base = minMillis * Math.pow(2, Math.min(failures, 40));
        failures++;
        double jittered = base * (1 + 0.25 * random.getAsDouble());
        return (long) Math.min(maxMillis, Math.max(minMillis, jittered));
    }

    public synchronized void reset() {
        failures = 0;
    }
}
