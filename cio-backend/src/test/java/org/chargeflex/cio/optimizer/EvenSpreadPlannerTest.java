package org.chargeflex.cio.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.junit.jupiter.api.Test;

class EvenSpreadPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final double INF = Double.POSITIVE_INFINITY;
    private final EvenSpreadPlanner planner = new EvenSpreadPlanner();

    private static PlanningInput input(double energyWh, Duration untilDeparture, double evMax, double evMin,
            double station, double grid) {
        return new PlanningInput(NOW, NOW.plus(untilDeparture), energyWh, evMax, evMin, 22_000, station, grid);
    }

    @Test
    void spreadsTheDemandEvenlyUntilDeparture() {
        PlannedSchedule p = planner.plan(input(20_000, Duration.ofHours(4), 11_000, 0, INF, INF));
        assertThat(p.periods()).containsExactly(new SchedulePeriod(0, 5_000));
        assertThat(p.startTime()).isEqualTo(NOW);
        assertThat(p.validUntil()).isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void capsAtTheLowestLimitAndRoundsDown() {
        assertThat(planner.plan(input(100_000, Duration.ofHours(1), 11_000, 0, INF, INF)).periods().get(0).maxPowerW())
                .isEqualTo(11_000);
        assertThat(planner.plan(input(100_000, Duration.ofHours(1), 11_000, 0, 7_000.7, INF)).periods().get(0).maxPowerW())
                .isEqualTo(7_000);
        assertThat(planner.plan(input(100_000, Duration.ofHours(1), 11_000, 0, INF, 3_500)).periods().get(0).maxPowerW())
                .isEqualTo(3_500);
    }

    @Test
    void belowTheEvMinimumChargesAtTheMinimumThenPauses() {
        PlannedSchedule p = planner.plan(input(1_380, Duration.ofHours(4), 11_000, 4_140, INF, INF));
        assertThat(p.periods()).containsExactly(new SchedulePeriod(0, 4_140), new SchedulePeriod(1_200, 0));
    }

    @Test
    void noHeadroomForTheEvMinimumMeansPause() {
        PlannedSchedule p = planner.plan(input(10_000, Duration.ofHours(4), 11_000, 4_140, INF, 4_000));
        assertThat(p.periods()).containsExactly(new SchedulePeriod(0, 0));
    }

    @Test
    void negativeHeadroomIsTreatedAsNone() {
        PlannedSchedule p = planner.plan(input(10_000, Duration.ofHours(4), 11_000, 0, -500, INF));
        assertThat(p.periods()).containsExactly(new SchedulePeriod(0, 0));
    }

    @Test
    void departureInThePastOrFarAwayIsBoundedToTheHorizon() {
        assertThat(planner.plan(input(10_000, Duration.ofHours(-1), 11_000, 0, INF, INF)).validUntil())
                .isEqualTo(NOW.plus(EvenSpreadPlanner.MIN_HORIZON));
        assertThat(planner.plan(input(10_000, Duration.ofDays(3), 11_000, 0, INF, INF)).validUntil())
                .isEqualTo(NOW.plus(EvenSpreadPlanner.MAX_HORIZON));
    }

    @Test
    void nothingToChargeIsAZeroSchedule() {
        assertThat(planner.plan(input(0, Duration.ofHours(4), 11_000, 0, INF, INF)).peakPowerW()).isZero();
    }
}
