package org.chargeflex.cio.replan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.chargeflex.cio.station.PlanningLocks;
import org.chargeflex.cio.station.Station;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background re-planner: every {@code cio.replan.debounce} it takes the dirty marks of this instance, checks the
 * stations with new meter values for a deviation, and re-plans each dirty target jointly ({@link TargetReplanner}) in a
 * transaction of its own. Safe with several instances on one database: a target is re-planned under PostgreSQL's
 * transaction-scoped advisory lock of the target (another instance busy with it: skipped now, retried in the next
 * round; a key space of its own), and its plan is stored under the planning locks of its stations and grid connection
 * point ({@link PlanningLocks}, the ones the request path and the curtailments take) only if it still fits what they
 * committed meanwhile ({@link #replan}), so two re-plans of one target never overlap and no stored plan breaks a limit
 * with the others' committed schedules.
 */
@Component
class ReplanWorker implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ReplanWorker.class);

    private final DirtyTargets dirty;
    private final MeterDeviation deviation;
    private final TargetReplanner replanner;
    private final ReplanRepository repository;
    private final PlanningLocks locks;
    private final TransactionTemplate transaction;
    private final ReplanProperties properties;
    private final ReplanThrottle throttle;
    /** Held by a round; not the lifecycle's lock, so that {@link #stop} can interrupt a round's pause. */
    private final Object roundLock = new Object();
    private final Pause pause;
    private final LongSupplier nanoTime;
    private ScheduledExecutorService executor;

    @Autowired
    ReplanWorker(DirtyTargets dirty, MeterDeviation deviation, TargetReplanner replanner, ReplanRepository repository,
            PlanningLocks locks, TransactionTemplate transaction, ReplanProperties properties) {
        this(dirty, deviation, replanner, repository, locks, transaction, properties, ReplanWorker::sleep,
                System::nanoTime);
    }

    private ReplanWorker(DirtyTargets dirty, MeterDeviation deviation, TargetReplanner replanner,
            ReplanRepository repository, PlanningLocks locks, TransactionTemplate transaction,
            ReplanProperties properties, Pause pause, LongSupplier nanoTime) {
        this.dirty = dirty;
        this.deviation = deviation;
        this.replanner = replanner;
        this.repository = repository;
        this.locks = locks;
        this.transaction = transaction;
        this.properties = properties;
        this.throttle = new ReplanThrottle(properties.minInterval(), System::nanoTime);
        this.pause = pause;
        this.nanoTime = nanoTime;
    }

    /** A pause between two targets of a round ({@code cio.replan.duty-cycle}). */
    interface Pause {
        /** Pauses for about {@code nanos}; throws if interrupted. */
        void pause(long nanos) throws InterruptedException;
    }

    /**
     * For tests: a worker of the same parts with other settings, its pauses between targets going to {@code pause}
     * and its re-plans timed by {@code nanoTime}.
     */
    ReplanWorker withSettings(ReplanProperties settings, Pause pause, LongSupplier nanoTime) {
        return new ReplanWorker(dirty, deviation, replanner, repository, locks, transaction, settings, pause, nanoTime);
    }

    private static void sleep(long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    /**
     * What one round did: the targets re-planned or found busy, the sessions that got a new version, the targets busy
     * on another instance and those left for a later round (they wait for {@code cio.replan.min-interval}, or the
     * worker was stopped during the round; all stay marked), and the targets
     * whose plan made without the planning locks no longer fitted and that were planned again under them.
     */
    record Round(int targets, int replannedSessions, int busyTargets, int waitingTargets, int recomputedTargets) {
    }

    /** One round: everything marked so far. Called by the background thread; tests call it directly. */
    Round runOnce() {
        synchronized (roundLock) {
            return round();
        }
    }

    private Round round() {
        DirtyTargets.Batch batch = dirty.drain();
        if (batch.isEmpty()) {
            return new Round(0, 0, 0, 0, 0);
        }
        List<String> stationIds = new ArrayList<>(batch.stations());
        List<String> metered = batch.meterStations().stream().filter(id -> !batch.stations().contains(id)).toList();
        stationIds.addAll(checkDeviation(metered));
        // a target is loaded once however many of its stations are dirty (one query finds their points), and only
        // when it is due: a target waiting for cio.replan.min-interval stays marked without a read
        int replanned = 0;
        int sessions = 0;
        int busy = 0;
        int waiting = 0;
        int recomputed = 0;
        long workedNanos = 0; // the previous target's re-plan, to pause for before the next
        boolean interrupted = false;
        for (TargetReplanner.Ref ref : replanner.refs(stationIds, batch.gridConnectionPoints())) {
            boolean due = !interrupted && throttle.due(ref.key());
            if (due && workedNanos > 0) { // a pause before each re-plan but the round's first
                interrupted = !pauseAfter(workedNanos); // stopping: the round's other targets stay marked
                due = !interrupted;
            }
            workedNanos = 0;
            if (!due) {
                waiting++;
                remark(ref);
                continue;
            }
            long started = nanoTime.getAsLong();
            Optional<TargetReplanner.Target> t = replanner.load(ref);
            if (t.isEmpty()) {
                continue;
            }
            replanned++;
            try {
                Optional<Replanned> n = replan(ref, t.get());
                if (n.isEmpty()) {
                    busy++;
                    remark(ref);
                } else {
                    throttle.replanned(ref.key());
                    sessions += n.get().sessions();
                    recomputed += n.get().recomputed() ? 1 : 0;
                }
            } catch (RuntimeException e) {
                LOG.error("Re-plan of {} failed; its sessions keep their schedules", ref.key(), e);
            }
            workedNanos = nanoTime.getAsLong() - started;
        }
        if (sessions > 0 || busy > 0) {
            LOG.info("Re-planned {} targets ({} planned again under the locks: changed meanwhile): {} sessions got"
                    + " a new schedule version, {} targets busy elsewhere", replanned - busy, recomputed, sessions, busy);
        }
        return new Round(replanned, sessions, busy, waiting, recomputed);
    }

    /** What re-planning one target did: the sessions that got a new version, and whether it was planned twice. */
    private record Replanned(int sessions, boolean recomputed) {
    }

    /**
     * Re-plans the target in one transaction: the re-planner's try-lock of the target, then a joint plan without the
     * planning locks (so the request path's batches on the target go on meanwhile; with them the whole re-plan held
     * the locks, and the batches waiting for them were most of the request path's p99 under load: bench/RESULTS.md,
     * issue 5), then the planning locks, the target read again under them, and the plan stored if it still fits
     * ({@link TargetReplanner#storeIfCurrent}); if it does not, the target is planned again under the locks.
     *
     * @return empty if another transaction is re-planning the target
     */
    private Optional<Replanned> replan(TargetReplanner.Ref ref, TargetReplanner.Target t) {
        return transaction.execute(tx -> {
            if (!repository.tryLock(t.key())) {
                return Optional.<Replanned>empty();
            }
            Optional<Proposal> proposal = replanner.propose(t, false);
            // the planning locks of the request path and the curtailment re-plan: the stations, then the point
            locks.lock(t.stations().stream().map(Station::id).toList(),
                    t.gridConnectionPoint() == null ? null : t.gridConnectionPoint().id());
            // read again under the locks: stations may have moved or changed their limits meanwhile
            Optional<TargetReplanner.Target> fresh = replanner.load(ref);
            if (fresh.isEmpty() || proposal.isEmpty()) {
                // gone, or nothing to plan when read (a session planned since has its request's plan)
                return Optional.of(new Replanned(0, false));
            }
            OptionalInt stored = replanner.storeIfCurrent(fresh.get(), proposal.get());
            if (stored.isPresent()) {
                return Optional.of(new Replanned(stored.getAsInt(), false));
            }
            return Optional.of(new Replanned(replanner.replan(fresh.get(), false), true));
        });
    }

    private Set<String> checkDeviation(List<String> stationIds) {
        try {
            return deviation.deviating(stationIds);
        } catch (RuntimeException e) {
            LOG.error("Meter deviation check of stations {} failed", stationIds, e);
            return Set.of();
        }
    }

    /**
     * Pauses for {@code (1 - dutyCycle) / dutyCycle} times the work (at most one {@code cio.replan.debounce}); false if
     * interrupted (the interrupt is kept).
     */
    private boolean pauseAfter(long workedNanos) {
        double d = properties.dutyCycle();
        if (d >= 1) {
            return true;
        }
        try {
            pause.pause(Math.min((long) (workedNanos * (1 - d) / d), properties.debounce().toNanos()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void remark(TargetReplanner.Ref ref) {
        if (ref.gridConnectionPoint() != null) {
            dirty.markGridConnectionPoint(ref.gridConnectionPoint());
        } else {
            dirty.markStation(ref.stationId());
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cio-replan");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.debounce().toMillis();
        executor.scheduleWithFixedDelay(this::runSafely, period, period, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("Re-plan round failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
