package org.chargeflex.cio.optimizer;

import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.contract.SchedulePeriod;

/** A plan for one session, before it gets an id: start, periods (checked as in the contract) and end. */
public record PlannedSchedule(Instant startTime, List<SchedulePeriod> periods, Instant validUntil) {

    public PlannedSchedule {
        periods = ChargingSchedule.checkPeriods(periods);
        if (!validUntil.isAfter(startTime.plusSeconds(periods.get(periods.size() - 1).offsetSeconds()))) {
            throw new IllegalArgumentException("validUntil must be after the start of the last period");
        }
    }

    /** The highest power of any period, W. */
    public double peakPowerW() {
        return periods.stream().mapToDouble(SchedulePeriod::maxPowerW).max().orElse(0);
    }
}
