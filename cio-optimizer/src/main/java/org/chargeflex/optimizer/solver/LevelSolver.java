package org.chargeflex.optimizer.solver;

/**
 * Minimum peak and valley filling on a model whose demands are all deliverable.
 *
 * <p>Slot t may carry {@code clamp(level - levelBase[t], fixed[t], headroom[t])}: the charging that keeps the slot's
 * {@code levelBase + charging} at or below the level, within the physical headroom, and at least the flow already
 * fixed into it ({@code fixed}, 0 in the first round). The least level at which the max flow delivers every demand is
 * the optimal peak. It is found exactly with Newton's method on the parametric minimum cut: start from the water level
 * (a lower bound that ignores the sessions' constraints), and while the flow falls short, take the source side of the
 * minimum cut, whose capacity is {@code a + s * level} near the current level (s = its root slots whose capacity still
 * grows), and jump to where that line reaches the demand, but not past the next level at which one of the cut's slots
 * starts to grow. Between such points the cut capacity is concave in the level, so each jump stays at or below the
 * optimum; capacities only grow, so each step augments the previous flow.
 *
 * <p>Valley filling: every maximum flow saturates every minimum cut, so in every optimal flow the root slots on the
 * source side S of the last cut carry their full capacity, edges from S to the rest carry their capacity and edges
 * into S carry nothing. S is therefore final: its slots are frozen, its vertices are closed to the search
 * ({@link FlowNetwork#setDead}) with their flow kept, the flow of the rest is restarted with what S sends into it as
 * fixed flow ({@link FlowModel#restartLive}), and the level of the remaining slots is minimised again on the smaller
 * network, until every slot is frozen. The result is the lexicographically minimal profile of
 * {@code levelBase + charging}, which minimises every convex separable cost of it (docs/optimizer.md).
 */
final class LevelSolver {
    private static final int MAX_NEWTON_STEPS = 200;

    private final FlowModel m;
    private final double[] levelBase;
    private final double total;
    /** The total flow a round must reach: the whole demand, later the flow the closed part keeps + the live demand. */
    private double target;
    private double[] fixed;
    private int rounds;

    LevelSolver(FlowModel m, double[] levelBase) {
        this.m = m;
        this.levelBase = levelBase;
        this.total = m.totalDemand();
        this.target = total;
    }

    /** Minimises the peak, then flattens for at most {@code maxRounds} further rounds; returns the optimal peak level. */
    double solve(int maxRounds) {
        boolean[] frozen = new boolean[m.slots];
        double[] frozenCap = new double[m.slots];
        boolean[] dead = new boolean[m.net.nodeCount()];
        double peak = Double.NaN;
        int unfrozen = m.slots;
        rounds = 0;
        m.net.resetFlow();
        fixed = new double[m.slots];
        try {
            while (unfrozen > 0) {
                if (rounds > 0) {
                    fixed = m.restartLive(dead);
                    target = m.totalFlow() + m.demandOf(dead); // the frozen part keeps its flow, within the tolerance
                }
                Round r = round(frozen, frozenCap);
                rounds++;
                if (Double.isNaN(peak)) {
                    peak = r.level;
                }
                boolean last = rounds > maxRounds;
                for (int t = 0; t < m.slots; t++) {
                    boolean inCut = r.reach != null && r.reach[m.rootVertex(t)];
                    if (!frozen[t] && (last || r.reach == null || inCut || r.level <= levelBase[t] + fixed[t])) {
                        frozen[t] = true;
                        frozenCap[t] = capacity(t, r.level);
                        unfrozen--;
                    }
                }
                if (r.reach != null) {
                    for (int v = 0; v < dead.length; v++) {
                        dead[v] |= r.reach[v] && v != FlowModel.SOURCE;
                    }
                    m.net.setDead(dead);
                }
            }
        } finally {
            m.net.setDead(null);
        }
        return peak;
    }

    int rounds() {
        return rounds;
    }

    private record Round(double level, boolean[] reach) {
    }

    private Round round(boolean[] frozen, double[] frozenCap) {
        double remaining = target;
        for (int t = 0; t < m.slots; t++) {
            if (frozen[t]) {
                remaining -= frozenCap[t];
                if (!m.net.isDead(m.rootVertex(t))) {
                    m.setRootCapacity(t, Math.max(m.rootFlow(t), frozenCap[t]));
                }
            }
        }
        double level = waterLevel(frozen, remaining);
        setLevel(frozen, level);
        double flow = m.maximise();
        boolean[] lastReach = null;
        double tol = FairShare.tolerance(total);
        for (int step = 0; flow < target - tol; step++) {
            if (step == MAX_NEWTON_STEPS) {
                throw new IllegalStateException("the peak search did not converge in " + MAX_NEWTON_STEPS + " steps");
            }
            boolean[] reach = m.net.reachable(FlowModel.SOURCE);
            int slope = 0;
            double kink = Double.POSITIVE_INFINITY; // where a cut slot's capacity starts to grow (a convex kink)
            for (int t = 0; t < m.slots; t++) {
                if (!frozen[t] && reach[m.rootVertex(t)]) {
                    double start = levelBase[t] + fixed[t];
                    if (growing(t, level)) {
                        slope++;
                    } else if (start > level && start < kink) {
                        kink = start;
                    }
                }
            }
            if (slope == 0 && kink == Double.POSITIVE_INFINITY) {
                throw new IllegalStateException("the demands are not deliverable (flow " + flow + " of " + target + ")");
            }
            level = Math.min(slope == 0 ? Double.POSITIVE_INFINITY : level + (target - flow) / slope, kink);
            setLevel(frozen, level);
            flow = m.maximise();
            lastReach = reach;
        }
        return new Round(level, lastReach);
    }

    private boolean growing(int t, double level) {
        return level >= levelBase[t] + fixed[t] - 1e-9 && level < levelBase[t] + m.rootHeadroom[t] - 1e-9;
    }

    private double capacity(int t, double level) {
        return Math.max(fixed[t], Math.min(m.rootHeadroom[t], level - levelBase[t]));
    }

    private void setLevel(boolean[] frozen, double level) {
        for (int t = 0; t < m.slots; t++) {
            if (!frozen[t]) {
                m.setRootCapacity(t, Math.max(m.rootFlow(t), capacity(t, level)));
            }
        }
    }

    /** The level at which the unfrozen slots alone hold {@code energy} (bisection): a lower bound on the true level. */
    private double waterLevel(boolean[] frozen, double energy) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < m.slots; t++) {
            if (!frozen[t]) {
                lo = Math.min(lo, levelBase[t] + fixed[t]);
                hi = Math.max(hi, levelBase[t] + m.rootHeadroom[t]);
            }
        }
        if (energy <= 0 || lo >= hi) {
            return lo;
        }
        for (int i = 0; i < 100 && hi - lo > 1e-9 * Math.max(1, Math.abs(hi)); i++) {
            double mid = (lo + hi) / 2;
            double sum = 0;
            for (int t = 0; t < m.slots; t++) {
                if (!frozen[t]) {
                    sum += capacity(t, mid);
                }
            }
            if (sum < energy) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
