package org.chargeflex.cio.replan;

import java.util.Optional;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.session.ChargingSession;
import org.chargeflex.cio.session.SessionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a station's sessions follow their schedules: for each ongoing session, the energy metered since its current
 * schedule version was made is compared with what that version allows up to the newest reading. Behind or ahead by
 * more than {@code cio.replan.meter-deviation-wh} is a deviation (an EV that draws less than allowed leaves power for
 * the others; one that was metered more than planned needs less).
 */
@Component
class MeterDeviation {
    private static final Logger LOG = LoggerFactory.getLogger(MeterDeviation.class);

    private final SessionRepository sessions;
    private final ScheduleRepository schedules;
    private final ReplanRepository repository;
    private final double thresholdWh;

    MeterDeviation(SessionRepository sessions, ScheduleRepository schedules, ReplanRepository repository,
            ReplanProperties properties) {
        this.sessions = sessions;
        this.schedules = schedules;
        this.repository = repository;
        this.thresholdWh = properties.meterDeviationWh();
    }

    /** @return whether some ongoing session of the station deviates from its schedule */
    boolean deviates(String stationId) {
        for (ChargingSession s : sessions.list(stationId, true, TargetReplanner.MAX_SESSIONS_PER_STATION)) {
            Optional<StoredSchedule> current = schedules.current(stationId, s.sessionId());
            if (current.isEmpty() || s.energyDemandWh() == null) {
                continue;
            }
            StoredSchedule v = current.get();
            ReplanRepository.Baseline base = repository.baseline(v.id())
                    .orElse(new ReplanRepository.Baseline(v.createdAt(), 0));
            Optional<java.time.Instant> requested = repository.requestedAt(stationId, s.sessionId());
            if (requested.isEmpty()) {
                continue;
            }
            ReplanRepository.Metered metered = repository.delivered(stationId, s.sessionId(), s.outletId(),
                    requested.get());
            if (metered.lastReadingAt() == null || !metered.lastReadingAt().isAfter(base.plannedAt())) {
                continue;
            }
            double expected = base.deliveredWh()
                    + StepProfile.of(v.plan()).energyWh(base.plannedAt(), metered.lastReadingAt());
            double deviation = metered.deliveredWh() - expected;
            if (Math.abs(deviation) > thresholdWh) {
                LOG.debug("Session {}/{} deviates from its schedule by {} Wh", stationId, s.sessionId(), deviation);
                return true;
            }
        }
        return false;
    }
}
