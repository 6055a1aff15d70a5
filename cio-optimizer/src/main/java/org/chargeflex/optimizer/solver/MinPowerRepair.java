package org.chargeflex.optimizer.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes the schedules respect the EVs' minimum power (0 or at least the minimum in every slot), which the flow model
 * cannot express (it makes the problem non-convex). Per session with a minimum: slots with power between 0 and the
 * minimum are cleared and their energy is moved into the session's other slots, those already charging first, where all
 * limits above the session leave room: first without raising the peak level, then up to the hard limits. Energy that
 * finds no room becomes shortfall. Limits are never exceeded; the peak may rise above the optimum by the repair (the
 * optimality claim holds for sessions without a minimum).
 */
final class MinPowerRepair {
    private static final double EPS = 1e-6;

    private final FlowModel m;
    private final double[][] p;
    private final double[] nodeLoad;
    private final double[] levelBase;
    private double level;

    private MinPowerRepair(FlowModel m, double[][] powers, double[] levelBase) {
        this.m = m;
        this.p = powers;
        this.levelBase = levelBase;
        this.nodeLoad = new double[m.parent.length * m.slots];
        for (int i = 0; i < m.sessionCount; i++) {
            for (int t = m.firstSlot[i]; t < m.endSlot[i]; t++) {
                add(i, t, p[i][t]);
            }
        }
        level = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < m.slots; t++) {
            level = Math.max(level, levelBase[t] + nodeLoad[m.root * m.slots + t]);
        }
    }

    /** Repairs {@code powers} in place. */
    static void repair(FlowModel m, double[][] powers, double[] levelBase) {
        MinPowerRepair r = new MinPowerRepair(m, powers, levelBase);
        for (int i = 0; i < m.sessionCount; i++) {
            double min = m.problem.sessions().get(i).minPowerW();
            if (min > 0) {
                r.repairSession(i, min);
            }
        }
    }

    private void repairSession(int i, double min) {
        double energy = 0;
        for (int t = m.firstSlot[i]; t < m.endSlot[i]; t++) {
            if (p[i][t] > EPS && p[i][t] < min - EPS) {
                energy += p[i][t];
                add(i, t, -p[i][t]);
                p[i][t] = 0;
            }
        }
        if (energy <= EPS) {
            return;
        }
        List<Integer> order = new ArrayList<>();
        for (int t = m.firstSlot[i]; t < m.endSlot[i]; t++) {
            order.add(t);
        }
        order.sort(Comparator.<Integer>comparingDouble(t -> -p[i][t]).thenComparingInt(t -> t));
        double max = m.problem.sessions().get(i).effectiveMaxPowerW();
        for (boolean keepLevel : new boolean[] {true, false}) {
            for (int t : order) {
                if (energy <= EPS) {
                    return;
                }
                double room = Math.min(max - p[i][t], room(i, t, keepLevel));
                double add = Math.min(energy, room);
                if (keepLevel && p[i][t] <= EPS) {
                    add = Math.min(add, min); // start new slots at the minimum: flatter
                }
                if (p[i][t] + add < min - EPS) {
                    continue; // would start below the minimum
                }
                if (add > EPS) {
                    p[i][t] += add;
                    add(i, t, add);
                    energy -= add;
                }
            }
        }
    }

    private double room(int i, int t, boolean keepLevel) {
        double room = Double.POSITIVE_INFINITY;
        for (int k = m.sessionNode[i]; k >= 0; k = m.parent[k]) {
            room = Math.min(room, m.nodeCapacity[k * m.slots + t] - nodeLoad[k * m.slots + t]);
        }
        if (keepLevel) {
            room = Math.min(room, level - levelBase[t] - nodeLoad[m.root * m.slots + t]);
        }
        return Math.max(0, room);
    }

    private void add(int i, int t, double delta) {
        for (int k = m.sessionNode[i]; k >= 0; k = m.parent[k]) {
            nodeLoad[k * m.slots + t] += delta;
        }
    }
}
