package org.chargeflex.station.charging.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrentLimitsTest {
    @Test
    void powerBecomesCurrentPerPhaseFlooredToATenth() {
        assertThat(CurrentLimits.fromPower(11000, 3, 230, 32)).isEqualTo(15.9); // 15.94
        assertThat(CurrentLimits.fromPower(11040, 3, 230, 32)).isEqualTo(16.0); // exactly 16
        assertThat(CurrentLimits.fromPower(3680, 1, 230, 32)).isEqualTo(16.0);
        assertThat(CurrentLimits.fromPower(7400, 2, 231.2, 32)).isEqualTo(16.0); // 16.003
        assertThat(CurrentLimits.fromPower(11000, 3, 240, 32)).isEqualTo(15.2); // measured voltage counts
    }

    @Test
    void belowSixAmpsIsAPauseAndAboveTheHardwareMaximumIsClamped() {
        assertThat(CurrentLimits.fromPower(4140, 3, 230, 32)).isEqualTo(6.0);
        assertThat(CurrentLimits.fromPower(4100, 3, 230, 32)).isZero(); // 5.94 A
        assertThat(CurrentLimits.fromPower(0, 3, 230, 32)).isZero();
        assertThat(CurrentLimits.fromPower(50000, 3, 230, 32)).isEqualTo(32.0);
        assertThat(CurrentLimits.fromPower(50000, 3, 230, 16.05)).isEqualTo(16.0);
    }

    @Test
    void anImplausibleVoltageIsReplacedByTheNominalOne() {
        assertThat(CurrentLimits.fromPower(11040, 3, 0, 32)).isEqualTo(16.0);
        assertThat(CurrentLimits.fromPower(11040, 3, 4000, 32)).isEqualTo(16.0);
        assertThat(CurrentLimits.fromPower(11040, 3, Double.NaN, 32)).isEqualTo(16.0);
    }
}
