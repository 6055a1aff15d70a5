package org.chargeflex.cio.replan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.optimizer.SitePlanning;
import org.chargeflex.cio.optimizer.PlanningGrid;
import org.chargeflex.cio.optimizer.SitePlanningSource;
import org.chargeflex.cio.schedule.GridLimits;
import org.chargeflex.cio.schedule.JointReplanning;
import org.chargeflex.cio.schedule.ScheduleOrigin;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.session.ChargingSession;
import org.chargeflex.cio.session.SessionRepository;
import org.chargeflex.cio.station.GridConnectionPoint;
import org.chargeflex.cio.station.Outlet;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.StationRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-plans one target (a grid connection point with all its stations, or a station without one) jointly: every
 * ongoing session with a charging request gets its remaining energy planned by {@link JointPlanner} under the
 * target's current limits ({@link GridLimits}: registered maximum or curtailment) from now on; the past periods of its
 * schedule stay as they were. A session whose new plan is within {@code cio.replan.tolerance-w} of its current
 * schedule keeps it (no new version, same ETag), provided the limits still hold with the kept schedules.
 *
 * <p>Sessions whose current schedule came from a management service (origin FORWARDED) keep it and count as fixed
 * load, except in a re-plan after a curtailment ({@link #replanStations}), which re-plans them too. Call inside a
 * transaction holding the target's planning locks ({@code PlanningLocks}).
 *
 * <p>A grid connection point's site planning ({@link SitePlanningSource}: objective, base load, renewable forecast,
 * prices) applies to its joint plan.
 */
@Service
@EnableConfigurationProperties(ReplanProperties.class)
class TargetReplanner implements JointReplanning {
    static final int MAX_SESSIONS_PER_STATION = 10_000;

    private final StationRepository stations;
    private final SessionRepository sessions;
    private final ScheduleRepository schedules;
    private final GridLimits limits;
    private final RemainingEnergy remaining;
    private final ReplanRepository repository;
    private final Clock clock;
    private final ReplanProperties properties;
    private final double minimumSessionPowerW;
    private final int pollIntervalSeconds;
    private final JointPlanner planner;
    private final Duration slotLength;
    private final SitePlanningSource sites;

    TargetReplanner(StationRepository stations, SessionRepository sessions, ScheduleRepository schedules,
            GridLimits limits, RemainingEnergy remaining, ReplanRepository repository, Clock clock,
            ReplanProperties properties,
            @Value("${chargeflex.grid.minimum-session-power-w:0}") double minimumSessionPowerW,
            @Value("${cio.schedule.poll-interval:60s}") Duration pollInterval, SitePlanningSource sites,
            PlanningGrid grid) {
        this.sites = sites;
        this.planner = new JointPlanner(grid.minHorizon());
        this.slotLength = properties.slotLength() != null ? properties.slotLength() : grid.defaultReplanSlotLength();
        this.stations = stations;
        this.sessions = sessions;
        this.schedules = schedules;
        this.limits = limits;
        this.remaining = remaining;
        this.repository = repository;
        this.clock = clock;
        this.properties = properties;
        this.minimumSessionPowerW = minimumSessionPowerW;
        this.pollIntervalSeconds = (int) Math.max(1, Math.min(86_400, pollInterval.toSeconds()));
    }

    /** The stations under a target and its grid connection point ({@code null} for a station without one). */
    record Target(GridConnectionPoint gridConnectionPoint, List<Station> stations) {
        String key() {
            return gridConnectionPoint != null ? "gcp:" + gridConnectionPoint.id() : "station:" + stations.get(0).id();
        }
    }

    /** One session being planned. */
    private record Planned(Station station, ChargingSession session, Optional<StoredSchedule> current,
            RemainingEnergy.Remaining energy, String nodeId) {
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int replanStations(List<Station> affected) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Station s : affected) {
            Optional<Target> t = target(s.id());
            t.ifPresent(target -> targets.putIfAbsent(target.key(), target));
        }
        int replanned = 0;
        for (Target t : targets.values()) {
            replanned += replan(t, true);
        }
        return replanned;
    }

    /** The target a station belongs to (its grid connection point's, or its own); empty if it is gone. */
    Optional<Target> target(String stationId) {
        return stations.find(stationId).flatMap(s -> s.gridConnectionPoint() == null
                ? Optional.of(new Target(null, List.of(s))) : gridTarget(s.gridConnectionPoint()));
    }

    Optional<Target> gridTarget(String gridConnectionPoint) {
        return stations.gridConnectionPoint(gridConnectionPoint).map(g -> new Target(g,
                repository.stationIdsUnder(g.id()).stream().map(stations::find).flatMap(Optional::stream).toList()));
    }

    /**
     * Re-plans the target. Call in a transaction holding its planning locks.
     *
     * @param includeForwarded whether sessions with a management service's schedule are re-planned too
     * @return the number of sessions that got a new schedule version
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int replan(Target target, boolean includeForwarded) {
        Instant now = clock.instant();
        List<JointPlanner.NodeLimit> nodes = new ArrayList<>();
        Map<String, List<StepProfile>> fixed = new HashMap<>();
        String root = null;
        if (target.gridConnectionPoint() != null) {
            root = "g";
            fixed.put(root, new ArrayList<>());
            nodes.add(new JointPlanner.NodeLimit(root, null, limits.gridConnectionPointLimitW(target.gridConnectionPoint()),
                    fixed.get(root)));
        }
        List<Planned> planned = new ArrayList<>();
        List<JointPlanner.Demand> demands = new ArrayList<>();
        for (int i = 0; i < target.stations().size(); i++) {
            Station station = target.stations().get(i);
            String nodeId = "s" + i;
            fixed.put(nodeId, new ArrayList<>());
            nodes.add(new JointPlanner.NodeLimit(nodeId, root, limits.stationLimitW(station), fixed.get(nodeId)));
            for (ChargingSession s : sessions.list(station.id(), true, MAX_SESSIONS_PER_STATION)) {
                Optional<StoredSchedule> current = schedules.current(station.id(), s.sessionId());
                boolean valid = current.isPresent() && current.get().plan().validUntil().isAfter(now);
                Optional<Outlet> outlet = station.outlets().stream().filter(o -> o.id().equals(s.outletId())).findFirst();
                boolean forwarded = valid && current.get().origin() == ScheduleOrigin.FORWARDED;
                if (s.energyDemandWh() == null || s.evMaxPowerW() == null || s.plannedDeparture() == null
                        || outlet.isEmpty() || (forwarded && !includeForwarded)) {
                    if (valid) {
                        StepProfile load = StepProfile.of(current.get().plan());
                        fixed.get(nodeId).add(load);
                        if (root != null) {
                            fixed.get(root).add(load);
                        }
                    }
                    continue;
                }
                RemainingEnergy.Remaining energy = remaining.of(s);
                String id = "p" + planned.size();
                planned.add(new Planned(station, s, current, energy, nodeId));
                demands.add(new JointPlanner.Demand(id, nodeId, energy.remainingWh(),
                        s.evMinPowerW() == null ? 0 : s.evMinPowerW(), s.evMaxPowerW(), outlet.get().maxPowerW(),
                        s.phases() == null ? outlet.get().phases() : s.phases(), s.plannedDeparture()));
            }
        }
        if (planned.isEmpty()) {
            return 0;
        }
        SitePlanning site = target.gridConnectionPoint() == null ? SitePlanning.DEFAULT
                : sites.planning(target.gridConnectionPoint().id());
        JointPlanner.Result result = planner.plan(now, slotLength, nodes, demands, minimumSessionPowerW, site);
        List<PlannedSchedule> next = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Optional<PlannedSchedule> old = planned.get(i).current().map(StoredSchedule::plan);
            String id = demands.get(i).id();
            PlannedSchedule plan = PlanComposer.compose(old, result.now(), result.start(),
                    slotLength.getSeconds(), result.powers().get(id), result.ends().get(id));
            next.add(plan);
            changed.add(PlanComposer.differs(old, plan, result.now(), properties.toleranceW()));
        }
        if (!LimitCheck.holds(nodes, planned.stream().map(Planned::nodeId).toList(), kept(planned, next, changed),
                result.now())) {
            changed.replaceAll(c -> true); // a kept schedule would break a limit: store every new plan
        }
        if (!LimitCheck.holds(nodes, planned.stream().map(Planned::nodeId).toList(), next, result.now())) {
            throw new IllegalStateException("the joint plan of " + target.key() + " breaks a limit");
        }
        int stored = 0;
        for (int i = 0; i < planned.size(); i++) {
            if (changed.get(i)) {
                Planned p = planned.get(i);
                double futurePeak = StepProfile.of(next.get(i)).maxOver(result.now(), next.get(i).validUntil());
                StoredSchedule version = schedules.insertNextVersion(p.station().id(), p.session().sessionId(),
                        next.get(i), pollIntervalSeconds, ScheduleOrigin.PLANNER, null, futurePeak);
                repository.recordVersion(version.id(), now, p.energy().deliveredWh());
                stored++;
            }
        }
        return stored;
    }

    private static List<PlannedSchedule> kept(List<Planned> planned, List<PlannedSchedule> next, List<Boolean> changed) {
        List<PlannedSchedule> kept = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            kept.add(changed.get(i) ? next.get(i) : planned.get(i).current().get().plan());
        }
        return kept;
    }
}
