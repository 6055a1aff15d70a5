package org.chargeflex.cio.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chargeflex.cio.station.PlanGenerations;
import org.springframework.stereotype.Component;

/**
 * A planning batch's {@link BatchLimits}, from this instance's copies of its targets' plans where they are current
 * ({@link PlanSnapshots}) and from the database where not ({@link BatchLimitsRepository}). Under load most batches
 * find every target current and read no station or session: the batch's generation statement is then its only
 * statement before it stores its requests.
 */
@Component
class BatchLimitsSource {
    /** A batch's limits and the target plans they came from, to keep once the batch has committed. */
    static final class Opened {
        private final BatchLimits limits;
        private final Map<String, TargetPlans> plans;
        private final Map<String, Long> generations;
        private final Map<String, String> targetOfStation;

        private Opened(BatchLimits limits, Map<String, TargetPlans> plans, Map<String, Long> generations,
                Map<String, String> targetOfStation) {
            this.limits = limits;
            this.plans = plans;
            this.generations = generations;
            this.targetOfStation = targetOfStation;
        }

        BatchLimits limits() {
            return limits;
        }
    }

    private final BatchLimitsRepository repository;
    private final PlanSnapshots snapshots;
    private final GridLimits gridLimits;

    BatchLimitsSource(BatchLimitsRepository repository, PlanSnapshots snapshots, GridLimits gridLimits) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.gridLimits = gridLimits;
    }

    /**
     * Moves the batch's targets' generations and gathers its limits. Call in the batch's transaction, after its
     * planning locks, before it stores anything.
     */
    Opened open(List<PlanningJob> jobs) {
        Map<String, String> targetOfStation = new LinkedHashMap<>();
        List<String> batchSessions = new ArrayList<>(jobs.size());
        for (PlanningJob job : jobs) {
            String station = job.target().stationId();
            targetOfStation.put(station, PlanGenerations.target(station, job.target().gridConnectionPoint()));
            batchSessions.add(BatchLimits.key(station, job.request().sessionId()));
        }
        Set<String> targets = new TreeSet<>(targetOfStation.values());
        BatchLimitsRepository.Opened opened = repository.open(targets, batchSessions);

        Map<String, TargetPlans> plans = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (String t : targets) {
            snapshots.current(t, opened.generation(t)).ifPresentOrElse(p -> plans.put(t, p), () -> stale.add(t));
        }
        if (!stale.isEmpty()) {
            plans.putAll(repository.read(stale));
        }
        List<TargetPlans> all = new ArrayList<>(plans.values());
        // a station not on the target the registry copy named has moved or gone: read it by id to refuse its request
        List<String> strays = targetOfStation.keySet().stream()
                .filter(s -> plans.values().stream().noneMatch(p -> p.has(s)))
                .map(s -> PlanGenerations.target(s, null)).toList();
        if (!strays.isEmpty()) {
            repository.read(strays).values().forEach(p -> all.add(new TargetPlans(null, p.stations(), p.grids(),
                    p.sessionsOfStation())));
        }
        BatchLimits limits = new BatchLimits(all, gridLimits, opened.transactionTime(), opened.finished());
        return new Opened(limits, plans, opened.generations(), targetOfStation);
    }

    /**
     * Keeps the targets' plans as the batch left them, once its transaction has committed: the plans it gathered
     * with the sessions it stored.
     *
     * @param stored the sessions whose requests the batch stored, each with its new current plan
     */
    void committed(Opened batch, Collection<BatchLimits.OpenSession> stored) {
        Map<String, List<BatchLimits.OpenSession>> storedOfTarget = new LinkedHashMap<>();
        for (BatchLimits.OpenSession s : stored) {
            storedOfTarget.computeIfAbsent(batch.targetOfStation.get(s.stationId()), t -> new ArrayList<>()).add(s);
        }
        batch.plans.forEach((target, plans) -> snapshots.committed(batch.generations.get(target),
                plans.withStored(storedOfTarget.getOrDefault(target, List.of()))));
    }

    /** The open session as a stored request leaves it: open and ongoing, with its new current plan. */
    static BatchLimits.OpenSession stored(ScheduleRepository.NewVersion v) {
        Instant until = v.plan().validUntil();
        return new BatchLimits.OpenSession(v.stationId(), v.sessionId(), v.version(), v.committedPeakW(), until, true);
    }
}
