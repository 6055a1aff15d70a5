package org.chargeflex.optimizer.solver;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Minimum energy cost. The aggregate charging profiles that the flow network allows form the bases of a polymatroid (the
 * slots' capacities are those of a network's sink edges), so a linear cost is minimised by the greedy algorithm: open the
 * slots one at a time, cheapest first, each to its full headroom, and augment the flow. An augmenting path ends at the
 * sink the first time it reaches it, so the flow into an opened slot never decreases afterwards: each slot gets the most
 * it can, given the cheaper ones. Ties: lower base load first, then earlier.
 */
final class TariffSolver {
    private TariffSolver() {
    }

    static void solve(FlowModel m, double[] price, double[] baseLoad) {
        m.net.resetFlow();
        for (int t = 0; t < m.slots; t++) {
            m.setRootCapacity(t, 0);
        }
        Integer[] order = new Integer[m.slots];
        Arrays.setAll(order, t -> t);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(t -> price[t]).thenComparingDouble(t -> baseLoad[t])
                .thenComparingInt(t -> t));
        double total = m.totalDemand();
        double tol = FairShare.tolerance(total);
        for (int t : order) {
            m.setRootCapacity(t, m.rootHeadroom[t]);
            if (m.maximise() >= total - tol) {
                break;
            }
        }
    }
}
