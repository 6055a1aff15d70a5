package org.chargeflex.cio.forwarding;

import java.time.Duration;
import java.time.Instant;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.optimizer.PlanningInput;

/**
 * Checks a management service's proposal against the limits of the EV, the outlet, the station and the grid. The
 * rules are those of docs/forwarding-contract.md.
 */
public final class ProposalValidator {
    /** Rounding allowance on power limits, W. */
    static final double TOLERANCE_W = 0.5;
    /** The proposal must be in force by now + this. */
    static final Duration MAX_START_DELAY = Duration.ofMinutes(1);
    static final Duration MAX_START_AGE = Duration.ofHours(24);
    static final Duration MAX_HORIZON = Duration.ofHours(48);

    private ProposalValidator() {
    }

    /** The proposal as a plan, or the reason it is refused. */
    public record Checked(PlannedSchedule plan, String problem) {
        public boolean valid() {
            return plan != null;
        }
    }

    public static Checked check(ScheduleProposal proposal, PlanningInput limits) {
        if (proposal == null || proposal.startTime() == null || proposal.validUntil() == null || proposal.periods() == null) {
            return refuse("startTime, periods and validUntil are required");
        }
        PlannedSchedule plan;
        try {
            ChargingSchedule.checkPeriods(proposal.periods());
            plan = new PlannedSchedule(proposal.startTime(), proposal.periods(), proposal.validUntil());
        } catch (IllegalArgumentException | NullPointerException e) {
            return refuse(e.getMessage());
        }
        Instant now = limits.now();
        if (plan.startTime().isAfter(now.plus(MAX_START_DELAY))) {
            return refuse("startTime " + plan.startTime() + " is more than " + MAX_START_DELAY.toSeconds() + " s after now ("
                    + now + ")");
        }
        if (plan.startTime().isBefore(now.minus(MAX_START_AGE))) {
            return refuse("startTime " + plan.startTime() + " is more than 24 h before now (" + now + ")");
        }
        if (!plan.validUntil().isAfter(now) || plan.validUntil().isAfter(now.plus(MAX_HORIZON))) {
            return refuse("validUntil " + plan.validUntil() + " must be after now (" + now + ") and within 48 h");
        }
        double max = limits.maxPowerW();
        double min = limits.evMinPowerW();
        for (int i = 0; i < plan.periods().size(); i++) {
            SchedulePeriod p = plan.periods().get(i);
            if (p.maxPowerW() > max + TOLERANCE_W) {
                return refuse("periods[" + i + "].maxPowerW " + p.maxPowerW() + " W exceeds the limit of " + max
                        + " W (EV " + limits.evMaxPowerW() + ", outlet " + limits.outletMaxPowerW() + ", station headroom "
                        + limits.stationHeadroomW() + ", grid headroom " + limits.gridHeadroomW() + ")");
            }
            if (p.maxPowerW() > 0 && p.maxPowerW() < min - TOLERANCE_W) {
                return refuse("periods[" + i + "].maxPowerW " + p.maxPowerW() + " W is below the EV's minimum of " + min
                        + " W (use 0 to pause)");
            }
        }
        return new Checked(plan, null);
    }

    private static Checked refuse(String problem) {
        return new Checked(null, problem);
    }
}
