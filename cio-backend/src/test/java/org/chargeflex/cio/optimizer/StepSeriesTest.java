package org.chargeflex.cio.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.chargeflex.optimizer.model.Objective;
import org.junit.jupiter.api.Test;

class StepSeriesTest {
    private static final Instant T = Instant.parse("2026-11-25T00:00:00Z");
    private static final StepSeries SERIES = new StepSeries(List.of(new StepSeries.Point(T, 10),
            new StepSeries.Point(T.plusSeconds(600), 40)));

    @Test
    void eachValueHoldsUntilTheNextStepAndTheLastFromThenOn() {
        assertThat(SERIES.valueAt(T.minusSeconds(1), 7)).isEqualTo(7);
        assertThat(SERIES.valueAt(T, 7)).isEqualTo(10);
        assertThat(SERIES.valueAt(T.plusSeconds(599), 7)).isEqualTo(10);
        assertThat(SERIES.valueAt(T.plusSeconds(86_400), 7)).isEqualTo(40);
    }

    @Test
    void aSlotAcrossAStepAveragesByTimeAndItsMaximumIsTheHigherValue() {
        assertThat(SERIES.average(T.plusSeconds(300), T.plusSeconds(900), 0)).isEqualTo(25);
        assertThat(SERIES.average(T.minusSeconds(600), T.plusSeconds(600), 0)).isEqualTo(5);
        assertThat(SERIES.max(T.plusSeconds(300), T.plusSeconds(900), 0)).isEqualTo(40);
        assertThat(SERIES.max(T, T.plusSeconds(600), 0)).as("a step at the slot's end is not in it").isEqualTo(10);
    }

    @Test
    void anObjectiveWithoutItsSeriesPlansPeak() {
        assertThat(new SitePlanning(Objective.TARIFF, StepSeries.EMPTY, SERIES, StepSeries.EMPTY).effectiveObjective())
                .isEqualTo(Objective.PEAK);
        assertThat(new SitePlanning(Objective.TARIFF, StepSeries.EMPTY, StepSeries.EMPTY, SERIES).effectiveObjective())
                .isEqualTo(Objective.TARIFF);
        assertThat(SitePlanning.DEFAULT.isDefault()).isTrue();
        assertThat(new SitePlanning(Objective.PEAK, SERIES, StepSeries.EMPTY, StepSeries.EMPTY).isDefault()).isFalse();
    }
}
