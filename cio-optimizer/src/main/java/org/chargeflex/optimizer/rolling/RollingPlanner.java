package org.chargeflex.optimizer.rolling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.Plan;
import org.chargeflex.optimizer.solver.SessionPlan;
import org.chargeflex.optimizer.solver.Summaries;

/**
 * Rolling re-optimisation over a fixed horizon. Every event names the slot from which it takes effect; the slots before
 * it are the past (delivered or being delivered) and stay exactly as they were planned. The remaining horizon is planned
 * again as a problem of its own: each session needs its demand less what it got so far (planned, or metered after
 * {@link #meterDeviation}), arrivals before the re-plan slot are moved to it, a departed session gets nothing more.
 * The whole remaining horizon is re-solved each time (fast: milliseconds for hundreds of sessions, see
 * docs/optimizer.md); nothing is done incrementally. Not thread-safe: one planner per site, events in order.
 */
public final class RollingPlanner {
    private final Optimizer optimizer;
    private Problem problem;
    private final Map<String, double[]> schedule = new LinkedHashMap<>();
    private final Map<String, Double> meteredWh = new HashMap<>();
    private int frozenSlots;
    private Plan plan;

    public RollingPlanner(Problem problem, Optimizer optimizer) {
        this.problem = Objects.requireNonNull(problem, "problem is required");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer is required");
        replan(0);
    }

    public Plan plan() {
        return plan;
    }

    /** Slots before this one are fixed. */
    public int frozenSlots() {
        return frozenSlots;
    }

    /** A new session arrives; plans again from {@code slot}. */
    public Plan arrive(int slot, Session session) {
        checkSlot(slot);
        if (schedule.containsKey(session.id())) {
            throw new IllegalArgumentException("session " + session.id() + " is already planned");
        }
        problem = problem.toBuilder().session(session).build();
        schedule.put(session.id(), new double[problem.slots()]);
        return replan(slot);
    }

    /** The session leaves (or stops charging) at the start of {@code slot}; plans the others again. */
    public Plan depart(int slot, String sessionId) {
        checkSlot(slot);
        Session s = session(sessionId);
        List<Session> sessions = new ArrayList<>(problem.sessions());
        sessions.set(sessions.indexOf(s), new Session(s.id(), s.nodeId(), s.arrival(),
                max(s.arrival(), problem.slotStart(slot)), s.energyWh(), s.minPowerW(), s.maxPowerW(), s.phases(),
                s.outletMaxPowerW()));
        problem = withSessions(sessions);
        return replan(slot);
    }

    /** A node's limit changes to {@code maxPowerW} from {@code slot} on. */
    public Plan changeLimit(int slot, String nodeId, double maxPowerW) {
        checkSlot(slot);
        List<LimitNode> nodes = new ArrayList<>(problem.nodes());
        int k = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(nodeId)) {
                k = i;
            }
        }
        if (k < 0) {
            throw new IllegalArgumentException("node '" + nodeId + "' is not in the problem");
        }
        nodes.set(k, nodes.get(k).withLimitFrom(slot, maxPowerW));
        problem = rebuild(nodes);
        return replan(slot);
    }

    /** The meter says the session got {@code deliveredWh} before {@code slot} (not what was planned); plans again. */
    public Plan meterDeviation(int slot, String sessionId, double deliveredWh) {
        checkSlot(slot);
        session(sessionId);
        if (!Double.isFinite(deliveredWh) || deliveredWh < 0) {
            throw new IllegalArgumentException("deliveredWh must be a finite number >= 0, was " + deliveredWh);
        }
        meteredWh.put(sessionId, deliveredWh);
        return replan(slot);
    }

    private Plan replan(int slot) {
        int slots = problem.slots();
        List<Session> remaining = new ArrayList<>();
        Map<String, Double> pastWh = new HashMap<>();
        for (Session s : problem.sessions()) {
            double[] p = schedule.computeIfAbsent(s.id(), id -> new double[slots]);
            double past = 0;
            for (int t = 0; t < slot; t++) {
                past += p[t] * problem.slotHours();
            }
            pastWh.put(s.id(), past);
            double got = meteredWh.getOrDefault(s.id(), past);
            if (slot < slots && problem.slotStart(slot).isBefore(s.departure())) {
                remaining.add(s.remaining(problem.slotStart(slot), s.energyWh() - got));
            }
        }
        Map<String, double[]> future = new HashMap<>();
        if (slot < slots && !remaining.isEmpty()) {
            List<LimitNode> nodes = problem.nodes().stream().map(n -> n.slice(slot, slots)).toList();
            Problem rest = Problem.builder(problem.slotStart(slot), slots - slot).slotLength(problem.slotLength())
                    .objective(problem.objective()).nodes(nodes).sessions(remaining)
                    .renewableW(Arrays.copyOfRange(problem.renewableW(), slot, slots))
                    .priceEurPerKWh(Arrays.copyOfRange(problem.priceEurPerKWh(), slot, slots)).build();
            optimizer.plan(rest).sessions().forEach(sp -> future.put(sp.sessionId(), sp.powerW()));
        }
        List<SessionPlan> plans = new ArrayList<>();
        for (Session s : problem.sessions()) {
            double[] p = schedule.get(s.id());
            double[] f = future.get(s.id());
            for (int t = slot; t < slots; t++) {
                p[t] = f == null ? 0 : f[t - slot];
            }
            double delivered = meteredWh.getOrDefault(s.id(), pastWh.get(s.id()));
            for (int t = slot; t < slots; t++) {
                delivered += p[t] * problem.slotHours();
            }
            double shortfall = s.energyWh() - delivered;
            plans.add(new SessionPlan(s.id(), p, delivered, shortfall < 1e-6 * Math.max(1, s.energyWh()) ? 0 : shortfall));
        }
        frozenSlots = slot;
        plan = new Plan(problem, plans, Summaries.of(problem, plans, 0));
        return plan;
    }

    private Problem rebuild(List<LimitNode> nodes) {
        return Problem.builder(problem.start(), problem.slots()).slotLength(problem.slotLength())
                .objective(problem.objective()).nodes(nodes).sessions(problem.sessions()).renewableW(problem.renewableW())
                .priceEurPerKWh(problem.priceEurPerKWh()).build();
    }

    private Problem withSessions(List<Session> sessions) {
        return Problem.builder(problem.start(), problem.slots()).slotLength(problem.slotLength())
                .objective(problem.objective()).nodes(problem.nodes()).sessions(sessions).renewableW(problem.renewableW())
                .priceEurPerKWh(problem.priceEurPerKWh()).build();
    }

    private Session session(String id) {
        return problem.sessions().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("session '" + id + "' is not planned"));
    }

    private void checkSlot(int slot) {
        if (slot < frozenSlots || slot > problem.slots()) {
            throw new IllegalArgumentException("slot must be " + frozenSlots + " (the first slot not yet fixed) to "
                    + problem.slots() + ", was " + slot);
        }
    }

    private static java.time.Instant max(java.time.Instant a, java.time.Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
