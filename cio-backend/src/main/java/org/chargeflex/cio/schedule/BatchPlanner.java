package org.chargeflex.cio.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.chargeflex.cio.forwarding.ForwardingOutcome;
import org.chargeflex.cio.forwarding.Forwarder;
import org.chargeflex.cio.forwarding.ProposalValidator;
import org.chargeflex.cio.forwarding.ScheduleProposal;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.optimizer.SchedulePlanner;
import org.chargeflex.cio.session.SessionRepository;
import org.chargeflex.cio.session.SessionRepository.RequestToSave;
import org.chargeflex.cio.station.PlanningLocks;
import org.chargeflex.cio.system.PlanningSignal;
import org.chargeflex.cio.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans a batch of charging requests ({@link PlanningLanes}) in one transaction with a fixed number of statements:
 * the planning locks of all the batch's stations and grid connection points (1), save the requests (1 batch), read
 * the limits and the open sessions' plans ({@link BatchLimitsRepository}, up to 3), plan each session in Java, the
 * later ones net of the earlier ones' plans, and store the schedules (1 batch); then commit once. A request whose
 * session has finished, whose station has gone or moved to another grid connection point since the registry copy
 * said where it was (its locks would be the wrong ones: 409, send again), or whose plan would break a limit fails
 * alone; a database error fails the batch, and its transaction stores nothing.
 */
@Component
class BatchPlanner {
    private final PlanningLocks locks;
    private final SessionRepository sessions;
    private final BatchLimitsRepository limits;
    private final ScheduleRepository schedules;
    private final Forwarder forwarder;
    private final SchedulePlanner planner;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BatchPlanner(PlanningLocks locks, SessionRepository sessions, BatchLimitsRepository limits,
            ScheduleRepository schedules, Forwarder forwarder, SchedulePlanner planner, TransactionTemplate transaction,
            ApplicationEventPublisher events, Clock clock) {
        this.locks = locks;
        this.sessions = sessions;
        this.limits = limits;
        this.schedules = schedules;
        this.forwarder = forwarder;
        this.planner = planner;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Plans the batch; the answer has one outcome per job, in order. */
    List<PlanningLanes.Outcome<StoredSchedule>> plan(List<PlanningJob> jobs, int pollIntervalSeconds) {
        return transaction.execute(tx -> planLocked(jobs, pollIntervalSeconds));
    }

    private List<PlanningLanes.Outcome<StoredSchedule>> planLocked(List<PlanningJob> jobs, int pollIntervalSeconds) {
        Set<String> stations = new TreeSet<>();
        Set<String> grids = new TreeSet<>();
        for (PlanningJob job : jobs) {
            stations.add(job.target().stationId());
            if (job.target().gridConnectionPoint() != null) {
                grids.add(job.target().gridConnectionPoint());
            }
        }
        locks.lock(stations, grids);
        boolean[] saved = sessions.saveRequests(jobs.stream()
                .map(j -> new RequestToSave(j.request(), j.evMaxPowerW(), j.evMinPowerW())).toList());
        Set<String> arrived = new LinkedHashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (saved[i]) {
                arrived.add(jobs.get(i).target().stationId());
            }
        }
        arrived.forEach(id -> events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.ARRIVAL, id)));
        BatchLimits shared = limits.read(stations, grids);
        Instant now = clock.instant();

        PlanningLanes.Outcome<?>[] outcomes = new PlanningLanes.Outcome<?>[jobs.size()];
        List<ScheduleRepository.NewVersion> versions = new ArrayList<>();
        List<Integer> versionOf = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            PlanningJob job = jobs.get(i);
            if (!saved[i]) {
                outcomes[i] = PlanningLanes.Outcome.failed(ScheduleService.finished(job.request()));
            } else if (!shared.knows(job.target().stationId())) {
                outcomes[i] = PlanningLanes.Outcome.failed(Problems.notFound("station", job.target().stationId()));
            } else if (!Objects.equals(shared.gridConnectionPointOf(job.target().stationId()),
                    job.target().gridConnectionPoint())) {
                // moved since the registry copy was read: the locks taken are not those of its limits now
                outcomes[i] = PlanningLanes.Outcome.failed(Problems.conflict("station '" + job.target().stationId()
                        + "' moved to another grid connection point while its request was planned; send it again"));
            } else {
                try {
                    versions.add(planOne(job, shared, now, pollIntervalSeconds));
                    versionOf.add(i);
                } catch (RuntimeException e) {
                    outcomes[i] = PlanningLanes.Outcome.failed(e);
                }
            }
        }
        List<StoredSchedule> stored = schedules.insertVersions(versions);
        for (int k = 0; k < stored.size(); k++) {
            outcomes[versionOf.get(k)] = PlanningLanes.Outcome.of(stored.get(k));
        }
        @SuppressWarnings("unchecked")
        List<PlanningLanes.Outcome<StoredSchedule>> answer = Arrays.stream(outcomes)
                .map(o -> (PlanningLanes.Outcome<StoredSchedule>) Objects.requireNonNull(o)).toList();
        return answer;
    }

    /** The session's next version: the service's answer if it still fits, else the planner's; counted in shared. */
    private ScheduleRepository.NewVersion planOne(PlanningJob job, BatchLimits shared, Instant now,
            int pollIntervalSeconds) {
        String stationId = job.target().stationId();
        String sessionId = job.request().sessionId();
        PlanningInput in = shared.input(job, now);
        PlannedSchedule plan = null;
        ScheduleOrigin origin = ScheduleOrigin.PLANNER;
        Long serviceId = null;
        if (job.forwarded().isPresent()) {
            Forwarder.Forwarded f = job.forwarded().get();
            ProposalValidator.Checked still = ProposalValidator.check(proposal(f.plan()), in);
            if (still.valid()) {
                forwarder.record(job.request(), f, ForwardingOutcome.ACCEPTED, null);
                plan = f.plan();
                origin = ScheduleOrigin.FORWARDED;
                serviceId = f.serviceId();
            } else {
                forwarder.record(job.request(), f, ForwardingOutcome.LIMITS_CHANGED, still.problem());
            }
        }
        if (plan == null) {
            plan = planner.plan(in.atSite(job.target().gridConnectionPoint()));
            ProposalValidator.Checked own = ProposalValidator.check(proposal(plan), in);
            if (!own.valid()) {
                throw new IllegalStateException("the planner broke a limit: " + own.problem());
            }
        }
        int version = shared.nextVersion(stationId, sessionId);
        shared.planned(stationId, sessionId, version, plan.peakPowerW(), plan.validUntil());
        return new ScheduleRepository.NewVersion(stationId, sessionId, version, plan, pollIntervalSeconds, origin,
                serviceId, plan.peakPowerW(), shared.transactionTime());
    }

    private static ScheduleProposal proposal(PlannedSchedule plan) {
        return new ScheduleProposal(plan.startTime(), plan.periods(), plan.validUntil());
    }
}
