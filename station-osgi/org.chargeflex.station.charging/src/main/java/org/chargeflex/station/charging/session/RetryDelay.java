package org.chargeflex.station.charging.session;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Exponential back-off with jitter: min * 2^n capped at max, then drawn from its upper half. */
final class RetryDelay {
    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int failures;

    RetryDelay(long minMillis, long maxMillis) {
        this(minMillis, maxMillis, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryDelay(long minMillis, long maxMillis, DoubleSupplier random) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    long next() {
        double base = Math.min(maxMillis, minMillis * Math.pow(2, Math.min(failures, 40)));
        failures++;
        return Math.max(1, (long) (base / 2 + base / 2 * random.getAsDouble()));
    }

    void reset() {
        failures = 0;
    }
}
