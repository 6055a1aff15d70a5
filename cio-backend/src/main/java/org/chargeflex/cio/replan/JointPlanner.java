package org.chargeflex.cio.replan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.optimizer.PlanningGrid;
import org.chargeflex.cio.optimizer.SitePlanning;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.SessionPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans all sessions under one target together with the load-management optimiser (PEAK objective: the energy each
 * session can get, fairly if not all demands fit, then minimum peak and valley filling), from now over the remaining
 * horizon, then again with each session capped at its even power (so each schedule is as flat as its energy allows,
 * and the sum of the sessions' peaks, which the request path counts as committed, stays near the limit). Pure
 * computation, no database.
 *
 * <p>Slots of {@code slotLength} are aligned to the epoch (so consecutive re-plans share slot boundaries and an
 * unchanged situation gives the same plan); the first slot is the one in progress, its power applies from now. A
 * session's window ends at its planned departure (at least the minimum horizon {@code cio.planning.min-horizon},
 * default {@link #MIN_HORIZON}, at most {@link #MAX_HORIZON} from now, as the request path plans) rounded up to a whole
 * slot.
 * A node's limit per slot is its limit less the highest power of its fixed schedules (sessions not re-planned) in that
 * slot. With a minimum session power {@code m > 0}, each session first gets a floor of min(m, EV, outlet) from now until
 * that covers its remaining energy, and the optimiser shares what the floors leave; if the floors do not fit under a
 * limit, there are none (and a warning). Powers are rounded down to whole watts; a power below the EV's minimum
 * becomes 0. So the sum of the plans never exceeds a node's limit.
 *
 * <p>With a site ({@link SitePlanning}, for a target that is a grid connection point), the root node (no parent) gets
 * the site's base load per slot (it counts against the limit, and PEAK flattens base load + charging) and the problem
 * the site's objective with its renewable forecast or prices per slot. The flattening solve is then skipped (it would
 * undo what TARIFF and RENEWABLE shift into the cheap or sunny slots, and with a base load the flat sum is not the
 * flat session).
 */
final class JointPlanner {
    static final Duration MIN_HORIZON = PlanningGrid.DEFAULT.minHorizon();
    static final Duration MAX_HORIZON = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(JointPlanner.class);
    /** How much above the even power a session may go in the flattening solve, W. */
    private static final double FLAT_SLACK_W = 0;
    /** How much less energy than in the first solve a session may get from the flattening solve, Wh. */
    private static final double FLAT_TOLERANCE_WH = 1;

    private final Optimizer optimizer = Optimizer.create();
    private final Duration minHorizon;

    /** With the default minimum horizon ({@link #MIN_HORIZON}). */
    JointPlanner() {
        this(MIN_HORIZON);
    }

    JointPlanner(Duration minHorizon) {
        this.minHorizon = minHorizon;
    }

    /** A limit: a grid connection point (no parent) or a station (under it). Fixed: schedules that stay as they are. */
    record NodeLimit(String id, String parentId, double limitW, List<StepProfile> fixed) {
    }

    /** A session to plan, with its remaining energy. */
    record Demand(String id, String nodeId, double remainingWh, double evMinW, double evMaxW, double outletMaxW,
            int phases, Instant departure) {
    }

    /**
     * The plan: per session the power of each slot from {@code start} (the start of the slot in progress; the first
     * slot's power applies from {@code now}), and where its schedule ends.
     */
    record Result(Instant now, Instant start, Duration slotLength, Map<String, double[]> powers, Map<String, Instant> ends) {
    }

    Result plan(Instant time, Duration slotLength, List<NodeLimit> nodes, List<Demand> demands, double minimumSessionPowerW) {
        return plan(time, slotLength, nodes, demands, minimumSessionPowerW, SitePlanning.DEFAULT);
    }

    /** The series of a site for the slots of one plan. */
    private record SiteSlots(Objective objective, double[] baseLoadW, double[] renewableW, double[] prices, boolean flatten) {
    }

    Result plan(Instant time, Duration slotLength, List<NodeLimit> nodes, List<Demand> demands, double minimumSessionPowerW,
            SitePlanning site) {
        Instant now = time.truncatedTo(ChronoUnit.SECONDS);
        long slotSeconds = slotLength.getSeconds();
        Instant start = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), slotSeconds));
        Map<String, Integer> endSlot = new HashMap<>();
        Map<String, Instant> ends = new HashMap<>();
        int slots = 1;
        for (Demand d : demands) {
            Instant end = d.departure().truncatedTo(ChronoUnit.SECONDS);
            end = end.isBefore(now.plus(minHorizon)) ? now.plus(minHorizon) : end;
            end = end.isAfter(now.plus(MAX_HORIZON)) ? now.plus(MAX_HORIZON) : end;
            int n = (int) ((end.getEpochSecond() - start.getEpochSecond() + slotSeconds - 1) / slotSeconds);
            endSlot.put(d.id(), n);
            ends.put(d.id(), start.plusSeconds(n * slotSeconds));
            slots = Math.max(slots, n);
        }
        Instant[] bounds = new Instant[slots + 1];
        for (int t = 0; t <= slots; t++) {
            bounds[t] = t == 0 ? now : start.plusSeconds(t * slotSeconds);
        }
        SiteSlots siteSlots = new SiteSlots(site.effectiveObjective(), site.baseLoad(bounds),
                site.renewable(bounds), site.prices(bounds), site.isDefault());
        Map<String, double[]> capacity = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        for (NodeLimit n : nodes) {
            double[] cap = new double[slots];
            for (int t = 0; t < slots; t++) {
                Instant a = bounds[t];
                Instant b = bounds[t + 1];
                double fixed = n.fixed().stream().mapToDouble(f -> f.maxOver(a, b)).sum();
                double base = n.parentId() == null ? siteSlots.baseLoadW()[t] : 0; // here net of the base load
                cap[t] = Math.max(0, Math.floor(n.limitW() - fixed - base));
            }
            capacity.put(n.id(), cap);
            parent.put(n.id(), n.parentId());
        }
        double hours = slotSeconds / 3600.0;
        Map<String, double[]> floors = floors(demands, endSlot, slots, hours, minimumSessionPowerW);
        if (!fits(floors, demands, capacity, parent, slots)) {
            LOG.warn("The minimum session power of {} W does not fit under the limits of {} sessions; planned without it",
                    minimumSessionPowerW, demands.size());
            floors = floors(demands, endSlot, slots, hours, 0);
        }
        for (Demand d : demands) {
            double[] f = floors.get(d.id());
            for (String node = d.nodeId(); node != null; node = parent.get(node)) {
                double[] cap = capacity.get(node);
                for (int t = 0; t < slots; t++) {
                    cap[t] = Math.max(0, cap[t] - f[t]);
                }
            }
        }
        Map<String, double[]> rest = optimise(start, slotLength, slots, nodes, capacity, demands, floors, endSlot, hours,
                siteSlots);
        Map<String, double[]> powers = new HashMap<>();
        for (Demand d : demands) {
            double[] p = new double[endSlot.get(d.id())];
            double[] f = floors.get(d.id());
            double[] r = rest.get(d.id());
            for (int t = 0; t < p.length; t++) {
                double w = Math.floor(f[t] + (r == null ? 0 : r[t]) + 1e-3);
                p[t] = w > 0 && w < d.evMinW() ? 0 : w;
            }
            powers.put(d.id(), p);
        }
        return new Result(now, start, slotLength, powers, ends);
    }

    private static double effectiveMax(Demand d) {
        return Math.max(0, Math.min(d.evMaxW(), d.outletMaxW()));
    }

    /** Each session's floor per slot: min(m, EV, outlet) from now until it covers the remaining energy. */
    private static Map<String, double[]> floors(List<Demand> demands, Map<String, Integer> endSlot, int slots,
            double hours, double minimumW) {
        Map<String, double[]> floors = new HashMap<>();
        for (Demand d : demands) {
            double[] f = new double[slots];
            double g = Math.floor(Math.min(minimumW, effectiveMax(d)));
            if (g > 0 && g >= d.evMinW() && d.remainingWh() > 0) {
                double covered = 0;
                for (int t = 0; t < endSlot.get(d.id()) && covered < d.remainingWh(); t++) {
                    f[t] = g;
                    covered += g * hours;
                }
            }
            floors.put(d.id(), f);
        }
        return floors;
    }

    private static boolean fits(Map<String, double[]> floors, List<Demand> demands, Map<String, double[]> capacity,
            Map<String, String> parent, int slots) {
        Map<String, double[]> sums = new HashMap<>();
        for (Demand d : demands) {
            for (String node = d.nodeId(); node != null; node = parent.get(node)) {
                double[] sum = sums.computeIfAbsent(node, k -> new double[slots]);
                for (int t = 0; t < slots; t++) {
                    sum[t] += floors.get(d.id())[t];
                }
            }
        }
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            for (int t = 0; t < slots; t++) {
                if (e.getValue()[t] > capacity.get(e.getKey())[t]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The optimiser's plan of what the floors leave; empty if nothing is left to plan. */
    private Map<String, double[]> optimise(Instant start, Duration slotLength, int slots, List<NodeLimit> nodes,
            Map<String, double[]> capacity, List<Demand> demands, Map<String, double[]> floors,
            Map<String, Integer> endSlot, double hours, SiteSlots site) {
        List<Session> sessions = new ArrayList<>();
        for (Demand d : demands) {
            double[] f = floors.get(d.id());
            double g = 0;
            double floorWh = 0;
            for (double w : f) {
                g = Math.max(g, w);
                floorWh += w * hours;
            }
            double max = effectiveMax(d) - g;
            double energy = d.remainingWh() - floorWh;
            if (max <= 0 || energy <= 1e-6) {
                continue;
            }
            double min = g > 0 ? 0 : Math.min(d.evMinW(), max);
            sessions.add(Session.builder(d.id()).node(d.nodeId())
                    .window(start, start.plus(slotLength.multipliedBy(endSlot.get(d.id())))).energyWh(energy)
                    .power(min, max).outletMaxPowerW(max).phases(Math.max(1, Math.min(3, d.phases()))).build());
        }
        if (sessions.isEmpty()) {
            return new HashMap<>();
        }
        List<SessionPlan> first = solve(start, slotLength, slots, nodes, capacity, sessions, site);
        if (!site.flatten()) {
            Map<String, double[]> result = new HashMap<>();
            first.forEach(p -> result.put(p.sessionId(), p.powerW()));
            return result;
        }
        List<SessionPlan> flat = solve(start, slotLength, slots, nodes, capacity, flattened(sessions, first, endSlot, hours),
                site);
        boolean same = true;
        for (int i = 0; i < first.size(); i++) {
            same &= flat.get(i).deliveredWh() >= first.get(i).deliveredWh() - FLAT_TOLERANCE_WH;
        }
        Map<String, double[]> result = new HashMap<>();
        for (SessionPlan p : same ? flat : first) {
            result.put(p.sessionId(), p.powerW());
        }
        return result;
    }

    /**
     * The sessions capped at the even power that delivers what the first solve gave them: the optimiser minimises the
     * peak of the sum, not of each session, so one session may get a lot now and another later; with these caps each
     * is as flat as its energy allows (taken only if every session still gets its energy).
     */
    private static List<Session> flattened(List<Session> sessions, List<SessionPlan> first, Map<String, Integer> endSlot,
            double hours) {
        List<Session> capped = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            double even = first.get(i).deliveredWh() / (endSlot.get(s.id()) * hours) + FLAT_SLACK_W;
            double cap = even > 0 ? Math.min(s.maxPowerW(), Math.max(s.minPowerW(), even)) : s.maxPowerW();
            capped.add(new Session(s.id(), s.nodeId(), s.arrival(), s.departure(), first.get(i).deliveredWh(),
                    Math.min(s.minPowerW(), cap), cap, s.phases(), cap));
        }
        return capped;
    }

    private List<SessionPlan> solve(Instant start, Duration slotLength, int slots, List<NodeLimit> nodes,
            Map<String, double[]> capacity, List<Session> sessions, SiteSlots site) {
        Problem.Builder problem = Problem.builder(start, slots).slotLength(slotLength).sessions(sessions)
                .objective(site.objective());
        switch (site.objective()) {
            case TARIFF -> problem.priceEurPerKWh(site.prices());
            case RENEWABLE -> problem.renewableW(site.renewableW());
            default -> { }
        }
        for (NodeLimit n : nodes) {
            LimitNode.Builder node = LimitNode.builder(n.id(), slots).parent(n.parentId());
            if (n.parentId() == null && !site.flatten()) {
                // the optimiser sees base load + charging at the root; the capacity is net of the base load
                double[] base = site.baseLoadW();
                double[] max = capacity.get(n.id()).clone();
                for (int t = 0; t < slots; t++) {
                    max[t] += base[t];
                }
                node.maxPowerW(max).baseLoadW(base);
            } else {
                node.maxPowerW(capacity.get(n.id()));
            }
            problem.node(node.build());
        }
        return optimizer.plan(problem.build()).sessions();
    }
}
