package org.chargeflex.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The whole system as {@code Main} runs it: the CIO backend jar (embedded PostgreSQL), three station firmware
 * processes on simulated boards playing the short fleet scenario (18 EV visits) under a shared grid limit that the
 * uncontrolled fleet would exceed. Checks the summary against the CIO's data and the boards' meters.
 */
class WholeSystemIT {

    @Test
    void threeStationsDeliverAllFeasibleEnergyUnderTheGridLimitWithoutLosingMeterRecords() throws Exception {
        FleetPlan plan = FleetPlan.load("short-3-outlets", 3);
        // the limit: what the flat plans need together (+5 %), below the uncontrolled peak
        double limitKw = Math.ceil(plan.flatPeakW(DemoStation.MARGIN) * 1.05 / 1000);
        assertThat(limitKw * 1000).as("the grid limit must bind the uncontrolled fleet").isLessThan(plan.uncontrolledPeakW());
        DemoOptions options = new DemoOptions(3, "short-3-outlets", DemoOptions.Objective.PEAK, 360, 0, limitKw, false, false);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Summary summary;
        try (DemoSystem system = new DemoSystem(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            system.start();
            assertThat(system.loginBanner()).contains("/dashboard").contains("user 'operator'");
            summary = system.run(5);
        }
        String report = console.toString(StandardCharsets.UTF_8) + summary.format();
        Files.writeString(Path.of(System.getProperty("work.dir", "target/demo-it"), "summary.txt"), report);

        assertThat(summary.sessions()).as(report).hasSize(plan.visits().size());
        assertThat(summary.sessions()).as(report)
                .allSatisfy(s -> assertThat(s.feasibleDelivered(DemoSystem.ENERGY_TOLERANCE))
                        .as("%s got %.0f Wh of %.0f Wh feasible", s.visit().label(), s.deliveredWh(), s.feasibleWh())
                        .isTrue());
        // some EVs are too slow for their stay: their shortfall is what their windows and maximum powers made infeasible
        assertThat(summary.infeasibleWh()).as(report).isPositive();
        assertThat(summary.deliveredTowardsDemandWh()).as(report)
                .isGreaterThanOrEqualTo(summary.gridFeasibleWh() * (1 - DemoSystem.ENERGY_TOLERANCE));

        assertThat(summary.measuredPeakW()).as(report).isPositive()
                .isLessThanOrEqualTo(summary.gridLimitW() + summary.toleranceW());
        assertThat(summary.intervalsOverLimit()).as(report).isZero();
        assertThat(summary.measuredPeakW()).as(report).isLessThan(summary.uncontrolledPeakW());

        assertThat(summary.meters()).as(report).hasSize(3).allSatisfy(m -> {
            assertThat(m.lastSeq()).as(m.stationId() + " wrote meter records").isPositive();
            assertThat(m.deliveredSeq()).as(m.stationId() + " delivered all").isEqualTo(m.lastSeq());
            assertThat(m.dropped()).as(m.stationId() + " dropped").isZero();
            assertThat(m.missing()).as(m.stationId() + " records missing at the CIO").isEmpty();
            assertThat(m.stored()).as(m.stationId() + " stored").isEqualTo(m.lastSeq() + 1);
        });
        assertThat(summary.recordsLost()).isZero();
    }
}
