package org.chargeflex.station.charging.session;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.chargeflex.cio.contract.ChargingSchedule;

/**
 * Decides the current limit from the schedule in force and how long ago the CIO was last reached:
 * <ul>
 * <li>the schedule's limit while it covers the moment and the CIO was reached within {@code maxOffline};</li>
 * <li>0 A (waiting) before the first schedule, until {@code maxOffline} after the session opened;</li>
 * <li>otherwise (schedule ended, or the CIO unreachable for longer than {@code maxOffline}) the fallback: the
 * configured fallback current, never more than the last limit the CIO gave in this session.</li>
 * </ul>
 * The result is never unlimited: it is always at most the hardware maximum.
 */
public final class LimitPolicy {
    private final Duration maxOffline;
    private final double fallbackA;
    private final double maxCurrentA;

    public LimitPolicy(Duration maxOffline, double fallbackA, double maxCurrentA) {
        this.maxOffline = maxOffline;
        this.fallbackA = fallbackA;
        this.maxCurrentA = maxCurrentA;
    }

    /**
     * @param schedule      the last valid schedule, or null
     * @param lastContact   when the CIO last answered (a schedule or 304), or null if never in this session
     * @param sessionStart  when the session opened
     * @param lastCioLimitA the last limit derived from a schedule in this session, or null if none yet
     * @param phases        phases in use
     * @param voltageV      the measured phase voltage
     */
    public LimitDecision decide(Instant now, ChargingSchedule schedule, Instant lastContact, Instant sessionStart,
            Double lastCioLimitA, int phases, double voltageV) {
        boolean online = lastContact != null && !now.isAfter(lastContact.plus(maxOffline));
        if (schedule != null && online && now.isBefore(schedule.validUntil())) {
            OptionalDouble p = schedule.maxPowerAt(now);
            double power = p.orElse(0); // before the schedule's start: nothing
            return new LimitDecision(CurrentLimits.fromPower(power, phases, voltageV, maxCurrentA),
                    LimitDecision.Source.SCHEDULE, power);
        }
        Instant reference = lastContact == null ? sessionStart : lastContact;
        if (schedule == null && !now.isAfter(reference.plus(maxOffline))) {
            return new LimitDecision(0, LimitDecision.Source.WAITING, -1);
        }
        double fallback = lastCioLimitA == null ? fallbackA : Math.min(fallbackA, lastCioLimitA);
        return new LimitDecision(CurrentLimits.clamp(fallback, maxCurrentA), LimitDecision.Source.FALLBACK, -1);
    }
}
