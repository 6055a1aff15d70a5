package org.chargeflex.cio.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.optimizer.model.Objective;
import org.junit.jupiter.api.Test;

/** The configurable planning time grid ({@code cio.planning.*}): short slots let a site's objective act within minutes. */
class PlanningGridTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final double INF = Double.POSITIVE_INFINITY;
    /** Expensive now, cheap from one minute ahead for one minute, expensive again. */
    private static final SitePlanning TARIFF = new SitePlanning(Objective.TARIFF, StepSeries.EMPTY, StepSeries.EMPTY,
            new StepSeries(List.of(new StepSeries.Point(NOW, 0.40), new StepSeries.Point(NOW.plusSeconds(60), 0.10),
                    new StepSeries.Point(NOW.plusSeconds(120), 0.40))));
    private static final PlanningInput THREE_MINUTES = new PlanningInput(NOW, NOW.plusSeconds(180), 150, 11_000, 0,
            22_000, INF, INF, "gcp-1");

    @Test
    void shortSlotsShiftATariffSitesEnergyIntoTheCheapMinuteAhead() {
        PlanningGrid grid = new PlanningGrid(Duration.ofSeconds(10), Duration.ofMinutes(1));
        PlannedSchedule plan = new FleetOptimizerPlanner(gcp -> TARIFF, grid).plan(THREE_MINUTES);

        assertThat(plan.validUntil()).isEqualTo(NOW.plusSeconds(180));
        assertThat(energyWh(plan, 0, 60)).isZero();
        assertThat(energyWh(plan, 60, 120)).isCloseTo(150, org.assertj.core.data.Offset.offset(1.0));
        assertThat(energyWh(plan, 120, 180)).isLessThan(1);
    }

    @Test
    void theDefaultGridPlansOneFifteenMinuteSlotSoTheEnergyStartsNow() {
        PlannedSchedule plan = new FleetOptimizerPlanner(gcp -> TARIFF, PlanningGrid.DEFAULT).plan(THREE_MINUTES);

        assertThat(plan.validUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(plan.periods()).hasSize(1);
        assertThat(energyWh(plan, 0, 60)).isGreaterThan(0);
    }

    @Test
    void badGridValuesFailWithTheirPropertyName() {
        assertThatThrownBy(() -> new PlanningGrid(Duration.ZERO, Duration.ofMinutes(15)))
                .hasMessageContaining("cio.planning.slot-length");
        assertThatThrownBy(() -> new PlanningGrid(Duration.ofMinutes(15), Duration.ofMillis(1500)))
                .hasMessageContaining("cio.planning.min-horizon");
        assertThatThrownBy(() -> new PlanningGrid(Duration.ofHours(25), Duration.ofMinutes(15)))
                .hasMessageContaining("cio.planning.slot-length");
        assertThat(PlanningGrid.DEFAULT.defaultReplanSlotLength()).isEqualTo(Duration.ofMinutes(5));
    }

    /** The energy the schedule plans between two offsets from its start, Wh. */
    private static double energyWh(PlannedSchedule plan, long from, long to) {
        List<SchedulePeriod> periods = plan.periods();
        long end = Duration.between(plan.startTime(), plan.validUntil()).getSeconds();
        double wh = 0;
        for (int i = 0; i < periods.size(); i++) {
            long a = Math.max(from, periods.get(i).offsetSeconds());
            long b = Math.min(to, i + 1 < periods.size() ? periods.get(i + 1).offsetSeconds() : end);
            wh += Math.max(0, b - a) * periods.get(i).maxPowerW() / 3600.0;
        }
        return wh;
    }
}
