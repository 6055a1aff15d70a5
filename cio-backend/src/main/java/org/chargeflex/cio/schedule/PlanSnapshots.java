package org.chargeflex.cio.schedule;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.chargeflex.cio.station.PlanGenerations;
import org.springframework.stereotype.Component;

/**
 * The planning targets' plans as this instance's last committed planning batch left them, each with the generation
 * that batch wrote ({@link PlanGenerations}). A batch moves each target's generation first, under the planning locks;
 * if the counter then stands one above a copy's, nobody else changed the target since that copy was committed, and
 * the copy is the target's state: the batch plans from it instead of reading the target's stations and open sessions
 * again ({@link BatchLimitsRepository#read}). Otherwise (another instance, the re-planner, a STOP record, a
 * curtailment, a registry change, or a batch of this instance that is not yet in here) it reads them.
 *
 * <p>A copy is put only after its batch's transaction committed, and a copy never replaces one of a later
 * generation. If a commit fails, no copy is put; if one was put for a transaction that was lost all the same, the
 * next batch finds the counter where that copy says, not one above, reads, and its own copy of that generation
 * replaces the lost one. Bounded: emptied when it holds {@value #CAPACITY} targets.
 */
@Component
class PlanSnapshots {
    static final int CAPACITY = 100_000;

    private record Snapshot(long generation, TargetPlans plans) {
    }

    private final ConcurrentMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    /** The target's plans if the copy is the generation just below {@code generation}, the one the batch moved to. */
    Optional<TargetPlans> current(String target, long generation) {
        Snapshot s = snapshots.get(target);
        return s != null && s.generation() == generation - 1 ? Optional.of(s.plans()) : Optional.empty();
    }

    /**
     * Keeps the plans that a committed batch left at {@code generation}; ignored if a later one is kept, and replaces
     * one of the same generation (which must then be a copy of a transaction that was lost, e.g. a commit lost with
     * the server, since the counter was back below it).
     */
    void committed(long generation, TargetPlans plans) {
        if (!plans.whole()) {
            return;
        }
        if (snapshots.size() >= CAPACITY) {
            snapshots.clear();
        }
        snapshots.merge(plans.target(), new Snapshot(generation, plans),
                (kept, given) -> given.generation() >= kept.generation() ? given : kept);
    }
}
