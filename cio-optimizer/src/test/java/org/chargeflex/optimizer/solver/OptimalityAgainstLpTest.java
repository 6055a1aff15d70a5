package org.chargeflex.optimizer.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.support.LpReference;
import org.chargeflex.optimizer.support.PlanChecks;
import org.chargeflex.optimizer.support.RandomProblems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optimiser's peak equals an independent LP's optimum (ojAlgo) within 0.1 %, and the plan keeps every limit. */
class OptimalityAgainstLpTest {

    @ParameterizedTest(name = "seed {0}: {1} sessions x {2} slots, tightness {3}")
    @CsvSource({
            "1, 8, 24, 0.6", "2, 10, 24, 0.4", "3, 12, 24, 0.3", "4, 10, 24, 1.0", "5, 6, 16, 0.2",
            "11, 40, 48, 0.35", "12, 60, 48, 0.25", "13, 50, 48, 0.5"})
    void minimumPeakEqualsTheLpOptimum(long seed, int sessions, int slots, double tightness) {
        Problem p = RandomProblems.random(seed, sessions, slots, tightness, Objective.PEAK);
        Plan plan = Optimizer.create().plan(p);
        PlanChecks.assertFeasible(plan);

        double[] delivered = plan.sessions().stream().mapToDouble(SessionPlan::deliveredWh).toArray();
        double lp = LpReference.minimumPeak(p, delivered, p.totalBaseLoadW());
        double maxBase = java.util.Arrays.stream(p.totalBaseLoadW()).max().orElseThrow();
        assertThat(lp).as("the charging sets the peak, not the base load alone").isGreaterThan(maxBase + 100);
        assertThat(plan.summary().peakW()).isCloseTo(lp, org.assertj.core.api.Assertions.withinPercentage(0.1));
    }

    @ParameterizedTest(name = "seed {0}: renewable net peak equals the LP optimum")
    @CsvSource({"21, 10, 24, 0.5", "22, 40, 48, 0.4"})
    void renewableNetPeakEqualsTheLpOptimum(long seed, int sessions, int slots, double tightness) {
        Problem p = RandomProblems.random(seed, sessions, slots, tightness, Objective.RENEWABLE);
        Plan plan = Optimizer.create().plan(p);
        PlanChecks.assertFeasible(plan);

        double[] net = p.totalBaseLoadW();
        double[] renewable = p.renewableW();
        for (int t = 0; t < net.length; t++) {
            net[t] -= renewable[t];
        }
        double[] charging = plan.chargingW();
        double netPeak = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < net.length; t++) {
            netPeak = Math.max(netPeak, net[t] + charging[t]);
        }
        double[] delivered = plan.sessions().stream().mapToDouble(SessionPlan::deliveredWh).toArray();
        double lp = LpReference.minimumPeak(p, delivered, net);
        assertThat(netPeak).isCloseTo(lp, org.assertj.core.api.Assertions.within(Math.abs(lp) * 1e-3 + 1e-3));
    }
}
