package org.chargeflex.cio.grid;

import org.chargeflex.cio.schedule.GridLimits;
import org.chargeflex.cio.station.GridConnectionPoint;
import org.chargeflex.cio.station.Station;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The planner's limits under DNO curtailments: a target without a curtailment has its registered maximum; a curtailed
 * one min(registered maximum, max(curtailment, ongoing sessions x {@code chargeflex.grid.minimum-session-power-w})).
 * The session count is read at each plan, so the guarantee grows with each session that starts under the curtailment.
 */
@Component
@EnableConfigurationProperties(GridProperties.class)
class CurtailedLimits implements GridLimits {
    private final CurtailmentRepository curtailments;
    private final double minimumSessionPowerW;

    CurtailedLimits(CurtailmentRepository curtailments, GridProperties properties) {
        this.curtailments = curtailments;
        this.minimumSessionPowerW = properties.minimumSessionPowerW();
    }

    @Override
    public double stationLimitW(Station station) {
        return limit(CurtailmentScope.STATION, station.id(), station.maxPowerW());
    }

    @Override
    public double gridConnectionPointLimitW(GridConnectionPoint point) {
        return limit(CurtailmentScope.GRID_CONNECTION_POINT, point.id(), point.maxPowerW());
    }

    private double limit(CurtailmentScope scope, String target, double registeredMaxW) {
        return curtailments.limit(scope, target)
                .map(c -> curtailedLimitW(registeredMaxW, c.limitW(), c.ongoingSessions()))
                .orElse(registeredMaxW);
    }

    @Override
    public double curtailedLimitW(double registeredMaxW, double curtailmentW, int ongoingSessions) {
        return effective(registeredMaxW, curtailmentW, ongoingSessions);
    }

    /** The limit applied for a curtailment of {@code limitW} over {@code sessions} ongoing sessions, W. */
    double effective(double registeredMaxW, double limitW, int sessions) {
        return Math.min(registeredMaxW, Math.max(limitW, sessions * minimumSessionPowerW));
    }
}
