package org.chargeflex.demo;

import java.util.List;
import java.util.Locale;

/**
 * The end of a run.
 *
 * @param sessions          every EV that arrived during the run, with what it got
 * @param gridFeasibleWh    the most any controller could have delivered towards the demands under the grid limit
 *                          ({@link GridFeasibility})
 * @param uncontrolledPeakW the peak had every EV charged at full power from arrival (computed from the scenario)
 * @param measuredPeakW     the highest aggregate power per interval in the CIO's meter data
 * @param gridLimitW        the grid connection point's limit
 * @param toleranceW        allowance over the limit for meter sampling (see {@link DemoSystem#LIMIT_TOLERANCE})
 * @param bucketSeconds     the aggregation interval
 * @param intervalsOverLimit intervals whose aggregate exceeded limit + tolerance
 * @param meters            per station: meter records/session records sent and stored at the CIO
 * @param objectiveRating   TARIFF: energy cost, RENEWABLE: renewable share, with load management vs uncontrolled;
 *                          {@code null} for PEAK (the peak line says it)
 */
public record Summary(List<SessionResult> sessions, double gridFeasibleWh, double uncontrolledPeakW,
        double measuredPeakW, double gridLimitW, double toleranceW, int bucketSeconds, int intervalsOverLimit,
        List<MeterAccount> meters, ObjectiveRating objectiveRating) {

    /** One EV: demand (to 80 %), what was feasible in its window at its maximum, and what it got (board meter). */
    public record SessionResult(Visit visit, double demandWh, double feasibleWh, double deliveredWh) {
        /** Delivered all that was feasible, allowing {@code tolerance} (fraction) for meter rounding. */
        public boolean feasibleDelivered(double tolerance) {
            return deliveredWh >= feasibleWh * (1 - tolerance);
        }
    }

    /** A station's outbox: the last sequence number it wrote (from 0), delivered, and what the CIO holds of 0..last. */
    public record MeterAccount(String stationId, long lastSeq, long deliveredSeq, long dropped, long stored,
            List<Long> missing) {
    }

    public double demandWh() {
        return sessions.stream().mapToDouble(SessionResult::demandWh).sum();
    }

    public double deliveredWh() {
        return sessions.stream().mapToDouble(SessionResult::deliveredWh).sum();
    }

    /** Delivered towards the demands (what an EV got beyond its demand not counted). */
    public double deliveredTowardsDemandWh() {
        return sessions.stream().mapToDouble(s -> Math.min(s.demandWh(), s.deliveredWh())).sum();
    }

    public double shortfallWh() {
        return sessions.stream().mapToDouble(s -> Math.max(0, s.demandWh() - s.deliveredWh())).sum();
    }

    /** The shortfall the EVs' own windows and maximum powers explain (no system could have delivered it). */
    public double infeasibleWh() {
        return sessions.stream().mapToDouble(s -> Math.max(0, s.demandWh() - s.feasibleWh())).sum();
    }

    public long recordsLost() {
        return meters.stream().mapToLong(m -> m.missing().size()).sum();
    }

    public String format() {
        StringBuilder b = new StringBuilder("\n=== ChargeFlex demo summary ===\n");
        b.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s%n", "session", "demand", "feasible", "delivered"));
        for (SessionResult s : sessions) {
            b.append(String.format(Locale.ROOT, "%-16s %6.1f kWh %5.1f kWh %5.1f kWh%s%n", s.visit().label(),
                    s.demandWh() / 1000, s.feasibleWh() / 1000, s.deliveredWh() / 1000,
                    s.feasibleDelivered(DemoSystem.ENERGY_TOLERANCE) ? "" : "  SHORT"));
        }
        b.append(String.format(Locale.ROOT, "energy demanded  %.1f kWh, delivered %.1f kWh, shortfall %.1f kWh "
                + "(the EVs' stays at their maximum power left %.1f kWh of the demand infeasible)%n",
                demandWh() / 1000, deliveredWh() / 1000, shortfallWh() / 1000, infeasibleWh() / 1000));
        b.append(String.format(Locale.ROOT, "under the grid limit at most %.1f kWh of the demand was deliverable "
                + "(optimiser max flow); delivered towards the demand %.1f kWh%n", gridFeasibleWh / 1000,
                deliveredTowardsDemandWh() / 1000));
        b.append(String.format(Locale.ROOT, "peak power      %.1f kW with load management (CIO meter data, %d s "
                + "intervals) vs %.1f kW uncontrolled; grid limit %.1f kW, %d intervals over limit + %.1f kW%n",
                measuredPeakW / 1000, bucketSeconds, uncontrolledPeakW / 1000, gridLimitW / 1000, intervalsOverLimit,
                toleranceW / 1000));
        if (objectiveRating != null) {
            b.append(objectiveRating.format());
        }
        for (MeterAccount m : meters) {
            b.append(String.format(Locale.ROOT, "%s records   sent %d (sequence numbers 0..%d delivered, dropped %d), stored at "
                    + "the CIO %d, lost %d%n", m.stationId(), m.lastSeq() + 1, m.deliveredSeq(), m.dropped(), m.stored(),
                    m.missing().size()));
        }
        return b.toString();
    }
}
