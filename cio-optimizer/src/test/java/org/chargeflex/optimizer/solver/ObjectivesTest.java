package org.chargeflex.optimizer.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.support.PlanChecks;
import org.chargeflex.optimizer.support.RandomProblems;
import org.junit.jupiter.api.Test;

class ObjectivesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    private static Session ev(String id, int fromSlot, int toSlot, double energyWh, double maxW) {
        return Session.builder(id).node("st").window(T0.plus(Duration.ofMinutes(15L * fromSlot)),
                T0.plus(Duration.ofMinutes(15L * toSlot))).energyWh(energyWh).maxPowerW(maxW).build();
    }

    private static Problem.Builder fourSlots(double[] base) {
        return Problem.builder(T0, 4)
                .node(LimitNode.builder("gcp", 4).maxPowerW(100_000).baseLoadW(base).build())
                .node(LimitNode.builder("st", 4).parent("gcp").maxPowerW(50_000).build());
    }

    @Test
    void valleyFillingFillsTheLowestBaseLoadFirstToOneLevel() {
        // base 10, 2, 6, 4 kW; 3 kWh = 12 kW x slot: water level 8 kW -> charging 0, 6, 2, 4 kW
        Problem p = fourSlots(new double[] {10_000, 2_000, 6_000, 4_000}).session(ev("a", 0, 4, 3_000, 22_000)).build();
        Plan plan = Optimizer.create().plan(p);
        assertThat(plan.sessions().get(0).powerW()).usingComparatorWithPrecision(1e-3)
                .containsExactly(0, 6_000, 2_000, 4_000);
        assertThat(plan.summary().peakW()).isCloseTo(10_000, within(1e-3));
        assertThat(plan.summary().shortfallWh()).isZero();
    }

    @Test
    void flatteningAfterThePeakLowersTheOtherSlotsWhereSessionsAllow() {
        // "a" must charge 22 kW in slot 0 (peak 22 kW); "b" (any slot 0-3) should then avoid slot 0 and spread flat
        Problem p = fourSlots(new double[4]).session(ev("a", 0, 1, 5_500, 22_000)).session(ev("b", 0, 4, 3_000, 22_000))
                .build();
        Plan plan = Optimizer.create().plan(p);
        assertThat(plan.summary().peakW()).isCloseTo(22_000, within(1e-3));
        assertThat(plan.session("b").orElseThrow().powerW()).usingComparatorWithPrecision(1e-3)
                .containsExactly(0, 4_000, 4_000, 4_000);
        assertThat(Optimizer.builder().flattenRounds(0).build().plan(p).summary().peakW()).isCloseTo(22_000, within(1e-3));
    }

    @Test
    void tariffChargesInTheCheapestSlotsUpToTheLimits() {
        Problem p = fourSlots(new double[4]).objective(Objective.TARIFF).priceEurPerKWh(new double[] {0.30, 0.10, 0.20, 0.40})
                .session(ev("a", 0, 4, 4_000, 11_000)).build();
        Plan plan = Optimizer.create().plan(p);
        assertThat(plan.sessions().get(0).powerW()).usingComparatorWithPrecision(1e-3)
                .containsExactly(0, 11_000, 5_000, 0);
        assertThat(plan.summary().costEur()).isCloseTo(11 * 0.25 * 0.10 + 5 * 0.25 * 0.20, within(1e-6));
    }

    @Test
    void renewableFollowingChargesFromTheForecastFirst() {
        Problem p = fourSlots(new double[4]).objective(Objective.RENEWABLE).renewableW(new double[] {0, 8_000, 8_000, 0})
                .session(ev("a", 0, 4, 5_000, 11_000)).build();
        Plan plan = Optimizer.create().plan(p);
        // 20 kW x slot needed: all 16 from the sun, the grid import (net load) flat at 1 kW in every slot
        assertThat(plan.sessions().get(0).powerW()).usingComparatorWithPrecision(1e-3)
                .containsExactly(1_000, 9_000, 9_000, 1_000);
        assertThat(plan.summary().renewableEnergyWh()).isCloseTo(4_000, within(1e-3));
    }

    @Test
    void minimumPowerIsKeptWithoutBreakingLimits() {
        Problem p = fourSlots(new double[4])
                .session(Session.builder("m").node("st").window(T0, T0.plus(Duration.ofHours(1))).energyWh(1_500)
                        .power(4_140, 11_000).build()).build();
        Plan plan = Optimizer.create().plan(p);
        PlanChecks.assertFeasible(plan);
        for (double w : plan.sessions().get(0).powerW()) {
            assertThat(w == 0 || w >= 4_140 - 1e-6).as("power %s is 0 or at least the minimum", w).isTrue();
        }
        assertThat(plan.sessions().get(0).deliveredWh()).isCloseTo(1_500, within(1e-3));
    }

    @Test
    void aStationLimitIsKeptInTheSlotsWhereItCanBindAndDroppedOnlyWhereItCannot() {
        // station "st" 50 kW is never binding here; "small" (15 kW) under it binds only while both EVs are plugged in
        // (slots 1-2); "a" alone in slot 0 and "b" alone in slot 3 could draw 11 kW each: there the limit is redundant
        Problem p = fourSlots(new double[4])
                .node(LimitNode.builder("small", 4).parent("st").maxPowerW(15_000).build())
                .session(Session.builder("a").node("small").window(T0, T0.plus(Duration.ofMinutes(45))).energyWh(8_250)
                        .maxPowerW(11_000).build())
                .session(Session.builder("b").node("small").window(T0.plus(Duration.ofMinutes(15)), T0.plus(Duration.ofHours(1)))
                        .energyWh(8_250).maxPowerW(11_000).build())
                .build();
        Plan plan = Optimizer.create().plan(p);
        PlanChecks.assertFeasible(plan);
        // 16.5 kWh = 66 kW x slot; slots 1-2 hold 15 each, slots 0 and 3 at most 11 each: 52 < 66, so shortfall
        assertThat(plan.summary().energyDeliveredWh()).isCloseTo(52_000 * 0.25, within(1e-3));
        double[] charging = plan.chargingW();
        assertThat(charging[1]).isCloseTo(15_000, within(1e-3));
        assertThat(charging[2]).isCloseTo(15_000, within(1e-3));
        assertThat(charging[0]).isCloseTo(11_000, within(1e-3));
    }

    @Test
    void completeValleyFillingOfALargeGeneratedFleetEndsWithinTheLimits() {
        // many rounds on a large network: the part closed after each round keeps its flow only up to the max-flow
        // tolerance; the next round's target must start from what it kept, or the search cannot finish
        Problem p = org.chargeflex.optimizer.scenario.FleetGenerator.builder().sessions(2_000).seed(9).build().generate();
        Plan full = Optimizer.create().plan(p);
        PlanChecks.assertFeasible(full);
        Plan peakOnly = Optimizer.builder().flattenRounds(0).build().plan(p);
        assertThat(full.summary().peakW()).isCloseTo(peakOnly.summary().peakW(), within(1e-6 * peakOnly.summary().peakW()));
        assertThat(full.summary().energyDeliveredWh()).isCloseTo(peakOnly.summary().energyDeliveredWh(), within(1.0));
    }

    @Test
    void everyObjectiveKeepsEveryLimitOnRandomFleets() {
        for (Objective o : Objective.values()) {
            for (long seed = 100; seed < 104; seed++) {
                PlanChecks.assertFeasible(Optimizer.create().plan(RandomProblems.random(seed, 30, 48, 0.3, o)));
            }
        }
    }
}
