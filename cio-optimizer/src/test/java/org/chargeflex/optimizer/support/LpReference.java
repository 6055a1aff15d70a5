package org.chargeflex.optimizer.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The same problems as a plain LP in ojAlgo, written independently of the flow model: variables x[i][t] in [0, max] in
 * the window, each session's energy fixed, every node's charging below its limit less its subtree's base load.
 */
public final class LpReference {
    private LpReference() {
    }

    /** The minimum of max_t (levelBase[t] + charging[t]) with the given energies (Wh) per session. */
    public static double minimumPeak(Problem p, double[] energyWh, double[] levelBase) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable peak = model.addVariable("peak").weight(1);
        Expression[] levelRows = new Expression[p.slots()];
        for (int t = 0; t < p.slots(); t++) {
            // charging[t] - peak <= -levelBase[t]
            levelRows[t] = model.addExpression("level@" + t).upper(-levelBase[t]);
            levelRows[t].set(peak, -1);
        }
        addSchedules(model, p, energyWh, levelRows, 1);
        Optimisation.Result result = model.minimise();
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException("LP not optimal: " + result.getState());
        }
        return peak.getValue().doubleValue();
    }

    /**
     * The aggregate charging profile (W per slot) that minimises sum_t (levelBase[t] + charging[t])^2 with the given
     * energies (a QP; valley filling's result is its unique aggregate optimum). Solved in kW for conditioning.
     */
    public static double[] minimumSquaresProfile(Problem p, double[] energyWh, double[] levelBase) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Expression objective = model.addExpression("squares").weight(1);
        Expression[] rows = new Expression[p.slots()];
        Variable[] y = new Variable[p.slots()];
        for (int t = 0; t < p.slots(); t++) {
            y[t] = model.addVariable("y" + t);
            rows[t] = model.addExpression("sum@" + t).level(0);
            rows[t].set(y[t], -1);
            objective.set(y[t], y[t], 1);
            objective.set(y[t], 2 * levelBase[t] / 1000);
        }
        addSchedules(model, p, energyWh, rows, 1000);
        Optimisation.Result result = model.minimise();
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException("QP not optimal: " + result.getState());
        }
        double[] profile = new double[p.slots()];
        for (int t = 0; t < p.slots(); t++) {
            profile[t] = y[t].getValue().doubleValue() * 1000;
        }
        return profile;
    }

    /** Variables x[i][t] (in W / unit) in the windows, energy rows, node rows; adds each x to {@code slotRows[t]}. */
    private static void addSchedules(ExpressionsBasedModel model, Problem p, double[] energyWh, Expression[] slotRows,
            double unit) {
        Map<String, LimitNode> nodes = new HashMap<>();
        p.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, Expression[]> nodeRows = new HashMap<>();
        for (LimitNode n : p.nodes()) {
            Expression[] rows = new Expression[p.slots()];
            for (int t = 0; t < p.slots(); t++) {
                double subtreeBase = 0;
                for (LimitNode m : p.nodes()) {
                    for (LimitNode up = m; up != null; up = up.parentId() == null ? null : nodes.get(up.parentId())) {
                        if (up.id().equals(n.id())) {
                            subtreeBase += m.baseLoadW(t);
                        }
                    }
                }
                rows[t] = model.addExpression(n.id() + "@" + t).upper(Math.max(0, n.maxPowerW(t) - subtreeBase) / unit);
            }
            nodeRows.put(n.id(), rows);
        }
        List<Session> sessions = p.sessions();
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            Expression energy = model.addExpression("energy" + i).level(energyWh[i] / p.slotHours() / unit);
            for (int t = 0; t < p.slots(); t++) {
                boolean inside = !p.slotStart(t).isBefore(s.arrival()) && !p.slotStart(t + 1).isAfter(s.departure());
                if (!inside) {
                    continue;
                }
                Variable x = model.addVariable("x" + i + "_" + t).lower(0).upper(s.effectiveMaxPowerW() / unit);
                energy.set(x, 1);
                slotRows[t].set(x, 1);
                for (LimitNode up = nodes.get(s.nodeId()); up != null;
                        up = up.parentId() == null ? null : nodes.get(up.parentId())) {
                    nodeRows.get(up.id())[t].set(x, 1);
                }
            }
        }
    }
}
