package org.chargeflex.cio.replan;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return !deviating(List.of(stationId)).isEmpty();
    }

    /**
     * The stations among {@code stationIds} with an ongoing session that deviates from its schedule, in five
     * statements whatever their number: open sessions, current schedules, the re-planner's baselines of those
     * versions, and what each session's meter counted since its last charging request (as {@link RemainingEnergy}).
     */
    Set<String> deviating(Collection<String> stationIds) {
        Set<String> out = new LinkedHashSet<>();
        if (stationIds.isEmpty()) {
            return out;
        }
        Map<String, StoredSchedule> current = new HashMap<>();
        for (StoredSchedule v : schedules.currentOf(stationIds)) {
            current.put(v.stationId() + "/" + v.sessionId(), v);
        }
        List<ChargingSession> candidates = sessions.listOpen(stationIds).stream()
                .filter(s -> s.energyDemandWh() != null && current.containsKey(s.stationId() + "/" + s.sessionId()))
                .toList();
        if (candidates.isEmpty()) {
            return out;
        }
        Map<String, ReplanRepository.Baseline> baselines = repository.baselines(candidates.stream()
                .map(s -> current.get(s.stationId() + "/" + s.sessionId()).id()).toList());
        Map<ReplanRepository.MeteredSession, ReplanRepository.Metered> delivered = repository.deliveredAll(candidates
                .stream().map(s -> new ReplanRepository.MeteredSession(s.stationId(), s.sessionId(), s.outletId()))
                .toList());
        for (ChargingSession s : candidates) {
            if (out.contains(s.stationId())) {
                continue;
            }
            StoredSchedule v = current.get(s.stationId() + "/" + s.sessionId());
            ReplanRepository.Baseline base = baselines.getOrDefault(v.id(),
                    new ReplanRepository.Baseline(v.createdAt(), 0));
            ReplanRepository.Metered metered = delivered.get(
                    new ReplanRepository.MeteredSession(s.stationId(), s.sessionId(), s.outletId()));
            if (metered == null || metered.lastReadingAt() == null || !metered.lastReadingAt().isAfter(base.plannedAt())) {
                continue;
            }
            double expected = base.deliveredWh()
                    + StepProfile.of(v.plan()).energyWh(base.plannedAt(), metered.lastReadingAt());
            double deviation = metered.deliveredWh() - expected;
            if (Math.abs(deviation) > thresholdWh) {
                LOG.debug("Session {}/{} deviates from its schedule by {} Wh", s.stationId(), s.sessionId(), deviation);
                out.add(s.stationId());
            }
        }
        return out;
    }
}
