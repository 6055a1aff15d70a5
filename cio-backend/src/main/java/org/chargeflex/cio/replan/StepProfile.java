package org.chargeflex.cio.replan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.optimizer.PlannedSchedule;

/** A schedule as a step function of time: its period's power from start to valid-until, 0 outside. */
record StepProfile(Instant start, long[] offsets, double[] powers, Instant end) {

    static StepProfile of(PlannedSchedule plan) {
        List<SchedulePeriod> periods = plan.periods();
        long[] offsets = periods.stream().mapToLong(SchedulePeriod::offsetSeconds).toArray();
        double[] powers = periods.stream().mapToDouble(SchedulePeriod::maxPowerW).toArray();
        return new StepProfile(plan.startTime(), offsets, powers, plan.validUntil());
    }

    double powerAt(Instant t) {
        if (t.isBefore(start) || !t.isBefore(end)) {
            return 0;
        }
        long s = t.getEpochSecond() - start.getEpochSecond();
        double p = 0;
        for (int i = 0; i < offsets.length && offsets[i] <= s; i++) {
            p = powers[i];
        }
        return p;
    }

    /** The instants in [from, to) at which the power may change (always including {@code from}). */
    List<Instant> breakpoints(Instant from, Instant to) {
        List<Instant> points = new ArrayList<>();
        points.add(from);
        for (long o : offsets) {
            add(points, start.plusSeconds(o), from, to);
        }
        add(points, end, from, to);
        points.sort(null);
        return points;
    }

    /** The highest power in [from, to), W. */
    double maxOver(Instant from, Instant to) {
        double max = 0;
        for (Instant t : breakpoints(from, to)) {
            max = Math.max(max, powerAt(t));
        }
        return max;
    }

    /** The energy the schedule allows in [from, to), Wh. */
    double energyWh(Instant from, Instant to) {
        List<Instant> points = breakpoints(from, to);
        points.add(to);
        double wh = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            Instant a = points.get(i);
            Instant b = points.get(i + 1);
            if (b.isAfter(a)) {
                wh += powerAt(a) * (b.toEpochMilli() - a.toEpochMilli()) / 3_600_000.0;
            }
        }
        return wh;
    }

    private static void add(List<Instant> points, Instant t, Instant from, Instant to) {
        if (t.isAfter(from) && t.isBefore(to)) {
            points.add(t);
        }
    }
}
