package org.chargeflex.cio.schedule;

import java.util.List;
import org.chargeflex.cio.station.Station;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-plans every ongoing session of some stations at once, without a new charging request (a changed grid limit, e.g.
 * a DNO curtailment). An ongoing session is one that is not finished and has had a charging request; it is planned
 * with its remaining energy (its demand less what its meter counted since the request), jointly with every other
 * ongoing session under the same grid connection point (or station) by the {@link JointReplanning} (the rolling
 * re-optimisation, package {@code replan}), which keeps the past periods of each schedule and stores a new version
 * (new ETag) only for sessions whose plan changed. Management services are not asked: the CIO's own planner plans.
 *
 * <p>Call inside the caller's transaction, after {@code PlanningLocks.lock} for every station (in id
 * order) and then their grid connection point.
 */
@Service
public class SessionReplanner {
    private final JointReplanning joint;

    SessionReplanner(JointReplanning joint) {
        this.joint = joint;
    }

    /** @return the number of sessions that got a new schedule version */
    @Transactional(propagation = Propagation.MANDATORY)
    public int replan(List<Station> stations) {
        return joint.replanStations(stations);
    }
}
