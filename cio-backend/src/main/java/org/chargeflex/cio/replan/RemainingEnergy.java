package org.chargeflex.cio.replan;

import java.time.Instant;
import org.chargeflex.cio.session.ChargingSession;
import org.springframework.stereotype.Component;

/**
 * A session's remaining energy: the demand of its last charging request less what the outlet's meter counted for it
 * since that request. Shared by every re-plan (events and curtailments).
 */
@Component
class RemainingEnergy {
    private final ReplanRepository repository;

    RemainingEnergy(ReplanRepository repository) {
        this.repository = repository;
    }

    /** What the session still needs and what it got since its request. */
    record Remaining(double remainingWh, double deliveredWh) {
    }

    Remaining of(ChargingSession s) {
        double demand = s.energyDemandWh() == null ? 0 : s.energyDemandWh();
        Instant since = repository.requestedAt(s.stationId(), s.sessionId())
                .orElse(s.updatedAt() != null ? s.updatedAt() : s.createdAt());
        double delivered = repository.delivered(s.stationId(), s.sessionId(), s.outletId(), since).deliveredWh();
        return new Remaining(Math.max(0, demand - delivered), delivered);
    }
}
