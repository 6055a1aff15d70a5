package org.chargeflex.optimizer.solver;

/**
 * Stage 1 of every objective: how much energy each session can get. Each session's target is its demand capped by
 * all it could get alone (max power, window, the limits above it); if a maximum flow with every root slot at its
 * physical headroom delivers every capped target, they are the answer (in particular when all demands fit). Otherwise the delivered fractions are made max-min fair at every
 * level (lexicographically): the largest fraction alpha that every session not yet fixed can get at once (its capped
 * target min(alpha x demand, cap)) is found by Newton's method from above: try alpha (from 1), augmenting the flow kept
 * from the last feasible alpha (capacities only grow from it); if the max flow falls short, the sessions on the source
 * side of its minimum cut together cannot get more than the cut lets through, so alpha drops to where their targets
 * sum to exactly that, and so on until a try succeeds. The sessions of the last short cut are the bottleneck at that
 * alpha: they are fixed there, and the search goes on for the others, until every session is fixed or gets its capped
 * target. Finally the source capacities are raised to the demands and the flow is augmented (numerical slack).
 */
final class FairShare {
    /** Newton steps per level at most (each moves to a smaller alpha; a few in practice). */
    private static final int MAX_NEWTON_STEPS = 100;

    private final FlowModel m;
    private final double[] cap;
    private final double[] fixedAt;
    private final boolean[] fixed;

    private FairShare(FlowModel m, double[] cap) {
        this.m = m;
        this.cap = cap;
        this.fixedAt = new double[cap.length];
        this.fixed = new boolean[cap.length];
    }

    /** Returns each session's deliverable flow (W x slots) and leaves the model's flow at it. */
    static double[] deliverable(FlowModel m) {
        int n = m.sessionCount;
        for (int t = 0; t < m.slots; t++) {
            m.setRootCapacity(t, m.rootHeadroom[t]);
        }
        double[] cap = new double[n];
        double capSum = 0;
        for (int i = 0; i < n; i++) {
            cap[i] = Math.min(m.demand(i), m.individualMaximum(i));
            capSum += cap[i];
        }
        FairShare f = new FairShare(m, cap);
        if (f.feasible(1) >= capSum - tolerance(capSum)) {
            // every demand fits, or only sessions that cannot get their demand even alone fall short: no sharing needed
            return sourceFlows(m);
        }
        f.levels();
        for (int i = 0; i < n; i++) {
            m.setSourceCapacity(i, m.demand(i));
        }
        m.maximise();
        return sourceFlows(m);
    }

    /** Fixes the sessions level by level; leaves the flow at the fixed targets. */
    private void levels() {
        double lo = 0;
        m.net.resetFlow();
        feasible(lo);
        double[] loFlow = m.net.saveFlow();
        while (true) {
            int open = 0;
            for (int i = 0; i < cap.length; i++) {
                if (!fixed[i] && lo * m.demand(i) >= cap[i]) {
                    fix(i, cap[i]);
                }
                open += fixed[i] ? 0 : 1;
            }
            if (open == 0) {
                break;
            }
            double alpha = 1;
            boolean[] bottleneck = null;
            for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
                m.net.restoreFlow(loFlow);
                double want = want(alpha);
                if (feasible(alpha) >= want - tolerance(want)) {
                    lo = alpha;
                    loFlow = m.net.saveFlow();
                    break;
                }
                bottleneck = sourceSide();
                double next = levelWhere(bottleneck, through(bottleneck), lo, alpha);
                if (next >= alpha) {
                    break; // no progress: numerically at the level already (lo)
                }
                alpha = next;
            }
            boolean any = false;
            for (int i = 0; i < cap.length; i++) {
                if (!fixed[i] && (bottleneck == null || bottleneck[i]) && lo * m.demand(i) < cap[i]) {
                    fix(i, lo * m.demand(i));
                    any = true;
                }
            }
            if (!any) { // numerically no bottleneck left to tell apart: everyone open keeps the last feasible share
                for (int i = 0; i < cap.length; i++) {
                    if (!fixed[i]) {
                        fix(i, Math.min(lo * m.demand(i), cap[i]));
                    }
                }
            }
        }
        m.net.restoreFlow(loFlow);
        feasible(lo);
    }

    /** The sessions on the source side of the minimum cut of the current (maximum, short) flow. */
    private boolean[] sourceSide() {
        boolean[] reach = m.net.reachable(FlowModel.SOURCE);
        boolean[] side = new boolean[cap.length];
        for (int i = 0; i < cap.length; i++) {
            side[i] = reach[m.sessionVertex(i)];
        }
        return side;
    }

    /**
     * What the cut lets through from the sessions on its source side: in a maximum flow every edge leaving the side
     * is full and none entering it carries flow, so it is their flow.
     */
    private double through(boolean[] side) {
        double sum = 0;
        for (int i = 0; i < cap.length; i++) {
            sum += side[i] ? m.sourceFlow(i) : 0;
        }
        return sum;
    }

    /** The largest alpha in [lo, hi] at which the targets of the sessions in {@code side} sum to at most {@code limit}. */
    private double levelWhere(boolean[] side, double limit, double lo, double hi) {
        double a = lo;
        double b = hi;
        for (int k = 0; k < 100 && b - a > 1e-15; k++) {
            double mid = (a + b) / 2;
            double sum = 0;
            for (int i = 0; i < cap.length; i++) {
                sum += side[i] ? target(i, mid) : 0;
            }
            if (sum <= limit) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return a;
    }

    private void fix(int i, double target) {
        fixed[i] = true;
        fixedAt[i] = target;
    }

    /** The source capacity of session i at fraction alpha. */
    private double target(int i, double alpha) {
        return fixed[i] ? fixedAt[i] : Math.min(alpha * m.demand(i), cap[i]);
    }

    private double want(double alpha) {
        double sum = 0;
        for (int i = 0; i < cap.length; i++) {
            sum += target(i, alpha);
        }
        return sum;
    }

    /** Sets every source to its target at alpha (never below its flow) and augments; returns the total flow. */
    private double feasible(double alpha) {
        for (int i = 0; i < cap.length; i++) {
            m.setSourceCapacity(i, Math.max(target(i, alpha), m.sourceFlow(i)));
        }
        return m.maximise();
    }

    private static double[] sourceFlows(FlowModel m) {
        double[] d = new double[m.sessionCount];
        for (int i = 0; i < d.length; i++) {
            d[i] = m.sourceFlow(i);
        }
        return d;
    }

    static double tolerance(double total) {
        return 1e-9 * total + 1e-6;
    }
}
