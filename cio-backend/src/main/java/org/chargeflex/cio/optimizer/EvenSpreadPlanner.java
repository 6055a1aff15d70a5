package org.chargeflex.cio.optimizer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    static final Duration MIN_HORIZON = Duration.ofMinutes(15);
    static final Duration MAX_HORIZON = Duration.ofHours(24);

    @Override
    public PlannedSchedule plan(PlanningInput in) {
        Instant start = in.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = in.plannedDeparture().truncatedTo(ChronoUnit.SECONDS);
        if (end.isBefore(start.plus(MIN_HORIZON))) {
            end = start.plus(MIN_HORIZON);
        }
        if (end.isAfter(start.plus(MAX_HORIZON))) {
            end = start.plus(MAX_HORIZON);
        }
        long seconds = Duration.between(start, end).getSeconds();
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
