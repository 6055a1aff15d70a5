package org.chargeflex.cio.contract;

/**
 * One period of a schedule: from {@code offsetSeconds} after the schedule's start until the next period's offset (the
 * last one until the schedule's {@code validUntil}), charge with at most {@code maxPowerW}.
 *
 * @param offsetSeconds seconds after the schedule's start, &gt;= 0
 * @param maxPowerW     the power limit, W, &gt;= 0 (0 = pause)
 */
public record SchedulePeriod(long offsetSeconds, double maxPowerW) {

    public SchedulePeriod {
        if (offsetSeconds < 0) {
            throw new IllegalArgumentException("period.offsetSeconds must be >= 0, was " + offsetSeconds);
        }
        Checks.nonNegative(maxPowerW, "period.maxPowerW");
    }
}
