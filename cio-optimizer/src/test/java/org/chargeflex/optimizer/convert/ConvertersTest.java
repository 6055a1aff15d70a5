package org.chargeflex.optimizer.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.SessionPlan;
import org.junit.jupiter.api.Test;

class ConvertersTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final Session session = Session.builder("s").node("st").window(T0, T0.plusSeconds(3600)).energyWh(5_000)
            .power(4_140, 11_000).phases(3).build();
    private final Problem problem = Problem.builder(T0, 4).node(LimitNode.builder("st", 4).maxPowerW(22_000).build())
            .session(session).build();
    private final SessionPlan plan = new SessionPlan("s", new double[] {11_000, 11_000, 6_900.04, 0}, 7_225, 0);

    @Test
    void ocppInWattsMergesEqualSlotsAndRoundsDown() {
        OcppChargingSchedule s = OcppConverter.convert(problem, session, plan, OcppConverter.Unit.W);
        assertThat(s.chargingRateUnit()).isEqualTo("W");
        assertThat(s.startSchedule()).isEqualTo(T0);
        assertThat(s.duration()).isEqualTo(3600);
        assertThat(s.chargingSchedulePeriod()).containsExactly(new OcppChargingSchedulePeriod(0, 11_000, 3),
                new OcppChargingSchedulePeriod(1800, 6_900, 3), new OcppChargingSchedulePeriod(2700, 0, 3));
        assertThat(s.minChargingRate()).isEqualTo(4_140);
    }

    @Test
    void ocppInAmperesPerPhaseAt230V() {
        OcppChargingSchedule s = OcppConverter.convert(problem, session, plan, OcppConverter.Unit.A);
        assertThat(s.chargingSchedulePeriod().get(0).limit()).isEqualTo(15.9); // 11 kW / 3 / 230 V = 15.94 A
        assertThat(s.chargingSchedulePeriod().get(1).limit()).isEqualTo(10.0);
        assertThat(s.minChargingRate()).isEqualTo(6.0);
    }

    @Test
    void iso15118PMaxScheduleHasRelativeIntervalsAndSixteenBitValues() {
        PMaxSchedule s = Iso15118Converter.convert(problem, plan, 1);
        assertThat(s.pMaxScheduleEntry()).hasSize(3);
        PMaxScheduleEntry first = s.pMaxScheduleEntry().get(0);
        assertThat(first.relativeTimeInterval()).isEqualTo(new RelativeTimeInterval(0, null));
        assertThat(first.pMax()).isEqualTo(new PhysicalValue(0, "W", 11_000));
        assertThat(s.pMaxScheduleEntry().get(1).pMax().asDouble()).isEqualTo(6_900);
        assertThat(s.pMaxScheduleEntry().get(2).relativeTimeInterval()).isEqualTo(new RelativeTimeInterval(2700, 900L));
        assertThat(PhysicalValue.wattsAtMost(150_000)).isEqualTo(new PhysicalValue(1, "W", 15_000));
        assertThat(PhysicalValue.wattsAtMost(150_000).asDouble()).isLessThanOrEqualTo(150_000);
    }

    @Test
    void mismatchedPlanIsRefused() {
        SessionPlan other = new SessionPlan("x", new double[4], 0, 0);
        assertThatThrownBy(() -> OcppConverter.convert(problem, session, other, OcppConverter.Unit.W))
                .hasMessage("plan of x given for session s");
        assertThatThrownBy(() -> Iso15118Converter.convert(problem, plan, 0)).hasMessageContaining("1 to 255");
    }
}
