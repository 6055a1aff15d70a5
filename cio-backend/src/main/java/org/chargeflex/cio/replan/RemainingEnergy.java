package org.chargeflex.cio.replan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** One session's (two statements). */
    Remaining of(ChargingSession s) {
        Instant since = repository.requestedAt(s.stationId(), s.sessionId())
                .orElse(s.updatedAt() != null ? s.updatedAt() : s.createdAt());
        return remaining(s, repository.delivered(s.stationId(), s.sessionId(), s.outletId(), since));
    }

    /** The same figures as {@link #of(ChargingSession)} for several sessions, in order, in one statement. */
    List<Remaining> of(List<ChargingSession> sessions) {
        Map<ReplanRepository.MeteredSession, ReplanRepository.Metered> delivered = repository.deliveredAll(
                sessions.stream().map(RemainingEnergy::key).toList());
        return sessions.stream()
                .map(s -> remaining(s, delivered.getOrDefault(key(s), ReplanRepository.Metered.NONE))).toList();
    }

    private static ReplanRepository.MeteredSession key(ChargingSession s) {
        return new ReplanRepository.MeteredSession(s.stationId(), s.sessionId(), s.outletId());
    }

    private static Remaining remaining(ChargingSession s, ReplanRepository.Metered metered) {
        double demand = s.energyDemandWh() == null ? 0 : s.energyDemandWh();
        double delivered = metered.deliveredWh();
        return new Remaining(Math.max(0, demand - delivered), delivered);
    }
}
