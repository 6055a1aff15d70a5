package org.chargeflex.cio.optimizer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.SchedulePeriod;

/**
 * The placeholder policy: spread the energy demand evenly until the planned departure, capped by every limit.
 *
 * <ul>
 * <li>Power = demand / time to departure, at most {@link PlanningInput#maxPowerW()} (the demand may then not be met).</li>
 * <li>Below the EV's minimum power: charge at the minimum until the demand is met, then pause (0 W).</li>
 * <li>If even the minimum does not fit under the limits: 0 W (the station polls and asks again).</li>
 * <li>The schedule lasts until the departure, at least {@link #MIN_HORIZON} and at most {@link #MAX_HORIZON}.</li>
 * </ul>
 * Power is rounded down to whole watts, so a plan never exceeds a limit by rounding.
 *
 * <p>Not a bean any more: {@link FleetOptimizerPlanner} plans; this stays as a simple, dependency-free fallback policy.
 */
public class EvenSpreadPlanner implements SchedulePlanner {
    static final Duration MIN_HORIZON = PlanningHorizon.MIN_HORIZON;
    static final Duration MAX_HORIZON = PlanningHorizon.MAX_HORIZON;

    @Override
    public PlannedSchedule plan(PlanningInput in) {
        PlanningHorizon horizon = PlanningHorizon.of(in);
        Instant start = horizon.start();
        Instant end = horizon.end();
        long seconds = horizon.seconds();
        double cap = Math.floor(in.maxPowerW());
        double min = in.evMinPowerW();
        if (in.energyDemandWh() <= 0 || cap <= 0 || cap < min) {
            return new PlannedSchedule(start, List.of(new SchedulePeriod(0, 0)), end);
        }
        double even = in.energyDemandWh() * 3600.0 / seconds;
        if (even >= min) {
            return new PlannedSchedule(start, List.of(new SchedulePeriod(0, Math.min(Math.floor(even), cap))), end);
        }
        double power = Math.ceil(min); // <= cap: cap is a whole number >= min
        long chargeSeconds = (long) Math.ceil(in.energyDemandWh() * 3600.0 / power);
        if (chargeSeconds >= seconds) {
            return new PlannedSchedule(start, List.of(new SchedulePeriod(0, power)), end);
        }
        return new PlannedSchedule(start, List.of(new SchedulePeriod(0, power), new SchedulePeriod(chargeSeconds, 0)), end);
    }
}
