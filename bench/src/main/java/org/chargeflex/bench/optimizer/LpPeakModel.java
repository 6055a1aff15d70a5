package org.chargeflex.bench.optimizer;

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
 * The minimum-peak problem as a general LP for ojAlgo's simplex, for comparison with the optimiser: variables x[i][t]
 * (kW) in each session's window, each session's energy fixed, every node's charging at most its limit less its
 * subtree's base load, {@code peak >= base[t] + sum_i x[i][t]}; minimise the peak. Building stops at the time limit too.
 */
final class LpPeakModel {
    /** The answer: the peak in W, or NaN if the time limit was hit. */
    record Result(double peakW, long millis, String state) {
        boolean finished() {
            return !Double.isNaN(peakW);
        }
    }

    private LpPeakModel() {
    }

    static Result solve(Problem p, double[] energyWh, long limitMillis) {
        long started = System.nanoTime();
        int slots = p.slots();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.time_abort = limitMillis;
        model.options.time_suffice = limitMillis;
        Variable peak = model.addVariable("peak").weight(1);
        double[] base = p.totalBaseLoadW();
        Expression[] slotRows = new Expression[slots];
        for (int t = 0; t < slots; t++) {
            slotRows[t] = model.addExpression("slot" + t).upper(-base[t] / 1000);
            slotRows[t].set(peak, -1);
        }
        Map<String, Expression[]> nodeRows = nodeRows(model, p);
        Map<String, String> parent = new HashMap<>();
        p.nodes().forEach(n -> parent.put(n.id(), n.parentId()));
        List<Session> sessions = p.sessions();
        for (int i = 0; i < sessions.size(); i++) {
            if (millis(started) > limitMillis) {
                return new Result(Double.NaN, millis(started), "building the model exceeded the limit");
            }
            Session s = sessions.get(i);
            Expression energy = model.addExpression("e" + i).level(energyWh[i] / p.slotHours() / 1000);
            for (int t = p.firstSlot(s); t < p.endSlot(s); t++) {
                Variable x = model.addVariable("x" + i + "_" + t).lower(0).upper(s.effectiveMaxPowerW() / 1000);
                energy.set(x, 1);
                slotRows[t].set(x, 1);
                for (String k = s.nodeId(); k != null; k = parent.get(k)) {
                    nodeRows.get(k)[t].set(x, 1);
                }
            }
        }
        long left = limitMillis - millis(started);
        if (left <= 0) {
            return new Result(Double.NaN, millis(started), "building the model exceeded the limit");
        }
        model.options.time_abort = left;
        model.options.time_suffice = left;
        Optimisation.Result r = model.minimise();
        long took = millis(started);
        if (!r.getState().isOptimal() || took > limitMillis) {
            return new Result(Double.NaN, took, r.getState().toString());
        }
        return new Result(peak.getValue().doubleValue() * 1000, took, r.getState().toString());
    }

    /** One row per node and slot: charging below the node <= limit - base load in its subtree (kW). */
    private static Map<String, Expression[]> nodeRows(ExpressionsBasedModel model, Problem p) {
        Map<String, LimitNode> byId = new HashMap<>();
        p.nodes().forEach(n -> byId.put(n.id(), n));
        Map<String, double[]> subtreeBase = new HashMap<>();
        p.nodes().forEach(n -> subtreeBase.put(n.id(), new double[p.slots()]));
        for (LimitNode n : p.nodes()) {
            for (LimitNode up = n; up != null; up = up.parentId() == null ? null : byId.get(up.parentId())) {
                double[] b = subtreeBase.get(up.id());
                for (int t = 0; t < p.slots(); t++) {
                    b[t] += n.baseLoadW(t);
                }
            }
        }
        Map<String, Expression[]> rows = new HashMap<>();
        for (LimitNode n : p.nodes()) {
            Expression[] r = new Expression[p.slots()];
            for (int t = 0; t < p.slots(); t++) {
                r[t] = model.addExpression(n.id() + "@" + t).upper(Math.max(0, n.maxPowerW(t) - subtreeBase.get(n.id())[t]) / 1000);
            }
            rows.put(n.id(), r);
        }
        return rows;
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
