package org.chargeflex.cio.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chargeflex.cio.station.PlanGenerations;
import org.chargeflex.cio.station.PlanningLocks;
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
        private final boolean[] placed;

        private Opened(BatchLimits limits, Map<String, TargetPlans> plans, Map<String, Long> generations,
                boolean[] placed) {
            this.limits = limits;
            this.plans = plans;
            this.generations = generations;
            this.placed = placed;
        }

        BatchLimits limits() {
            return limits;
        }

        /**
         * Whether the job's station is among the stations of the target its registry copy named (else it moved or
         * is gone: its request is refused, as its locks and generations are not those of its limits).
         */
        boolean placed(int job) {
            return placed[job];
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
     * Takes the batch's planning locks, moves its targets' generations and gathers its limits. Call first in the
     * batch's transaction.
     */
    Opened open(PlanningLocks.Keys locks, List<PlanningJob> jobs) {
        List<String> jobTargets = new ArrayList<>(jobs.size());
        List<String> batchSessions = new ArrayList<>(jobs.size());
        for (PlanningJob job : jobs) {
            String station = job.target().stationId();
            jobTargets.add(PlanGenerations.target(station, job.target().gridConnectionPoint()));
            batchSessions.add(BatchLimits.key(station, job.request().sessionId()));
        }
        // every job's target, also when two jobs of one station name different ones (one registry copy was stale)
        Set<String> targets = new TreeSet<>(jobTargets);
        BatchLimitsRepository.Opened opened = repository.open(locks, targets, batchSessions);

        Map<String, TargetPlans> plans = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (String t : targets) {
            snapshots.current(t, opened.generation(t)).ifPresentOrElse(p -> plans.put(t, p), () -> stale.add(t));
        }
        List<String> finished = opened.finished();
        if (!stale.isEmpty()) {
            BatchLimitsRepository.Read read = repository.read(stale, batchSessions);
            plans.putAll(read.plans());
            finished = read.finished(); // the later snapshot (see Read)
        }
        boolean[] placed = new boolean[jobs.size()];
        for (int i = 0; i < placed.length; i++) {
            placed[i] = plans.get(jobTargets.get(i)).has(jobs.get(i).target().stationId());
        }
        List<TargetPlans> all = new ArrayList<>(plans.values());
        // a station in none of the targets has moved or gone: read it by id to refuse its request (404 or 409)
        Set<String> known = new HashSet<>();
        plans.values().forEach(p -> p.stations().forEach(s -> known.add(s.id())));
        List<String> strays = jobs.stream().map(j -> j.target().stationId()).distinct()
                .filter(s -> !known.contains(s)).map(s -> PlanGenerations.target(s, null)).toList();
        if (!strays.isEmpty()) {
            repository.read(strays, List.of()).plans().values().forEach(p -> all.add(new TargetPlans(null,
                    p.stations(), p.grids(), p.sessionsOfStation())));
        }
        BatchLimits limits = new BatchLimits(all, gridLimits, opened.transactionTime(), finished);
        return new Opened(limits, plans, opened.generations(), placed);
    }

    /**
     * Keeps the targets' plans as the batch left them, once its transaction has committed: the plans it gathered
     * with the sessions it stored.
     *
     * @param stored the sessions whose requests the batch stored, each with its new current plan (each of a job that
     *               was {@link Opened#placed placed}, so on the target of its station's grid connection point as read)
     */
    void committed(Opened batch, Collection<BatchLimits.OpenSession> stored) {
        Map<String, List<BatchLimits.OpenSession>> storedOfTarget = new LinkedHashMap<>();
        for (BatchLimits.OpenSession s : stored) {
            String target = PlanGenerations.target(s.stationId(), batch.limits.gridConnectionPointOf(s.stationId()));
            storedOfTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(s);
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
