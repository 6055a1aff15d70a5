package org.chargeflex.cio.replan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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
 * load, except in a re-plan after a curtailment ({@link #replanStations}), which re-plans them too. Store a plan only
 * in a transaction holding the target's planning locks ({@code PlanningLocks}): {@link #replan} plans and stores under
 * them; the background re-planner plans without them ({@link #propose}) and stores under them if the plan still fits
 * ({@link #storeIfCurrent}).
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
            return gridConnectionPoint != null ? Ref.gridKey(gridConnectionPoint.id())
                    : Ref.stationKey(stations.get(0).id());
        }
    }

    /** A target named but not loaded: a grid connection point, or a station without one. */
    record Ref(String gridConnectionPoint, String stationId) {
        static String gridKey(String gridConnectionPoint) {
            return "gcp:" + gridConnectionPoint;
        }

        static String stationKey(String stationId) {
            return "station:" + stationId;
        }

        String key() {
            return gridConnectionPoint != null ? gridKey(gridConnectionPoint) : stationKey(stationId);
        }
    }

    /** One session being planned. */
    record Planned(Station station, ChargingSession session, Optional<StoredSchedule> current, String nodeId) {
    }

    /** A session of a station. */
    private record SessionKey(String stationId, String sessionId) {
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int replanStations(List<Station> affected) {
        int replanned = 0;
        for (Target t : targets(affected.stream().map(Station::id).toList(), List.of()).values()) {
            replanned += replan(t, true);
        }
        return replanned;
    }

    /**
     * The targets of the stations and of the grid connection points, each once (by {@link Target#key()}): stations
     * without a grid connection point first, then the grid connection points. Unknown stations and points are left
     * out. A statement for the stations' points, then two per target.
     */
    Map<String, Target> targets(Collection<String> stationIds, Collection<String> gridConnectionPoints) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Ref ref : refs(stationIds, gridConnectionPoints)) {
            load(ref).ifPresent(t -> targets.putIfAbsent(t.key(), t));
        }
        return targets;
    }

    /**
     * The targets the stations and grid connection points belong to, each once and not loaded: stations without a grid
     * connection point first, then the grid connection points. Unknown stations are left out. One statement (the
     * stations' points), none if only grid connection points are given.
     */
    List<Ref> refs(Collection<String> stationIds, Collection<String> gridConnectionPoints) {
        Map<String, String> pointOf = stationIds.isEmpty() ? Map.of() : repository.gridConnectionPointsOf(stationIds);
        Set<String> points = new LinkedHashSet<>();
        Set<String> alone = new LinkedHashSet<>();
        for (String id : stationIds) {
            if (pointOf.containsKey(id)) {
                if (pointOf.get(id) != null) {
                    points.add(pointOf.get(id));
                } else {
                    alone.add(id);
                }
            }
        }
        points.addAll(gridConnectionPoints);
        List<Ref> refs = new ArrayList<>();
        alone.forEach(id -> refs.add(new Ref(null, id)));
        points.forEach(gcp -> refs.add(new Ref(gcp, null)));
        return refs;
    }

    /** The target loaded (two statements); empty if it is gone. */
    Optional<Target> load(Ref ref) {
        return ref.gridConnectionPoint() != null ? gridTarget(ref.gridConnectionPoint()) : target(ref.stationId());
    }

    /** The target a station belongs to (its grid connection point's, or its own); empty if it is gone. */
    Optional<Target> target(String stationId) {
        return stations.find(stationId).flatMap(s -> s.gridConnectionPoint() == null
                ? Optional.of(new Target(null, List.of(s))) : gridTarget(s.gridConnectionPoint()));
    }

    /** A grid connection point with its stations (by id) and their outlets; empty if it is gone. Two statements. */
    Optional<Target> gridTarget(String gridConnectionPoint) {
        return stations.gridConnectionPoint(gridConnectionPoint)
                .map(g -> new Target(g, stations.findUnder(g.id())));
    }

    /**
     * Re-plans the target. Call in a transaction holding its planning locks. A fixed number of statements whatever the
     * number of stations and sessions: those of {@link #propose}, then the new versions and their records (a batch
     * each).
     *
     * @param includeForwarded whether sessions with a management service's schedule are re-planned too
     * @return the number of sessions that got a new schedule version
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int replan(Target target, boolean includeForwarded) {
        return propose(target, includeForwarded).map(p -> store(p, p.all())).orElse(0);
    }

    /**
     * A joint plan of the target as the database has it now, not stored: its limits, the open sessions, their current
     * schedules, their remaining energy (4 statements; the site's planning comes from memory). Needs no planning
     * locks: {@link #storeIfCurrent} stores it under them if it still fits. Empty if no session is to be planned.
     *
     * @param includeForwarded whether sessions with a management service's schedule are re-planned too
     * @throws IllegalStateException if the joint plan breaks a limit (never expected)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Proposal> propose(Target target, boolean includeForwarded) {
        Instant now = clock.instant();
        List<String> stationIds = stationIds(target);
        LimitNodes nodes = nodes(target);
        Map<String, List<ChargingSession>> open = new HashMap<>();
        for (ChargingSession s : sessions.listOpen(stationIds)) {
            open.computeIfAbsent(s.stationId(), k -> new ArrayList<>()).add(s);
        }
        Map<SessionKey, StoredSchedule> schedulesOf = currentSchedules(stationIds);
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < target.stations().size(); i++) {
            Station station = target.stations().get(i);
            List<ChargingSession> atStation = open.getOrDefault(station.id(), List.of());
            for (ChargingSession s : atStation.subList(0, Math.min(atStation.size(), MAX_SESSIONS_PER_STATION))) {
                Optional<StoredSchedule> current = Optional.ofNullable(
                        schedulesOf.get(new SessionKey(station.id(), s.sessionId())));
                boolean valid = current.isPresent() && current.get().plan().validUntil().isAfter(now);
                Optional<Outlet> outlet = outlet(station, s);
                boolean forwarded = valid && current.get().origin() == ScheduleOrigin.FORWARDED;
                if (s.energyDemandWh() == null || s.evMaxPowerW() == null || s.plannedDeparture() == null
                        || outlet.isEmpty() || (forwarded && !includeForwarded)) {
                    if (valid) {
                        nodes.addFixed(i, StepProfile.of(current.get().plan()));
                    }
                    continue;
                }
                planned.add(new Planned(station, s, current, LimitNodes.stationNode(i)));
            }
        }
        if (planned.isEmpty()) {
            return Optional.empty();
        }
        List<RemainingEnergy.Remaining> energies = remaining.of(planned.stream().map(Planned::session).toList());
        List<JointPlanner.Demand> demands = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            ChargingSession s = p.session();
            Outlet outlet = outlet(p.station(), s).orElseThrow();
            demands.add(new JointPlanner.Demand("p" + i, p.nodeId(), energies.get(i).remainingWh(),
                    s.evMinPowerW() == null ? 0 : s.evMinPowerW(), s.evMaxPowerW(), outlet.maxPowerW(),
                    s.phases() == null ? outlet.phases() : s.phases(), s.plannedDeparture()));
        }
        SitePlanning site = target.gridConnectionPoint() == null ? SitePlanning.DEFAULT
                : sites.planning(target.gridConnectionPoint().id());
        JointPlanner.Result result = planner.plan(now, slotLength, nodes.list(), demands, minimumSessionPowerW, site);
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
        List<String> nodeOfPlan = planned.stream().map(Planned::nodeId).toList();
        if (!LimitCheck.holds(nodes.list(), nodeOfPlan, kept(planned, next, changed), result.now())) {
            changed.replaceAll(c -> true); // a kept schedule would break a limit: store every new plan
        }
        if (!LimitCheck.holds(nodes.list(), nodeOfPlan, next, result.now())) {
            throw new IllegalStateException("the joint plan of " + target.key() + " breaks a limit");
        }
        return Optional.of(new Proposal(target, nodes.limits(), planned, next, changed, energies, result.now(), now));
    }

    /**
     * Stores a proposal made before the planning locks were taken if it still fits: the target is as it was (the same
     * stations with the same outlets, the same limits) and the new plans, together with the current schedules of every
     * other open session, keep every limit. A session whose version moved meanwhile (a charging request planned it
     * again) or that finished gets no new version from the proposal; a new session's or a moved one's schedule counts
     * as fixed load. 2 statements (the curtailments, the current schedules), then those of the store. Call in a
     * transaction holding the target's planning locks, with the target as read under them.
     *
     * @return the number of sessions that got a new schedule version, or empty if the proposal no longer fits (nothing
     *         stored: re-plan the target under the locks)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    OptionalInt storeIfCurrent(Target fresh, Proposal proposal) {
        if (!proposal.sameTarget(fresh)) {
            return OptionalInt.empty();
        }
        LimitNodes nodes = nodes(fresh);
        if (!nodes.limits().equals(proposal.limits())) {
            return OptionalInt.empty();
        }
        Map<SessionKey, StoredSchedule> current = currentSchedules(stationIds(fresh));
        List<Integer> still = new ArrayList<>();
        List<String> nodeOfPlan = new ArrayList<>();
        List<PlannedSchedule> plans = new ArrayList<>();
        for (int i = 0; i < proposal.planned().size(); i++) {
            Planned p = proposal.planned().get(i);
            SessionKey key = new SessionKey(p.station().id(), p.session().sessionId());
            StoredSchedule now = current.get(key);
            int readVersion = p.current().map(StoredSchedule::version).orElse(0);
            if (now != null && now.version() == readVersion) {
                current.remove(key); // planned by the proposal, not fixed load
                still.add(i);
                nodeOfPlan.add(p.nodeId());
                plans.add(proposal.changed().get(i) ? proposal.next().get(i) : now.plan());
            }
        }
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < fresh.stations().size(); i++) {
            indexOf.put(fresh.stations().get(i).id(), i);
        }
        for (StoredSchedule other : current.values()) { // the rest keep their schedules: fixed load
            if (other.plan().validUntil().isAfter(proposal.planStart())) {
                nodes.addFixed(indexOf.get(other.stationId()), StepProfile.of(other.plan()));
            }
        }
        if (!LimitCheck.holds(nodes.list(), nodeOfPlan, plans, proposal.planStart())) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(store(proposal, still));
    }

    /** The target's limit nodes with their limits as they are now (the curtailments: 1 statement), no fixed load. */
    private LimitNodes nodes(Target target) {
        ReplanRepository.TargetCurtailments curtailed = repository.curtailments(stationIds(target),
                target.gridConnectionPoint() == null ? null : target.gridConnectionPoint().id());
        List<JointPlanner.NodeLimit> nodes = new ArrayList<>();
        String root = null;
        if (target.gridConnectionPoint() != null) {
            root = "g";
            nodes.add(new JointPlanner.NodeLimit(root, null,
                    limitW(target.gridConnectionPoint().maxPowerW(), curtailed.gridConnectionPoint()),
                    new ArrayList<>()));
        }
        for (int i = 0; i < target.stations().size(); i++) {
            Station station = target.stations().get(i);
            nodes.add(new JointPlanner.NodeLimit(LimitNodes.stationNode(i), root,
                    limitW(station.maxPowerW(), curtailed.stations().get(station.id())), new ArrayList<>()));
        }
        return new LimitNodes(nodes, root);
    }

    /** The current schedules of the stations' open sessions, by session (1 statement). */
    private Map<SessionKey, StoredSchedule> currentSchedules(List<String> stationIds) {
        Map<SessionKey, StoredSchedule> schedulesOf = new HashMap<>();
        for (StoredSchedule sc : schedules.currentOf(stationIds)) {
            schedulesOf.put(new SessionKey(sc.stationId(), sc.sessionId()), sc);
        }
        return schedulesOf;
    }

    private static List<String> stationIds(Target target) {
        return target.stations().stream().map(Station::id).toList();
    }

    /**
     * Stores the proposal's changed plans among the given sessions (indexes into its planned sessions) as new versions
     * and records them as the re-planner's: two statements (batches), after the plan generations' move.
     */
    private int store(Proposal proposal, List<Integer> sessions) {
        List<ScheduleRepository.NewVersion> versions = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        for (int i : sessions) {
            if (proposal.changed().get(i)) {
                Planned p = proposal.planned().get(i);
                PlannedSchedule plan = proposal.next().get(i);
                double futurePeak = StepProfile.of(plan).maxOver(proposal.planStart(), plan.validUntil());
                int version = p.current().map(StoredSchedule::version).orElse(0) + 1;
                versions.add(new ScheduleRepository.NewVersion(p.station().id(), p.session().sessionId(), version,
                        plan, pollIntervalSeconds, ScheduleOrigin.PLANNER, null, futurePeak, proposal.plannedAt()));
                delivered.add(proposal.energies().get(i).deliveredWh());
            }
        }
        List<String> ids = schedules.insertVersions(versions).stream().map(StoredSchedule::id).toList();
        List<ReplanRepository.ReplannedVersion> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            records.add(new ReplanRepository.ReplannedVersion(ids.get(i), delivered.get(i)));
        }
        repository.recordVersions(records, proposal.plannedAt());
        return ids.size();
    }

    /** The session's outlet at the station, if the station has it. */
    private static Optional<Outlet> outlet(Station station, ChargingSession s) {
        return station.outlets().stream().filter(o -> o.id().equals(s.outletId())).findFirst();
    }

    /** A station's or grid connection point's limit, as {@link GridLimits} gives it, from its curtailment read here. */
    private double limitW(double registeredMaxW, ReplanRepository.Curtailment curtailment) {
        return curtailment == null ? registeredMaxW
                : limits.curtailedLimitW(registeredMaxW, curtailment.limitW(), curtailment.ongoingSessions());
    }

    private static List<PlannedSchedule> kept(List<Planned> planned, List<PlannedSchedule> next, List<Boolean> changed) {
        List<PlannedSchedule> kept = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            kept.add(changed.get(i) ? next.get(i) : planned.get(i).current().get().plan());
        }
        return kept;
    }
}
