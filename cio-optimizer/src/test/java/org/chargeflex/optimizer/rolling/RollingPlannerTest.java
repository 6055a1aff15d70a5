package org.chargeflex.optimizer.rolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.Plan;
import org.chargeflex.optimizer.solver.SessionPlan;
import org.chargeflex.optimizer.support.PlanChecks;
import org.chargeflex.optimizer.support.RandomProblems;
import org.junit.jupiter.api.Test;

class RollingPlannerTest {
    private final Problem problem = RandomProblems.random(31, 20, 48, 0.4, Objective.PEAK);

    private static Map<String, double[]> snapshot(Plan plan) {
        Map<String, double[]> m = new HashMap<>();
        plan.sessions().forEach(s -> m.put(s.sessionId(), s.powerW()));
        return m;
    }

    private static void assertPastKept(Map<String, double[]> before, Plan after, int slot) {
        for (SessionPlan s : after.sessions()) {
            double[] old = before.get(s.sessionId());
            if (old != null) {
                assertThat(Arrays.copyOf(s.powerW(), slot)).as("past of %s", s.sessionId())
                        .containsExactly(Arrays.copyOf(old, slot));
            }
        }
    }

    @Test
    void anArrivalReplansTheFutureAndKeepsThePast() {
        RollingPlanner rp = new RollingPlanner(problem, Optimizer.create());
        Map<String, double[]> before = snapshot(rp.plan());
        Session late = Session.builder("late").node("st0").window(problem.slotStart(20), problem.slotStart(30))
                .energyWh(10_000).maxPowerW(22_000).build();

        Plan after = rp.arrive(20, late);

        assertPastKept(before, after, 20);
        PlanChecks.assertFeasible(after);
        assertThat(after.session("late").orElseThrow().deliveredWh()).isCloseTo(10_000, within(1e-3));
        assertThat(rp.frozenSlots()).isEqualTo(20);
    }

    @Test
    void aDepartureStopsChargingAndFreesTheRoomForOthers() {
        RollingPlanner rp = new RollingPlanner(problem, Optimizer.create());
        String leaving = problem.sessions().get(0).id();
        Map<String, double[]> before = snapshot(rp.plan());
        int slot = problem.firstSlot(problem.sessions().get(0)) + 1;

        Plan after = rp.depart(slot, leaving);

        assertPastKept(before, after, slot);
        double[] p = after.session(leaving).orElseThrow().powerW();
        for (int t = slot; t < p.length; t++) {
            assertThat(p[t]).isZero();
        }
        PlanChecks.assertFeasible(after);
    }

    @Test
    void aLowerLimitIsKeptFromItsSlotOn() {
        RollingPlanner rp = new RollingPlanner(problem, Optimizer.create());
        Map<String, double[]> before = snapshot(rp.plan());

        Plan after = rp.changeLimit(24, "trafo", 30_000);

        assertPastKept(before, after, 24);
        double[] charging = after.chargingW();
        double[] base = problem.totalBaseLoadW();
        for (int t = 24; t < charging.length; t++) {
            assertThat(charging[t]).isLessThanOrEqualTo(Math.max(0, 30_000 - base[t]) + 1e-3);
        }
        PlanChecks.assertFeasible(after);
    }

    @Test
    void aMeterDeviationReplansTheRemainingDemand() {
        RollingPlanner rp = new RollingPlanner(problem, Optimizer.create());
        Session s = problem.sessions().stream().filter(x -> problem.endSlot(x) - problem.firstSlot(x) > 8).findFirst()
                .orElseThrow();
        int slot = problem.firstSlot(s) + 4;
        Map<String, double[]> before = snapshot(rp.plan());

        Plan after = rp.meterDeviation(slot, s.id(), 0); // it got nothing so far

        assertPastKept(before, after, slot);
        double future = 0;
        double[] p = after.session(s.id()).orElseThrow().powerW();
        for (int t = slot; t < p.length; t++) {
            future += p[t] * problem.slotHours();
        }
        SessionPlan sp = after.session(s.id()).orElseThrow();
        assertThat(future + sp.shortfallWh()).isCloseTo(s.energyWh(), within(1e-3));
    }

    @Test
    void thePastCannotBeReplanned() {
        RollingPlanner rp = new RollingPlanner(problem, Optimizer.create());
        rp.changeLimit(10, "trafo", 50_000);
        assertThatThrownBy(() -> rp.changeLimit(5, "trafo", 60_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slot must be 10");
        assertThatThrownBy(() -> rp.depart(12, "nobody")).hasMessageContaining("session 'nobody' is not planned");
        assertThat(Duration.between(problem.start(), problem.slotStart(10))).isEqualTo(Duration.ofMinutes(150));
    }
}
