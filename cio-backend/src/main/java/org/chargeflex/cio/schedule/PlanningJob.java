package org.chargeflex.cio.schedule;

import java.util.Optional;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.forwarding.Forwarder;

/**
 * A checked charging request waiting for its plan: the station's planning target, the EV's power limits and, if a
 * management service answered it, that answer (to be checked again under the planning locks).
 */
record PlanningJob(ChargingRequest request, PlanningTargets.Target target, double evMaxPowerW, double evMinPowerW,
        Optional<Forwarder.Forwarded> forwarded) {

    /** Requests sharing a limit share a lane: the grid connection point, or the station without one. */
    String laneKey() {
        return target.gridConnectionPoint() != null ? "g:" + target.gridConnectionPoint() : "s:" + target.stationId();
    }
}
