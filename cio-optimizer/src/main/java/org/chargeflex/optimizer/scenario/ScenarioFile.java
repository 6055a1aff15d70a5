package org.chargeflex.optimizer.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;

/**
 * The JSON scenario format (docs/optimizer.md): a horizon, the objective, the limit tree, the sessions and the
 * forecasts. Optional fields may be left out: slotMinutes (15), objective (PEAK), a node's maxPowerProfileW (instead of
 * maxPowerW) and baseLoadW, a session's minPowerW (0), phases (3) and outletMaxPowerW (its maxPowerW).
 */
public record ScenarioFile(String name, Instant start, Integer slotMinutes, int slots, Objective objective,
        List<NodeJson> nodes, List<SessionJson> sessions, double[] renewableW, double[] priceEurPerKWh) {

    /** A limit node; exactly one of maxPowerW and maxPowerProfileW. */
    public record NodeJson(String id, String parent, Double maxPowerW, double[] maxPowerProfileW, double[] baseLoadW) {
    }

    /** A session. */
    public record SessionJson(String id, String node, Instant arrival, Instant departure, double energyWh,
            Double minPowerW, double maxPowerW, Integer phases, Double outletMaxPowerW) {
    }

    /** The problem this scenario describes; throws IllegalArgumentException naming the offending field. */
    public Problem toProblem() {
        if (start == null) {
            throw new IllegalArgumentException("start is required");
        }
        Problem.Builder b = Problem.builder(start, slots)
                .slotLength(Duration.ofMinutes(slotMinutes == null ? 15 : slotMinutes))
                .objective(objective == null ? Objective.PEAK : objective)
                .renewableW(renewableW).priceEurPerKWh(priceEurPerKWh);
        if (nodes == null || sessions == null) {
            throw new IllegalArgumentException("nodes and sessions are required (may be empty lists for sessions)");
        }
        for (NodeJson n : nodes) {
            LimitNode.Builder nb = LimitNode.builder(n.id(), slots).parent(n.parent());
            if ((n.maxPowerW() == null) == (n.maxPowerProfileW() == null)) {
                throw new IllegalArgumentException("node " + n.id() + ": give exactly one of maxPowerW and maxPowerProfileW");
            }
            if (n.maxPowerW() != null) {
                nb.maxPowerW(n.maxPowerW());
            } else {
                nb.maxPowerW(n.maxPowerProfileW());
            }
            if (n.baseLoadW() != null) {
                nb.baseLoadW(n.baseLoadW());
            }
            b.node(nb.build());
        }
        for (SessionJson s : sessions) {
            Session.Builder sb = Session.builder(s.id()).node(s.node()).window(s.arrival(), s.departure())
                    .energyWh(s.energyWh()).power(s.minPowerW() == null ? 0 : s.minPowerW(), s.maxPowerW())
                    .phases(s.phases() == null ? 3 : s.phases());
            if (s.outletMaxPowerW() != null) {
                sb.outletMaxPowerW(s.outletMaxPowerW());
            }
            b.session(sb.build());
        }
        return b.build();
    }

    /** The scenario for a problem (round-trips through {@link #toProblem}). */
    public static ScenarioFile of(String name, Problem p) {
        if (p.slotLength().getSeconds() % 60 != 0) {
            throw new IllegalArgumentException("the scenario format needs whole-minute slots, was " + p.slotLength());
        }
        List<NodeJson> nodes = new ArrayList<>();
        for (LimitNode n : p.nodes()) {
            double[] max = n.maxPowerW();
            boolean constant = java.util.Arrays.stream(max).allMatch(v -> v == max[0]);
            boolean noBase = java.util.Arrays.stream(n.baseLoadW()).allMatch(v -> v == 0);
            nodes.add(new NodeJson(n.id(), n.parentId(), constant ? max[0] : null, constant ? null : max,
                    noBase ? null : n.baseLoadW()));
        }
        List<SessionJson> sessions = p.sessions().stream().map(s -> new SessionJson(s.id(), s.nodeId(), s.arrival(),
                s.departure(), s.energyWh(), s.minPowerW(), s.maxPowerW(), s.phases(), s.outletMaxPowerW())).toList();
        return new ScenarioFile(name, p.start(), (int) p.slotLength().toMinutes(), p.slots(), p.objective(), nodes,
                sessions, p.renewableW(), p.priceEurPerKWh());
    }
}
