package org.chargeflex.optimizer.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.scenario.ScenarioIo;
import org.chargeflex.optimizer.support.PlanChecks;
import org.chargeflex.optimizer.support.RandomProblems;
import org.junit.jupiter.api.Test;

class InfeasibleDemandTest {

    @Test
    void overloadedStationSharesFairlyAndReportsEachShortfall() throws Exception {
        Problem p = ScenarioIo.read(Path.of("src/test/resources/scenarios/overloaded-station-fair-share.json")).toProblem();
        Plan plan = Optimizer.create().plan(p);
        PlanChecks.assertFeasible(plan);
        // 11 kWh fit in the hour; three EVs want 11 kWh each: 11/3 kWh each, 22/3 kWh short each
        for (SessionPlan s : plan.sessions()) {
            assertThat(s.deliveredWh()).isCloseTo(11_000 / 3.0, within(0.01));
            assertThat(s.shortfallWh()).isCloseTo(22_000 / 3.0, within(0.01));
        }
        assertThat(plan.summary().shortfallWh()).isCloseTo(22_000, within(0.01));
        assertThat(plan.summary().peakW()).isLessThanOrEqualTo(11_000 + 1e-3);
    }

    @Test
    void sessionsBehindASecondBottleneckShareItEquallyToo() {
        // one hour; gcp 30 kW over station a (11 kW, two EVs) and station b (22 kW, two EVs); each EV wants 11 kWh.
        // level 1: a's EVs get 5.5 kWh each (a is full); level 2: b's EVs share the gcp's other 19 kWh: 9.5 each
        java.time.Instant t0 = RandomProblems.START;
        Problem.Builder b = Problem.builder(t0, 4)
                .node(org.chargeflex.optimizer.model.LimitNode.builder("gcp", 4).maxPowerW(30_000).build())
                .node(org.chargeflex.optimizer.model.LimitNode.builder("a", 4).parent("gcp").maxPowerW(11_000).build())
                .node(org.chargeflex.optimizer.model.LimitNode.builder("b", 4).parent("gcp").maxPowerW(22_000).build());
        for (String id : new String[] {"a1", "a2", "b1", "b2"}) {
            b.session(org.chargeflex.optimizer.model.Session.builder(id).node(id.substring(0, 1))
                    .window(t0, t0.plusSeconds(3600)).energyWh(11_000).maxPowerW(22_000).build());
        }
        Plan plan = Optimizer.create().plan(b.build());
        PlanChecks.assertFeasible(plan);
        assertThat(plan.session("a1").orElseThrow().deliveredWh()).isCloseTo(5_500, within(0.01));
        assertThat(plan.session("a2").orElseThrow().deliveredWh()).isCloseTo(5_500, within(0.01));
        assertThat(plan.session("b1").orElseThrow().deliveredWh()).isCloseTo(9_500, within(0.01));
        assertThat(plan.session("b2").orElseThrow().deliveredWh()).isCloseTo(9_500, within(0.01));
        assertThat(plan.session("b2").orElseThrow().shortfallWh()).isCloseTo(1_500, within(0.01));
    }

    @Test
    void tightRandomFleetsKeepLimitsAndGiveEverySessionAtLeastTheSmallestShare() {
        for (long seed = 200; seed < 205; seed++) {
            Problem p = RandomProblems.random(seed, 40, 32, 0.08, Objective.PEAK);
            Plan plan = Optimizer.create().plan(p);
            PlanChecks.assertFeasible(plan);
            assertThat(plan.summary().shortfallWh()).as("seed %d is infeasible", seed).isPositive();
            double total = p.sessions().stream().mapToDouble(s -> s.energyWh()).sum();
            assertThat(plan.summary().energyDeliveredWh() + plan.summary().shortfallWh()).isCloseTo(total, within(1e-3 * total));
        }
    }

    @Test
    void sessionWithoutAWholeSlotGetsNothingAndTheOthersAreNotHeldBack() {
        Problem base = RandomProblems.random(7, 5, 8, 1.0, Objective.PEAK);
        var early = base.sessions().get(0);
        Problem p = base.toBuilder().session(org.chargeflex.optimizer.model.Session.builder("tooShort").node(early.nodeId())
                .window(base.start().plusSeconds(60), base.start().plusSeconds(600)).energyWh(1_000).maxPowerW(11_000).build())
                .build();
        Plan plan = Optimizer.create().plan(p);
        assertThat(plan.session("tooShort").orElseThrow().shortfallWh()).isCloseTo(1_000, within(1e-9));
        assertThat(plan.sessions().stream().filter(s -> !s.sessionId().equals("tooShort"))
                .mapToDouble(SessionPlan::shortfallWh).sum()).isZero();
    }
}
