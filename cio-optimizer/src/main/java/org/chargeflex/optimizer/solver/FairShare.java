package org.chargeflex.optimizer.solver;

/**
 * Stage 1 of every objective: how much energy each session can get. If all demands fit under the limits (a maximum
 * flow with every root slot at its physical headroom saturates every session), every session gets its demand.
 * Otherwise the largest fraction alpha is found (bisection, a fresh max-flow per step) such that every session can get
 * alpha times its demand at once, or all it could get alone if that is less (max power, window, the limits above it).
 * From that flow the source capacities are raised to the demands and the flow is augmented: every session keeps at
 * least its fair share and the total is the maximum deliverable (augmenting paths never lower a source edge's flow).
 * This is max-min fairness on the delivered fraction at its first level; the energy above it goes to whoever can
 * still take it (not a full lexicographic max-min).
 */
final class FairShare {
    /** Bisection steps on alpha: 2^-30 of the demand. */
    private static final int BISECTIONS = 30;

    private FairShare() {
    }

    /** Returns each session's deliverable flow (W x slots) and leaves the model's flow at it. */
    static double[] deliverable(FlowModel m) {
        int n = m.sessionCount;
        for (int t = 0; t < m.slots; t++) {
            m.setRootCapacity(t, m.rootHeadroom[t]);
        }
        double total = m.totalDemand();
        double flow = m.maximise();
        if (flow >= total - tolerance(total)) {
            return sourceFlows(m);
        }
        double[] cap = new double[n];
        double capSum = 0;
        for (int i = 0; i < n; i++) {
            cap[i] = Math.min(m.demand(i), m.individualMaximum(i));
            capSum += cap[i];
        }
        m.net.resetFlow();
        setSources(m, cap, 1);
        if (m.maximise() >= capSum - tolerance(capSum)) {
            return sourceFlows(m); // only sessions that cannot get their demand even alone fall short: no sharing needed
        }
        double lo = 0;
        double hi = 1;
        for (int iteration = 0; iteration < BISECTIONS; iteration++) {
            double alpha = (lo + hi) / 2;
            m.net.resetFlow();
            double want = setSources(m, cap, alpha);
            if (m.maximise() >= want - tolerance(want)) {
                lo = alpha;
            } else {
                hi = alpha;
            }
        }
        m.net.resetFlow();
        setSources(m, cap, lo);
        m.maximise();
        for (int i = 0; i < n; i++) {
            m.setSourceCapacity(i, m.demand(i));
        }
        m.maximise();
        return sourceFlows(m);
    }

    /** Sets every source to min(alpha x demand, what it could get alone); returns their sum. */
    private static double setSources(FlowModel m, double[] cap, double alpha) {
        double sum = 0;
        for (int i = 0; i < cap.length; i++) {
            double c = Math.min(alpha * m.demand(i), cap[i]);
            m.setSourceCapacity(i, c);
            sum += c;
        }
        return sum;
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
