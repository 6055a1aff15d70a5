package org.chargeflex.cio.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chargeflex.cio.forwarding.ProposalValidator;
import org.chargeflex.cio.forwarding.ScheduleProposal;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.optimizer.SchedulePlanner;
import org.chargeflex.cio.session.ChargingSession;
import org.chargeflex.cio.session.SessionRepository;
import org.chargeflex.cio.station.Outlet;
import org.chargeflex.cio.station.Station;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-plans every ongoing session of some stations at once, without a new charging request (a changed grid limit, e.g.
 * a DNO curtailment). An ongoing session is one that is not finished and has had a charging request (its demand,
 * EV limits and departure are stored); each gets a new schedule version (new ETag), which its station fetches on its
 * next poll. Management services are not asked: the CIO's own planner plans.
 *
 * <p>The sessions are planned one after another with the current {@link GridLimits}. So that the first does not take
 * everything, each gets at most an equal share of what its station's and its grid connection point's limits leave
 * for the sessions of this re-plan that are not planned yet (their old schedules do not count); a session that needs
 * less leaves the rest to the following ones. With a limit of at least n x m for n sessions, each may thus plan at
 * least m.
 *
 * <p>Call inside the caller's transaction, after {@code StationRepository.lockForPlanning} for every station (in id
 * order) and then their grid connection point.
 */
@Service
public class SessionReplanner {
    /** More open sessions than this at one station are not expected; the rest would stay unplanned (logged). */
    static final int MAX_SESSIONS_PER_STATION = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SessionReplanner.class);

    private final SessionRepository sessions;
    private final ScheduleRepository schedules;
    private final LimitCalculator limits;
    private final SchedulePlanner planner;
    private final Clock clock;
    private final int pollIntervalSeconds;

    SessionReplanner(SessionRepository sessions, ScheduleRepository schedules, LimitCalculator limits,
            SchedulePlanner planner, Clock clock, ScheduleProperties properties) {
        this.sessions = sessions;
        this.schedules = schedules;
        this.limits = limits;
        this.planner = planner;
        this.clock = clock;
        this.pollIntervalSeconds = (int) Math.max(1, Math.min(86_400, properties.pollInterval().toSeconds()));
    }

    /** One session to re-plan, with the power its current schedule still holds ({@code 0} if it expired). */
    private record Pending(Station station, Outlet outlet, ChargingSession session, double heldW) {
    }

    /** @return the number of sessions that got a new schedule version */
    @Transactional(propagation = Propagation.MANDATORY)
    public int replan(List<Station> stations) {
        Instant now = clock.instant();
        List<Pending> pending = new ArrayList<>();
        for (Station station : stations) {
            List<ChargingSession> open = sessions.list(station.id(), true, MAX_SESSIONS_PER_STATION);
            if (open.size() == MAX_SESSIONS_PER_STATION) {
                LOG.warn("Station {} has {} or more open sessions; only those are re-planned", station.id(), open.size());
            }
            for (ChargingSession s : open) {
                if (s.energyDemandWh() == null || s.evMaxPowerW() == null || s.plannedDeparture() == null) {
                    continue; // no charging request yet: nothing is planned for it
                }
                Optional<Outlet> outlet = station.outlets().stream().filter(o -> o.id().equals(s.outletId())).findFirst();
                if (outlet.isEmpty()) {
                    LOG.warn("Session {}/{} is not re-planned: outlet {} is no longer registered", station.id(),
                            s.sessionId(), s.outletId());
                    continue;
                }
                double held = schedules.current(station.id(), s.sessionId())
                        .filter(c -> c.plan().validUntil().isAfter(now)).map(c -> c.plan().peakPowerW()).orElse(0.0);
                pending.add(new Pending(station, outlet.get(), s, held));
            }
        }
        int replanned = 0;
        while (!pending.isEmpty()) {
            Pending next = pending.remove(0);
            PlanningInput input = share(next, pending, now);
            PlannedSchedule plan = planner.plan(input);
            ProposalValidator.Checked checked = ProposalValidator.check(
                    new ScheduleProposal(plan.startTime(), plan.periods(), plan.validUntil()), input);
            if (!checked.valid()) {
                throw new IllegalStateException("the planner broke a limit: " + checked.problem());
            }
            schedules.insertNextVersion(next.station().id(), next.session().sessionId(), plan, pollIntervalSeconds,
                    ScheduleOrigin.PLANNER, null);
            replanned++;
        }
        return replanned;
    }

    /** The session's limits, its headroom cut to an equal share of what is left for it and the sessions after it. */
    private PlanningInput share(Pending p, List<Pending> after, Instant now) {
        ChargingSession s = p.session();
        double evMin = s.evMinPowerW() == null ? 0 : s.evMinPowerW();
        PlanningInput in = limits.limits(p.station(), p.outlet(), s.sessionId(), s.plannedDeparture(),
                s.energyDemandWh(), s.evMaxPowerW(), evMin, now);
        double stationHeld = 0;
        int stationCount = 1;
        double gridHeld = 0;
        int gridCount = 1;
        String gcp = p.station().gridConnectionPoint();
        for (Pending o : after) {
            if (o.station().id().equals(p.station().id())) {
                stationHeld += o.heldW();
                stationCount++;
            }
            if (gcp != null && Objects.equals(gcp, o.station().gridConnectionPoint())) {
                gridHeld += o.heldW();
                gridCount++;
            }
        }
        return new PlanningInput(in.now(), in.plannedDeparture(), in.energyDemandWh(), in.evMaxPowerW(),
                in.evMinPowerW(), in.outletMaxPowerW(), (in.stationHeadroomW() + stationHeld) / stationCount,
                (in.gridHeadroomW() + gridHeld) / gridCount);
    }
}
