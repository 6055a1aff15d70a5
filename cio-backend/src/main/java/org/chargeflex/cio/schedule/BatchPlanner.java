package org.chargeflex.cio.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.chargeflex.cio.forwarding.ForwardingOutcome;
import org.chargeflex.cio.forwarding.Forwarder;
import org.chargeflex.cio.forwarding.ProposalValidator;
import org.chargeflex.cio.forwarding.ScheduleProposal;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.optimizer.SchedulePlanner;
import org.chargeflex.cio.station.PlanningLocks;
import org.chargeflex.cio.system.PlanningSignal;
import org.chargeflex.cio.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans a batch of charging requests ({@link PlanningLanes}) in one transaction with a fixed number of statements:
 * take the planning locks of all the batch's stations and grid connection points, then move the batch's planning
 * targets' generations and name its finished sessions (1, {@link BatchLimitsRepository#open}); the limits and the open
 * sessions' plans, from this instance's copies where nobody else changed a target since ({@link BatchLimitsSource}),
 * else read (1 more, {@link BatchLimitsRepository#read}); plan each session in Java, the later ones net of the
 * earlier ones' plans, and store the requests with their plans (1 statement, {@link RequestPlanRepository}: it writes
 * each session row once, with the request data and the new current plan, and inserts the schedule version; a second
 * request of one session takes another); then commit once, and keep the targets' plans as the batch left them. The
 * limits are gathered before the requests are stored, so the batch's own sessions are counted into them first
 * ({@link BatchLimits#requested}): the plans are those made when the requests were stored before the read.
 *
 * <p>A request whose session has finished (409: it is planned as a new session, and its statement stores nothing),
 * whose station has gone (404) or moved to another grid connection point since the registry copy said where it was
 * (its locks would be the wrong ones: 409, send again), or whose plan would break a limit fails alone and stores
 * nothing; the others are stored. A database error fails the batch, and its transaction stores nothing. A management
 * service's answer is logged ({@link Forwarder#record}) once the batch is stored, except for a request whose session
 * turned out finished (as before, when such a request never reached planning).
 */
@Component
class BatchPlanner {
    private final BatchLimitsSource limits;
    private final RequestPlanRepository requests;
    private final Forwarder forwarder;
    private final SchedulePlanner planner;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BatchPlanner(BatchLimitsSource limits, RequestPlanRepository requests,
            Forwarder forwarder, SchedulePlanner planner, TransactionTemplate transaction,
            ApplicationEventPublisher events, Clock clock) {
        this.limits = limits;
        this.requests = requests;
        this.forwarder = forwarder;
        this.planner = planner;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Plans the batch; the answer has one outcome per job, in order. */
    List<PlanningLanes.Outcome<StoredSchedule>> plan(List<PlanningJob> jobs, int pollIntervalSeconds) {
        Planned planned = Objects.requireNonNull(transaction.execute(tx -> planLocked(jobs, pollIntervalSeconds)));
        limits.committed(planned.limits(), planned.stored());
        return planned.outcomes();
    }

    /** A batch's outcomes, and its limits with the sessions it stored, to keep once committed. */
    private record Planned(List<PlanningLanes.Outcome<StoredSchedule>> outcomes, BatchLimitsSource.Opened limits,
            List<BatchLimits.OpenSession> stored) {
    }

    private Planned planLocked(List<PlanningJob> jobs, int pollIntervalSeconds) {
        Set<String> stations = new TreeSet<>();
        Set<String> grids = new TreeSet<>();
        for (PlanningJob job : jobs) {
            stations.add(job.target().stationId());
            if (job.target().gridConnectionPoint() != null) {
                grids.add(job.target().gridConnectionPoint());
            }
        }
        BatchLimitsSource.Opened opened = limits.open(PlanningLocks.keys(stations, grids), jobs);
        BatchLimits shared = opened.limits();
        Instant now = clock.instant();

        PlanningLanes.Outcome<?>[] outcomes = new PlanningLanes.Outcome<?>[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            outcomes[i] = refusal(jobs.get(i), shared, opened.placed(i));
        }
        // every session of the batch counts as open and ongoing before the first is planned, as when the requests
        // were stored before the read (a finished one was refused above: see BatchLimits.requested)
        for (int i = 0; i < jobs.size(); i++) {
            if (outcomes[i] == null) {
                shared.requested(jobs.get(i).target().stationId(), jobs.get(i).request().sessionId());
            }
        }
        ForwardingNote[] notes = new ForwardingNote[jobs.size()];
        List<RequestPlanRepository.PlannedRequest> planned = new ArrayList<>();
        List<Integer> plannedJob = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            PlanningJob job = jobs.get(i);
            try {
                planned.add(new RequestPlanRepository.PlannedRequest(job.request(), job.evMaxPowerW(),
                        job.evMinPowerW(), planOne(job, shared, now, pollIntervalSeconds, notes, i)));
                plannedJob.add(i);
            } catch (RuntimeException e) {
                outcomes[i] = PlanningLanes.Outcome.failed(e);
            }
        }
        List<Optional<StoredSchedule>> stored = requests.save(planned);
        Set<String> arrived = new LinkedHashSet<>();
        List<BatchLimits.OpenSession> storedSessions = new ArrayList<>();
        for (int k = 0; k < stored.size(); k++) {
            int i = plannedJob.get(k);
            PlanningJob job = jobs.get(i);
            if (stored.get(k).isPresent()) {
                outcomes[i] = PlanningLanes.Outcome.of(stored.get(k).get());
                storedSessions.add(BatchLimitsSource.stored(planned.get(k).version()));
                arrived.add(job.target().stationId());
            } else {
                outcomes[i] = PlanningLanes.Outcome.failed(ScheduleService.finished(job.request()));
                notes[i] = null; // no log entry, as when a finished session's request never reached planning
            }
        }
        for (int i = 0; i < jobs.size(); i++) {
            if (notes[i] != null) {
                forwarder.record(jobs.get(i).request(), notes[i].forwarded(), notes[i].outcome(), notes[i].detail());
            }
        }
        arrived.forEach(id -> events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.ARRIVAL, id)));
        @SuppressWarnings("unchecked")
        List<PlanningLanes.Outcome<StoredSchedule>> answer = Arrays.stream(outcomes)
                .map(o -> (PlanningLanes.Outcome<StoredSchedule>) Objects.requireNonNull(o)).toList();
        return new Planned(answer, opened, storedSessions);
    }

    /** Why the job cannot be planned under the limits read, or {@code null} if it can. */
    private static PlanningLanes.Outcome<StoredSchedule> refusal(PlanningJob job, BatchLimits shared,
            boolean placed) {
        String stationId = job.target().stationId();
        if (!shared.knows(stationId)) {
            return PlanningLanes.Outcome.failed(Problems.notFound("station", stationId));
        }
        if (shared.finished(stationId, job.request().sessionId())) {
            return PlanningLanes.Outcome.failed(ScheduleService.finished(job.request()));
        }
        if (!placed || !Objects.equals(shared.gridConnectionPointOf(stationId), job.target().gridConnectionPoint())) {
            // moved since the registry copy was read: the locks taken are not those of its limits now
            return PlanningLanes.Outcome.failed(Problems.conflict("station '" + stationId
                    + "' moved to another grid connection point while its request was planned; send it again"));
        }
        return null;
    }

    /** A management service's answer to log once the batch is stored ({@link Forwarder#record}). */
    private record ForwardingNote(Forwarder.Forwarded forwarded, ForwardingOutcome outcome, String detail) {
    }

    /** The session's next version: the service's answer if it still fits, else the planner's; counted in shared. */
    private ScheduleRepository.NewVersion planOne(PlanningJob job, BatchLimits shared, Instant now,
            int pollIntervalSeconds, ForwardingNote[] notes, int index) {
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
                notes[index] = new ForwardingNote(f, ForwardingOutcome.ACCEPTED, null);
                plan = f.plan();
                origin = ScheduleOrigin.FORWARDED;
                serviceId = f.serviceId();
            } else {
                notes[index] = new ForwardingNote(f, ForwardingOutcome.LIMITS_CHANGED, still.problem());
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
