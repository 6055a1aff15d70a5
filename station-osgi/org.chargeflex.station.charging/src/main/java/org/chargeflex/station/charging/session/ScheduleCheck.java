package org.chargeflex.station.charging.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.contract.SchedulePeriod;

/**
 * Checks a schedule beyond the contract's structural rules (which the client already enforced): it must belong to the
 * session, must not have ended already, must not start implausibly far ahead, and no period may ask for more power
 * than the outlet could plausibly take.
 */
public final class ScheduleCheck {
    static final Duration MAX_START_AHEAD = Duration.ofDays(2);
    private final double maxPowerW;

    public ScheduleCheck(double maxPowerW) {
        this.maxPowerW = maxPowerW;
    }

    /** Why the schedule is refused, or empty when it is acceptable. */
    public Optional<String> problem(ChargingSchedule s, String sessionId, Instant now) {
        if (!s.sessionId().equals(sessionId)) {
            return Optional.of("schedule " + s.scheduleId() + " is for session " + s.sessionId() + ", not "
                    + sessionId);
        }
        if (!now.isBefore(s.validUntil())) {
            return Optional.of("schedule " + s.scheduleId() + " already ended at " + s.validUntil());
        }
        if (s.startTime().isAfter(now.plus(MAX_START_AHEAD))) {
            return Optional.of("schedule " + s.scheduleId() + " starts too far ahead (" + s.startTime() + ")");
        }
        for (int i = 0; i < s.periods().size(); i++) {
            SchedulePeriod p = s.periods().get(i);
            if (p.maxPowerW() > maxPowerW) {
                return Optional.of("schedule " + s.scheduleId() + " period " + i + " asks for " + p.maxPowerW()
                        + " W, more than the outlet's plausible maximum of " + maxPowerW + " W");
            }
        }
        return Optional.empty();
    }
}
