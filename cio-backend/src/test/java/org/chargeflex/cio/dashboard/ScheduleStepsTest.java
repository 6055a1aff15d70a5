package org.chargeflex.cio.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.dashboard.DashboardSummary.SchedulePeriod;
import org.junit.jupiter.api.Test;

class ScheduleStepsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void aNewVersionCutsThePreviousOneAtItsStart() {
        ScheduleSteps.Version v1 = new ScheduleSteps.Version(1, T0, T0.plusSeconds(7200), new long[] {0, 1800, 3600},
                new double[] {11_000, 7_000, 3_000});
        ScheduleSteps.Version v2 = new ScheduleSteps.Version(2, T0.plusSeconds(2400), T0.plusSeconds(6000),
                new long[] {0, 600}, new double[] {5_000, 0});

        List<SchedulePeriod> steps = ScheduleSteps.effective(List.of(v1, v2));

        assertThat(steps).containsExactly(
                new SchedulePeriod(T0, T0.plusSeconds(1800), 11_000, 1),
                new SchedulePeriod(T0.plusSeconds(1800), T0.plusSeconds(2400), 7_000, 1),
                new SchedulePeriod(T0.plusSeconds(2400), T0.plusSeconds(3000), 5_000, 2),
                new SchedulePeriod(T0.plusSeconds(3000), T0.plusSeconds(6000), 0, 2));
    }

    @Test
    void aVersionEndsAtItsValidityEvenIfTheNextStartsLater() {
        ScheduleSteps.Version v1 = new ScheduleSteps.Version(1, T0, T0.plusSeconds(600), new long[] {0},
                new double[] {4_000});
        ScheduleSteps.Version v2 = new ScheduleSteps.Version(2, T0.plusSeconds(900), T0.plusSeconds(1200),
                new long[] {0}, new double[] {2_000});

        assertThat(ScheduleSteps.effective(List.of(v1, v2))).containsExactly(
                new SchedulePeriod(T0, T0.plusSeconds(600), 4_000, 1),
                new SchedulePeriod(T0.plusSeconds(900), T0.plusSeconds(1200), 2_000, 2));
    }

    @Test
    void noVersionsNoPeriods() {
        assertThat(ScheduleSteps.effective(List.of())).isEmpty();
    }
}
