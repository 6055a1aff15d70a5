package org.chargeflex.optimizer.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.support.LpReference;
import org.chargeflex.optimizer.support.PlanChecks;
import org.chargeflex.optimizer.support.RandomProblems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Complete valley filling gives the aggregate profile that minimises the sum of squares of base load + charging (PEAK)
 * or of the net load + charging (RENEWABLE), the unique optimum of an independent QP (ojAlgo). Guards the round-by-round decomposition (frozen cut kept, the rest
 * restarted on a smaller network): a wrongly fixed or wrongly restarted part shows up as a different profile.
 */
class ValleyFillingAgainstQpTest {

    // seeds whose flattened profile differs from the first max flow's
    @ParameterizedTest(name = "seed {0}: {1} sessions x {2} slots, tightness {3}, {4}")
    @CsvSource({"4, 12, 24, 1.0, PEAK", "6, 8, 16, 1.5, PEAK", "7, 12, 24, 0.8, PEAK", "4, 12, 24, 1.0, RENEWABLE",
            "7, 12, 24, 0.8, RENEWABLE"})
    void flattenedProfileEqualsTheQpOptimum(long seed, int sessions, int slots, double tightness, Objective objective) {
        Problem p = RandomProblems.random(seed, sessions, slots, tightness, objective);
        Plan plan = Optimizer.create().plan(p);
        PlanChecks.assertFeasible(plan);

        double[] delivered = plan.sessions().stream().mapToDouble(SessionPlan::deliveredWh).toArray();
        double[] levelBase = p.totalBaseLoadW(); // RENEWABLE flattens the net load: base load less the forecast
        double[] renewable = p.renewableW();
        for (int t = 0; objective == Objective.RENEWABLE && t < levelBase.length; t++) {
            levelBase[t] -= renewable[t];
        }
        double[] qp = LpReference.minimumSquaresProfile(p, delivered, levelBase);
        double[] charging = plan.chargingW();
        double scale = java.util.Arrays.stream(qp).map(Math::abs).max().orElse(0);
        for (int t = 0; t < charging.length; t++) {
            assertThat(charging[t]).as("charging in slot %d", t).isCloseTo(qp[t], within(1e-3 * scale + 1));
        }
    }
}
