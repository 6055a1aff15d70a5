package org.chargeflex.cio.replan;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most one joint re-plan of a target per {@code cio.replan.min-interval}: marks that arrive sooner wait for the
 * interval to pass (the target stays dirty). Stations fetch a new schedule only when they poll
 * ({@code cio.schedule.poll-interval}, 60 s by default), so re-planning a target more often than a few times per poll
 * interval writes versions that the next re-plan replaces before any station has seen them; under a stream of
 * arrivals (every charging request marks its target) that was a third of all schedule versions written (bench/RESULTS.md,
 * issue 5). Charging requests are planned on arrival regardless, under the same limits; curtailments re-plan at once
 * by their own path. Not thread-safe: the re-planner's single thread uses it.
 */
final class ReplanThrottle {
    private final long minIntervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> lastReplan = new HashMap<>();

    ReplanThrottle(Duration minInterval, LongSupplier nanoTime) {
        if (minInterval == null || minInterval.isNegative()) {
            throw new IllegalArgumentException("cio.replan.min-interval must be zero or positive, was " + minInterval);
        }
        this.minIntervalNanos = minInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether the target may be re-planned now. */
    boolean due(String targetKey) {
        Long last = lastReplan.get(targetKey);
        return last == null || nanoTime.getAsLong() - last >= minIntervalNanos;
    }

    /** Records that the target was re-planned now; forgets targets not re-planned for a long time. */
    void replanned(String targetKey) {
        long now = nanoTime.getAsLong();
        if (lastReplan.size() > 100_000) {
            lastReplan.values().removeIf(last -> now - last >= minIntervalNanos);
        }
        lastReplan.put(targetKey, now);
    }
}
