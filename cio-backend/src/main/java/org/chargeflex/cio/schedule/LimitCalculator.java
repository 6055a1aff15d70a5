package org.chargeflex.cio.schedule;

import java.time.Instant;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.springframework.stereotype.Component;

/**
 * The limits for planning one session: the EV's, the outlet's, and what the station's and the grid connection point's
 * limits ({@link GridLimits}: registered maximum or DNO curtailment, with the minimum session power) leave after the
 * other open sessions' current schedules (one query, {@link ScheduleRepository#sharedLimits}).
 */
@Component
class LimitCalculator {
    private final ScheduleRepository schedules;
    private final GridLimits gridLimits;

    LimitCalculator(ScheduleRepository schedules, GridLimits gridLimits) {
        this.schedules = schedules;
        this.gridLimits = gridLimits;
    }

    PlanningInput limits(PlanningTargets.Target target, ChargingRequest request, double evMaxPowerW,
            double evMinPowerW, Instant now) {
        ScheduleRepository.SharedLimits shared = schedules.sharedLimits(target.stationId(),
                target.gridConnectionPoint(), request.sessionId(), now);
        double stationHeadroom = limit(shared.stationMaxPowerW(), shared.stationCurtailment())
                - shared.committedAtStation();
        double gridHeadroom = target.gridConnectionPoint() == null ? Double.POSITIVE_INFINITY
                : limit(shared.gridMaxPowerW(), shared.gridCurtailment()) - shared.committedAtGrid();
        return new PlanningInput(now, request.ev().plannedDeparture(), request.ev().energyDemandWh(), evMaxPowerW,
                evMinPowerW, target.outlet().maxPowerW(), stationHeadroom, gridHeadroom);
    }

    private double limit(double registeredMaxW, ScheduleRepository.Curtailment curtailment) {
        return curtailment == null ? registeredMaxW
                : gridLimits.curtailedLimitW(registeredMaxW, curtailment.limitW(), curtailment.ongoingSessions());
    }
}
