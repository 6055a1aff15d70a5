package org.chargeflex.optimizer.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.Plan;
import org.chargeflex.optimizer.solver.SessionPlan;

/** Asserts that a plan keeps every limit of its problem, computed independently of the solver. */
public final class PlanChecks {
    public static final double TOLERANCE_W = 1e-3;

    private PlanChecks() {
    }

    public static void assertFeasible(Plan plan) {
        Problem p = plan.problem();
        List<Session> sessions = p.sessions();
        assertThat(plan.sessions()).hasSize(sessions.size());
        Map<String, LimitNode> nodes = new HashMap<>();
        p.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, double[]> load = new HashMap<>();
        Map<String, double[]> base = new HashMap<>();
        p.nodes().forEach(n -> {
            load.put(n.id(), new double[p.slots()]);
            base.put(n.id(), new double[p.slots()]);
        });
        for (LimitNode n : p.nodes()) {
            for (LimitNode up = n; up != null; up = up.parentId() == null ? null : nodes.get(up.parentId())) {
                for (int t = 0; t < p.slots(); t++) {
                    base.get(up.id())[t] += n.baseLoadW(t);
                }
            }
        }
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            SessionPlan sp = plan.sessions().get(i);
            assertThat(sp.sessionId()).isEqualTo(s.id());
            double delivered = 0;
            for (int t = 0; t < p.slots(); t++) {
                double w = sp.powerW(t);
                boolean inside = !p.slotStart(t).isBefore(s.arrival()) && !p.slotStart(t + 1).isAfter(s.departure());
                assertThat(w).as("power of %s in slot %d", s.id(), t).isGreaterThanOrEqualTo(0);
                if (!inside) {
                    assertThat(w).as("power of %s outside its window, slot %d", s.id(), t).isZero();
                }
                assertThat(w).as("power of %s in slot %d vs its max", s.id(), t)
                        .isLessThanOrEqualTo(s.effectiveMaxPowerW() + TOLERANCE_W);
                if (w > TOLERANCE_W) {
                    assertThat(w).as("power of %s in slot %d vs its min", s.id(), t)
                            .isGreaterThanOrEqualTo(s.minPowerW() - TOLERANCE_W);
                }
                for (LimitNode up = nodes.get(s.nodeId()); up != null;
                        up = up.parentId() == null ? null : nodes.get(up.parentId())) {
                    load.get(up.id())[t] += w;
                }
                delivered += w * p.slotHours();
            }
            assertThat(delivered).as("energy of %s", s.id()).isLessThanOrEqualTo(s.energyWh() * (1 + 1e-9) + 1e-6);
            assertThat(sp.deliveredWh()).isCloseTo(delivered, org.assertj.core.api.Assertions.within(1e-6 * (1 + delivered)));
            assertThat(sp.shortfallWh() + sp.deliveredWh()).isCloseTo(s.energyWh(),
                    org.assertj.core.api.Assertions.within(1e-5 * (1 + s.energyWh())));
        }
        for (LimitNode n : p.nodes()) {
            for (int t = 0; t < p.slots(); t++) {
                double room = Math.max(0, n.maxPowerW(t) - base.get(n.id())[t]);
                assertThat(load.get(n.id())[t]).as("charging under node %s in slot %d", n.id(), t)
                        .isLessThanOrEqualTo(room + TOLERANCE_W);
            }
        }
    }
}
