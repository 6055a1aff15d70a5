package org.chargeflex.cio.schedule;

import java.time.Clock;
import java.util.Optional;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.EvParameters;
import org.chargeflex.cio.forwarding.ForwardingOutcome;
import org.chargeflex.cio.forwarding.Forwarder;
import org.chargeflex.cio.forwarding.ProposalValidator;
import org.chargeflex.cio.forwarding.ScheduleProposal;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.optimizer.SchedulePlanner;
import org.chargeflex.cio.session.SessionRepository;
import org.chargeflex.cio.system.PlanningSignal;
import org.chargeflex.cio.system.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers charging requests with schedules.
 *
 * <ol>
 * <li>Check the station's outlet, the session and the EV's parameters (one query).</li>
 * <li>If a management service is responsible, forward the request (outside any transaction: it may take up to the
 *     service's timeout) and check its answer against the limits.</li>
 * <li>In one short transaction holding the station's and grid connection point's advisory locks (so plans sharing a
 *     limit are made one after another, on any instance): recompute the limits, take the service's plan if it still
 *     fits (else log LIMITS_CHANGED) or plan with the {@link SchedulePlanner}, and store it as the session's next
 *     schedule version. Four statements: lock, save the request, read the limits, insert the schedule.</li>
 * </ol>
 */
@Service
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleService {
    private final PlanningTargets targets;
    private final SessionRepository sessions;
    private final ScheduleRepository schedules;
    private final LimitCalculator limits;
    private final Forwarder forwarder;
    private final SchedulePlanner planner;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int pollIntervalSeconds;
    private final ApplicationEventPublisher events;

    ScheduleService(PlanningTargets targets, SessionRepository sessions, ScheduleRepository schedules,
            LimitCalculator limits, Forwarder forwarder, SchedulePlanner planner, TransactionTemplate transaction,
            Clock clock, ScheduleProperties properties, ApplicationEventPublisher events) {
        this.targets = targets;
        this.sessions = sessions;
        this.schedules = schedules;
        this.limits = limits;
        this.forwarder = forwarder;
        this.planner = planner;
        this.transaction = transaction;
        this.clock = clock;
        this.pollIntervalSeconds = (int) Math.max(1, Math.min(86_400, properties.pollInterval().toSeconds()));
        this.events = events;
    }

    StoredSchedule request(ChargingRequest request) {
        PlanningTargets.Target target = targets.find(request.stationId(), request.outletId(), request.sessionId())
                .orElseThrow(() -> Problems.notFound("station", request.stationId()));
        if (target.outlet() == null) {
            throw Problems.unprocessable("outlet '" + request.outletId() + "' is not registered at station '"
                    + target.stationId() + "'");
        }
        double evMax = EvPowerLimits.maxPowerW(request.ev());
        if (EvPowerLimits.minimumExceedsMaximum(request.ev())) {
            throw Problems.unprocessable("the EV's minimum power ("
                    + request.ev().minPowerW(EvParameters.NOMINAL_PHASE_VOLTAGE_V) + " W) exceeds its maximum (" + evMax
                    + " W)");
        }
        double evMin = EvPowerLimits.plannedMinPowerW(request.ev()); // minimum current at 253 V: see EvPowerLimits
        if (target.sessionFinished()) {
            throw finished(request);
        }
        Optional<Forwarder.Forwarded> forwarded = forwarder.forward(request, target.gridConnectionPoint(),
                () -> limits.limits(target, request, evMax, evMin, clock.instant()));
        return transaction.execute(tx -> {
            targets.lock(target.stationId(), target.gridConnectionPoint());
            if (!sessions.saveRequest(request, evMax, evMin)) {
                throw finished(request);
            }
            events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.ARRIVAL, target.stationId())); // joint re-plan
            PlanningInput now = limits.limits(target, request, evMax, evMin, clock.instant());
            if (forwarded.isPresent()) {
                Forwarder.Forwarded f = forwarded.get();
                ProposalValidator.Checked still = ProposalValidator.check(proposal(f.plan()), now);
                if (still.valid()) {
                    forwarder.record(request, f, ForwardingOutcome.ACCEPTED, null);
                    return schedules.insertNextVersion(target.stationId(), request.sessionId(), f.plan(),
                            pollIntervalSeconds, ScheduleOrigin.FORWARDED, f.serviceId());
                }
                forwarder.record(request, f, ForwardingOutcome.LIMITS_CHANGED, still.problem());
            }
            PlannedSchedule plan = planner.plan(now.atSite(target.gridConnectionPoint()));
            ProposalValidator.Checked own = ProposalValidator.check(proposal(plan), now);
            if (!own.valid()) {
                throw new IllegalStateException("the planner broke a limit: " + own.problem());
            }
            return schedules.insertNextVersion(target.stationId(), request.sessionId(), plan, pollIntervalSeconds,
                    ScheduleOrigin.PLANNER, null);
        });
    }

    StoredSchedule current(String stationId, String sessionId) {
        return schedules.current(stationId, sessionId)
                .orElseThrow(() -> Problems.notFound("schedule of session", stationId + "/" + sessionId));
    }

    private static RuntimeException finished(ChargingRequest request) {
        return Problems.conflict("session '" + request.sessionId() + "' has finished; a new session needs a new id");
    }

    private static ScheduleProposal proposal(PlannedSchedule plan) {
        return new ScheduleProposal(plan.startTime(), plan.periods(), plan.validUntil());
    }
}
