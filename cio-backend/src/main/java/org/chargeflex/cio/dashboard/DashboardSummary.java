package org.chargeflex.cio.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Everything the operator dashboard shows, read in one call.
 *
 * @param from                 start of the time window of the series
 * @param to                   end of the window (now)
 * @param bucketSeconds        the width of the buckets of {@link #aggregatePower()}
 * @param stations             every station with its location and live status
 * @param gridConnectionPoints every grid connection point with its limit and live power
 * @param aggregatePower       measured power over time: one series per grid connection point (stations without one
 *                             under {@code null}) and the total over all stations (marked {@code total})
 * @param sessions             open sessions first, then recent ones: each with its schedule and measured power
 */
record DashboardSummary(Instant generatedAt, Instant from, Instant to, int bucketSeconds, List<StationView> stations,
        List<GridPointView> gridConnectionPoints, List<PowerSeries> aggregatePower, List<SessionView> sessions) {

    /**
     * A station on the list and the map.
     *
     * @param online          seen within three poll intervals
     * @param measuredPowerW  the sum over its outlets of the newest meter value measured within three poll intervals, W
     */
    record StationView(String id, String name, Double latitude, Double longitude, String gridConnectionPoint,
            double maxPowerW, Instant lastSeenAt, boolean online, int openSessions, double measuredPowerW) {
    }

    /**
     * A grid connection point with its DNO limit.
     *
     * @param measuredPowerW the sum of its stations' {@link StationView#measuredPowerW()}, W
     */
    record GridPointView(String id, String name, double maxPowerW, int stations, double measuredPowerW) {
    }

    /**
     * Measured power of a group of stations, one point per bucket that has meter values (the sum over outlets of each
     * outlet's mean power in the bucket; an outlet without values in a bucket counts 0).
     *
     * @param gridConnectionPoint the group's grid connection point, {@code null} for stations without one or the total
     * @param total               whether this is the sum over all stations
     * @param limitW              the grid connection point's limit, W, or {@code null}
     */
    record PowerSeries(String gridConnectionPoint, boolean total, Double limitW, List<PowerPoint> points) {
    }

    /** A bucket start (or measuring time) and a power in W. */
    record PowerPoint(Instant at, double powerW) {
    }

    /** Planned maximum power from {@code from} (inclusive) to {@code to} (exclusive), from schedule version {@code version}. */
    record SchedulePeriod(Instant from, Instant to, double maxPowerW, int version) {
    }

    /**
     * A session with the schedule in force over time and its measured power.
     *
     * @param outletMaxPowerW the outlet's hardware limit, W, or {@code null} when the outlet is no longer registered
     * @param schedule        the effective schedule: each version's periods until the next version starts
     * @param measured        its meter values in the window, oldest first
     */
    record SessionView(String stationId, String sessionId, String outletId, String state, Instant startedAt,
            Instant stoppedAt, Double outletMaxPowerW, List<SchedulePeriod> schedule, List<PowerPoint> measured) {
    }
}
