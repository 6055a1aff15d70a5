package org.chargeflex.cio.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.junit.jupiter.api.Test;

class FleetOptimizerPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final double INF = Double.POSITIVE_INFINITY;
    private final FleetOptimizerPlanner planner = new FleetOptimizerPlanner(SitePlanningSource.NONE, PlanningGrid.DEFAULT);

    private static PlanningInput input(double energyWh, Duration untilDeparture, double evMax, double evMin,
            double station, double grid) {
        return new PlanningInput(NOW, NOW.plus(untilDeparture), energyWh, evMax, evMin, 22_000, station, grid);
    }

    @Test
    void flattestScheduleSpreadsTheDemandUntilDeparture() {
        PlannedSchedule p = planner.plan(input(20_000, Duration.ofHours(4), 11_000, 0, INF, INF));
        assertThat(p.periods()).containsExactly(new SchedulePeriod(0, 5_000));
        assertThat(p.validUntil()).isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void neverExceedsTheLowestLimitAndReportsNoMoreThanFits() {
        assertThat(planner.plan(input(100_000, Duration.ofHours(1), 11_000, 0, 7_000.7, INF)).peakPowerW()).isEqualTo(7_000);
        assertThat(planner.plan(input(100_000, Duration.ofHours(1), 11_000, 0, INF, 3_500)).peakPowerW()).isEqualTo(3_500);
    }

    @Test
    void belowTheEvMinimumChargesInWholeSlotsAtOrAboveTheMinimum() {
        PlannedSchedule p = planner.plan(input(1_380, Duration.ofHours(4), 11_000, 4_140, INF, INF));
        assertThat(p.periods()).containsExactly(new SchedulePeriod(0, 5_520), new SchedulePeriod(900, 0));
    }

    @Test
    void noHeadroomForTheMinimumOrNegativeHeadroomMeansPause() {
        assertThat(planner.plan(input(10_000, Duration.ofHours(4), 11_000, 4_140, INF, 4_000)).periods())
                .containsExactly(new SchedulePeriod(0, 0));
        assertThat(planner.plan(input(10_000, Duration.ofHours(4), 11_000, 0, -500, INF)).periods())
                .containsExactly(new SchedulePeriod(0, 0));
    }

    @Test
    void departureNotOnASlotBoundaryStretchesTheSlotsToEndAtIt() {
        PlannedSchedule p = planner.plan(input(5_000, Duration.ofMinutes(50), 11_000, 0, INF, INF));
        assertThat(p.validUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(50)));
        assertThat(p.periods()).hasSize(1);
        assertThat(p.periods().get(0).maxPowerW()).isEqualTo(6_000); // 5 kWh in 50 min
    }
}
