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
import org.chargeflex.cio.session.ChargingSession;
import org.chargeflex.cio.session.SessionRepository;
import org.chargeflex.cio.session.SessionState;
import org.chargeflex.cio.station.Outlet;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.StationRepository;
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
 * <li>Check the station's outlet and the EV's parameters.</li>
 * <li>If a management service is responsible, forward the request (outside any transaction: it may take up to the
 *     service's timeout) and check its answer against the limits.</li>
 * <li>In one short transaction holding the station's and grid connection point's row locks (so plans sharing a limit
 *     are made one after another, on any instance): recompute the limits, take the service's plan if it still fits
 *     (else log LIMITS_CHANGED) or plan with the {@link SchedulePlanner}, and store it as the session's next
 *     schedule version.</li>
 * </ol>
 */
@Service
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleService {
    private final StationRepository stations;
    private final SessionRepository sessions;
    private final ScheduleRepository schedules;
    private final LimitCalculator limits;
    private final Forwarder forwarder;
    private final SchedulePlanner planner;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int pollIntervalSeconds;
    private final ApplicationEventPublisher events;

    ScheduleService(StationRepository stations, SessionRepository sessions, ScheduleRepository schedules,
            LimitCalculator limits, Forwarder forwarder, SchedulePlanner planner, TransactionTemplate transaction,
            Clock clock, ScheduleProperties properties, ApplicationEventPublisher events) {
        this.stations = stations;
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
        Station station = stations.find(request.stationId())
                .orElseThrow(() -> Problems.notFound("station", request.stationId()));
        Outlet outlet = station.outlets().stream().filter(o -> o.id().equals(request.outletId())).findFirst()
                .orElseThrow(() -> Problems.unprocessable("outlet '" + request.outletId() + "' is not registered at station '"
                        + station.id() + "'"));
        double evMax = request.ev().maxPowerW(EvParameters.NOMINAL_PHASE_VOLTAGE_V);
        double evMin = request.ev().minPowerW(EvParameters.NOMINAL_PHASE_VOLTAGE_V);
        if (evMin > evMax) {
            throw Problems.unprocessable("the EV's minimum power (" + evMin + " W) exceeds its maximum (" + evMax + " W)");
        }
        requireNotFinished(request);
        PlanningInput before = limits.limits(station, outlet, request, evMax, evMin, clock.instant());
        Optional<Forwarder.Forwarded> forwarded = forwarder.forward(request, station.gridConnectionPoint(), before);
        return transaction.execute(tx -> {
            stations.lockForPlanning(station.id(), station.gridConnectionPoint());
            if (!sessions.saveRequest(request, evMax, evMin)) {
                throw finished(request);
            }
            events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.ARRIVAL, station.id())); // joint re-plan
            PlanningInput now = limits.limits(station, outlet, request, evMax, evMin, clock.instant());
            if (forwarded.isPresent()) {
                Forwarder.Forwarded f = forwarded.get();
                ProposalValidator.Checked still = ProposalValidator.check(proposal(f.plan()), now);
                if (still.valid()) {
                    forwarder.record(request, f, ForwardingOutcome.ACCEPTED, null);
                    return schedules.insertNextVersion(station.id(), request.sessionId(), f.plan(), pollIntervalSeconds,
                            ScheduleOrigin.FORWARDED, f.serviceId());
                }
                forwarder.record(request, f, ForwardingOutcome.LIMITS_CHANGED, still.problem());
            }
            PlannedSchedule plan = planner.plan(now.atSite(station.gridConnectionPoint()));
            ProposalValidator.Checked own = ProposalValidator.check(proposal(plan), now);
            if (!own.valid()) {
                throw new IllegalStateException("the planner broke a limit: " + own.problem());
            }
            return schedules.insertNextVersion(station.id(), request.sessionId(), plan, pollIntervalSeconds,
                    ScheduleOrigin.PLANNER, null);
        });
    }

    StoredSchedule current(String stationId, String sessionId) {
        return schedules.current(stationId, sessionId)
                .orElseThrow(() -> Problems.notFound("schedule of session", stationId + "/" + sessionId));
    }

    private void requireNotFinished(ChargingRequest request) {
        Optional<ChargingSession> existing = sessions.find(request.stationId(), request.sessionId());
        if (existing.isPresent() && existing.get().state() == SessionState.FINISHED) {
            throw finished(request);
        }
    }

    private static RuntimeException finished(ChargingRequest request) {
        return Problems.conflict("session '" + request.sessionId() + "' has finished; a new session needs a new id");
    }

    private static ScheduleProposal proposal(PlannedSchedule plan) {
        return new ScheduleProposal(plan.startTime(), plan.periods(), plan.validUntil());
    }
}
