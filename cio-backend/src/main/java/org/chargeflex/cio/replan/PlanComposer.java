package org.chargeflex.cio.replan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.optimizer.PlannedSchedule;

/**
 * Turns a session's new power per slot into its next schedule version: the periods of the current version before now
 * stay exactly as they were (same start time, same offsets and powers), the new plan follows from now on.
 */
final class PlanComposer {
    private PlanComposer() {
    }

    /**
     * @param current   the session's current schedule, if any
     * @param start     now (whole seconds): the new plan applies from here
     * @param gridStart the start of the slot in progress ({@code <= start})
     * @param slotSeconds slot length
     * @param powers    power per slot from {@code gridStart}
     * @param end       where the new plan ends
     */
    static PlannedSchedule compose(Optional<PlannedSchedule> current, Instant start, Instant gridStart, long slotSeconds,
            double[] powers, Instant end) {
        List<SchedulePeriod> future = new ArrayList<>();
        long lag = start.getEpochSecond() - gridStart.getEpochSecond();
        double last = Double.NaN;
        for (int t = 0; t < powers.length; t++) {
            if (powers[t] != last) {
                future.add(new SchedulePeriod(t == 0 ? 0 : t * slotSeconds - lag, powers[t]));
                last = powers[t];
            }
        }
        if (current.isPresent()) {
            PlannedSchedule old = current.get();
            long shift = start.getEpochSecond() - old.startTime().getEpochSecond();
            if (shift > 0 && old.validUntil().isAfter(start)) {
                List<SchedulePeriod> periods = new ArrayList<>();
                for (SchedulePeriod p : old.periods()) {
                    if (p.offsetSeconds() < shift) {
                        periods.add(p);
                    }
                }
                for (SchedulePeriod p : future) {
                    periods.add(new SchedulePeriod(p.offsetSeconds() + shift, p.maxPowerW()));
                }
                if (periods.size() <= ChargingSchedule.MAX_PERIODS) {
                    return new PlannedSchedule(old.startTime(), periods, end);
                }
            }
        }
        return new PlannedSchedule(start, future, end);
    }

    /** Whether {@code next} differs from {@code current} by more than {@code toleranceW} at some moment from {@code from}. */
    static boolean differs(Optional<PlannedSchedule> current, PlannedSchedule next, Instant from, double toleranceW) {
        if (current.isEmpty()) {
            return true;
        }
        StepProfile a = StepProfile.of(current.get());
        StepProfile b = StepProfile.of(next);
        Instant to = a.end().isAfter(b.end()) ? a.end() : b.end();
        List<Instant> points = new ArrayList<>(a.breakpoints(from, to));
        points.addAll(b.breakpoints(from, to));
        for (Instant t : points) {
            if (Math.abs(a.powerAt(t) - b.powerAt(t)) > toleranceW) {
                return true;
            }
        }
        return false;
    }
}
