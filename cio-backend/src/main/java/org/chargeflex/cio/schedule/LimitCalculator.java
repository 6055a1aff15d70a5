package org.chargeflex.cio.schedule;

import java.time.Instant;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.station.Outlet;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.StationRepository;
import org.springframework.stereotype.Component;

/**
 * The limits for planning one session: the EV's, the outlet's, and what the station's and the grid connection point's
 * limits ({@link GridLimits}: registered maximum or DNO curtailment) leave after the other open sessions' current
 * schedules.
 */
@Component
class LimitCalculator {
    private final StationRepository stations;
    private final ScheduleRepository schedules;
    private final GridLimits gridLimits;

    LimitCalculator(StationRepository stations, ScheduleRepository schedules, GridLimits gridLimits) {
        this.stations = stations;
        this.schedules = schedules;
        this.gridLimits = gridLimits;
    }

    PlanningInput limits(Station station, Outlet outlet, ChargingRequest request, double evMaxPowerW,
            double evMinPowerW, Instant now) {
        return limits(station, outlet, request.sessionId(), request.ev().plannedDeparture(),
                request.ev().energyDemandWh(), evMaxPowerW, evMinPowerW, now);
    }

    /** The same for a stored session (a re-plan without a new request). */
    PlanningInput limits(Station station, Outlet outlet, String sessionId, Instant plannedDeparture,
            double energyDemandWh, double evMaxPowerW, double evMinPowerW, Instant now) {
        double stationHeadroom = gridLimits.stationLimitW(station)
                - schedules.committedAtStation(station.id(), sessionId, now);
        double gridHeadroom = Double.POSITIVE_INFINITY;
        if (station.gridConnectionPoint() != null) {
            double limit = stations.gridConnectionPoint(station.gridConnectionPoint())
                    .map(gridLimits::gridConnectionPointLimitW).orElse(Double.POSITIVE_INFINITY);
            gridHeadroom = limit - schedules.committedAtGridPoint(station.gridConnectionPoint(), station.id(),
                    sessionId, now);
        }
        return new PlanningInput(now, plannedDeparture, energyDemandWh, evMaxPowerW, evMinPowerW, outlet.maxPowerW(),
                stationHeadroom, gridHeadroom);
    }
}
