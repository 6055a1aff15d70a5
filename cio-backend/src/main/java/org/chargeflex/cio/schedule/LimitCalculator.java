package org.chargeflex.cio.schedule;

import java.time.Instant;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.station.GridConnectionPoint;
import org.chargeflex.cio.station.Outlet;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.StationRepository;
import org.springframework.stereotype.Component;

/**
 * The limits for planning one session: the EV's, the outlet's, and what the station's and the grid connection point's
 * limits leave after the other open sessions' current schedules.
 */
@Component
class LimitCalculator {
    private final StationRepository stations;
    private final ScheduleRepository schedules;

    LimitCalculator(StationRepository stations, ScheduleRepository schedules) {
        this.stations = stations;
        this.schedules = schedules;
    }

    PlanningInput limits(Station station, Outlet outlet, ChargingRequest request, double evMaxPowerW,
            double evMinPowerW, Instant now) {
        double stationHeadroom = station.maxPowerW()
                - schedules.committedAtStation(station.id(), request.sessionId(), now);
        double gridHeadroom = Double.POSITIVE_INFINITY;
        if (station.gridConnectionPoint() != null) {
            double limit = stations.gridConnectionPoint(station.gridConnectionPoint())
                    .map(GridConnectionPoint::maxPowerW).orElse(Double.POSITIVE_INFINITY);
            gridHeadroom = limit - schedules.committedAtGridPoint(station.gridConnectionPoint(), station.id(),
                    request.sessionId(), now);
        }
        return new PlanningInput(now, request.ev().plannedDeparture(), request.ev().energyDemandWh(), evMaxPowerW,
                evMinPowerW, outlet.maxPowerW(), stationHeadroom, gridHeadroom);
    }
}
