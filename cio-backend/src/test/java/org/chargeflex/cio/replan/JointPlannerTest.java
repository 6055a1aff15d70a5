package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.junit.jupiter.api.Test;

/** The joint plan and the composition of a new schedule version, without a database. */
class JointPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final Duration SLOT = Duration.ofMinutes(5);

    private final JointPlanner planner = new JointPlanner();

    @Test
    void randomFleetsNeverExceedAnyLimitInAnySlot() {
        Random random = new Random(42);
        for (int run = 0; run < 30; run++) {
            double gcpLimit = 10_000 + random.nextInt(40_000);
            List<JointPlanner.NodeLimit> nodes = new ArrayList<>();
            nodes.add(new JointPlanner.NodeLimit("g", null, gcpLimit, List.of()));
            double[] stationLimit = new double[3];
            for (int s = 0; s < 3; s++) {
                stationLimit[s] = 11_000 + random.nextInt(22_000);
                nodes.add(new JointPlanner.NodeLimit("s" + s, "g", stationLimit[s], List.of()));
            }
            List<JointPlanner.Demand> demands = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(10); i++) {
                demands.add(new JointPlanner.Demand("p" + i, "s" + random.nextInt(3), random.nextInt(40_000),
                        random.nextBoolean() ? 0 : 1_400, random.nextBoolean() ? 11_000 : 22_000, 22_000, 3,
                        NOW.plus(Duration.ofMinutes(10 + random.nextInt(600)))));
            }
            double minimum = random.nextBoolean() ? 0 : 1_000;
            JointPlanner.Result r = planner.plan(NOW, SLOT, nodes, demands, minimum);

            int slots = r.powers().values().stream().mapToInt(p -> p.length).max().orElse(0);
            for (int t = 0; t < slots; t++) {
                double total = 0;
                double[] perStation = new double[3];
                for (JointPlanner.Demand d : demands) {
                    double[] p = r.powers().get(d.id());
                    double w = t < p.length ? p[t] : 0;
                    assertThat(w).as("whole watts, 0 or at least the EV's minimum").isEqualTo(Math.floor(w))
                            .satisfiesAnyOf(x -> assertThat(x).isZero(), x -> assertThat(x).isGreaterThanOrEqualTo(d.evMinW()));
                    assertThat(w).isLessThanOrEqualTo(Math.min(d.evMaxW(), d.outletMaxW()));
                    total += w;
                    perStation[Integer.parseInt(d.nodeId().substring(1))] += w;
                }
                assertThat(total).as("run " + run + " slot " + t).isLessThanOrEqualTo(gcpLimit);
                for (int s = 0; s < 3; s++) {
                    assertThat(perStation[s]).isLessThanOrEqualTo(stationLimit[s]);
                }
            }
        }
    }

    @Test
    void aTightLimitIsSharedAndTheMinimumSessionPowerIsKept() {
        List<JointPlanner.NodeLimit> nodes = List.of(new JointPlanner.NodeLimit("g", null, 12_600, List.of()),
                new JointPlanner.NodeLimit("s0", "g", 22_000, List.of()));
        List<JointPlanner.Demand> demands = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            demands.add(new JointPlanner.Demand("p" + i, "s0", 50_000, 0, 22_000, 22_000, 3, NOW.plus(Duration.ofHours(2))));
        }
        JointPlanner.Result r = planner.plan(NOW, SLOT, nodes, demands, 4_200);
        for (JointPlanner.Demand d : demands) {
            assertThat(r.powers().get(d.id())).containsOnly(4_200.0);
        }
    }

    @Test
    void fixedLoadIsLeftAlone() {
        PlannedSchedule forwarded = new PlannedSchedule(NOW.minusSeconds(60),
                List.of(new SchedulePeriod(0, 6_000), new SchedulePeriod(60 + 1800, 0)), NOW.plus(Duration.ofHours(1)));
        List<JointPlanner.NodeLimit> nodes = List.of(
                new JointPlanner.NodeLimit("s0", null, 10_000, List.of(StepProfile.of(forwarded))));
        JointPlanner.Result r = planner.plan(NOW, SLOT, nodes,
                List.of(new JointPlanner.Demand("p0", "s0", 100_000, 0, 11_000, 11_000, 3, NOW.plus(Duration.ofHours(1)))), 0);
        double[] p = r.powers().get("p0");
        assertThat(p[0]).isEqualTo(4_000); // 10 kW less the forwarded 6 kW for the first 30 minutes
        assertThat(p[p.length - 1]).isEqualTo(10_000);
    }

    @Test
    void aNewVersionKeepsThePastPeriodsAndPlansFromNow() {
        PlannedSchedule old = new PlannedSchedule(NOW.minusSeconds(600),
                List.of(new SchedulePeriod(0, 11_000), new SchedulePeriod(300, 7_000), new SchedulePeriod(900, 5_000)),
                NOW.plus(Duration.ofHours(1)));
        PlannedSchedule next = PlanComposer.compose(Optional.of(old), NOW, NOW, 300, new double[] {3_000, 3_000, 2_000},
                NOW.plusSeconds(900));
        assertThat(next.startTime()).isEqualTo(old.startTime());
        assertThat(next.periods()).containsExactly(new SchedulePeriod(0, 11_000), new SchedulePeriod(300, 7_000),
                new SchedulePeriod(600, 3_000), new SchedulePeriod(1200, 2_000));
        assertThat(PlanComposer.differs(Optional.of(old), next, NOW, 10)).isTrue();
        // a second later (same slot grid), the same situation: within the tolerance, no new version
        PlannedSchedule again = PlanComposer.compose(Optional.of(next), NOW.plusSeconds(1), NOW, 300,
                new double[] {3_005, 3_000, 2_000}, NOW.plusSeconds(900));
        assertThat(again.periods()).contains(new SchedulePeriod(601, 3_005), new SchedulePeriod(900, 3_000),
                new SchedulePeriod(1200, 2_000));
        assertThat(PlanComposer.differs(Optional.of(next), again, NOW.plusSeconds(1), 10)).isFalse();
    }
}
