package org.chargeflex.cio.contract;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The CIO's answer to a {@link ChargingRequest}: a power limit over time for one session.
 *
 * <p>The periods start at offset 0, their offsets strictly increase, and the last one lasts until {@code validUntil}.
 * After {@code validUntil} the schedule gives no limit: the station asks again or applies its safe fallback. The
 * station polls for updates every {@code pollIntervalSeconds}.
 *
 * @param scheduleId          identifies this version of the schedule (a new plan gets a new id)
 * @param sessionId           the station's session id from the request
 * @param startTime           the start of the first period
 * @param periods             the periods, at least one, offsets strictly increasing from 0
 * @param validUntil          the end of the last period, after {@code startTime}
 * @param pollIntervalSeconds how often the station should poll for an update, 1 to 86400 s
 */
public record ChargingSchedule(String scheduleId, String sessionId, Instant startTime, List<SchedulePeriod> periods,
        Instant validUntil, int pollIntervalSeconds) {

    /** The most periods a schedule may have. */
    public static final int MAX_PERIODS = 1024;

    public ChargingSchedule {
        Checks.id(scheduleId, "scheduleId");
        Checks.id(sessionId, "sessionId");
        Checks.required(startTime, "startTime");
        Checks.required(validUntil, "validUntil");
        periods = checkPeriods(periods);
        if (!validUntil.isAfter(startTime)) {
            throw new IllegalArgumentException("validUntil (" + validUntil + ") must be after startTime (" + startTime + ")");
        }
        long lastOffset = periods.get(periods.size() - 1).offsetSeconds();
        if (!validUntil.isAfter(startTime.plusSeconds(lastOffset))) {
            throw new IllegalArgumentException("validUntil (" + validUntil + ") must be after the start of the last period ("
                    + startTime.plusSeconds(lastOffset) + ")");
        }
        if (pollIntervalSeconds < 1 || pollIntervalSeconds > 86_400) {
            throw new IllegalArgumentException("pollIntervalSeconds must be 1 to 86400, was " + pollIntervalSeconds);
        }
    }

    /**
     * Checks the rules for a list of periods (also for schedules proposed by third parties) and returns an immutable
     * copy.
     *
     * @throws IllegalArgumentException if the list is empty, too long, does not start at 0 or is not strictly increasing
     */
    public static List<SchedulePeriod> checkPeriods(List<SchedulePeriod> periods) {
        Checks.required(periods, "periods");
        if (periods.isEmpty() || periods.size() > MAX_PERIODS) {
            throw new IllegalArgumentException("periods must have 1 to " + MAX_PERIODS + " entries, had " + periods.size());
        }
        List<SchedulePeriod> copy = List.copyOf(periods); // also refuses null entries
        if (copy.get(0).offsetSeconds() != 0) {
            throw new IllegalArgumentException("periods[0].offsetSeconds must be 0, was " + copy.get(0).offsetSeconds());
        }
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).offsetSeconds() <= copy.get(i - 1).offsetSeconds()) {
                throw new IllegalArgumentException("periods[" + i + "].offsetSeconds must be greater than periods["
                        + (i - 1) + "].offsetSeconds (" + copy.get(i - 1).offsetSeconds() + "), was "
                        + copy.get(i).offsetSeconds());
            }
        }
        return copy;
    }

    /** The power limit in force at {@code time}; empty before {@code startTime} and from {@code validUntil} on. */
    public OptionalDouble maxPowerAt(Instant time) {
        if (time.isBefore(startTime) || !time.isBefore(validUntil)) {
            return OptionalDouble.empty();
        }
        long offset = time.getEpochSecond() - startTime.getEpochSecond();
        double limit = periods.get(0).maxPowerW();
        for (SchedulePeriod p : periods) {
            if (p.offsetSeconds() > offset) {
                break;
            }
            limit = p.maxPowerW();
        }
        return OptionalDouble.of(limit);
    }
}
