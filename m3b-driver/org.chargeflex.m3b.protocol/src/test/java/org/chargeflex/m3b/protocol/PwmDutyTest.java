package org.chargeflex.m3b.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PwmDutyTest {

    @ParameterizedTest
    @CsvSource({"10, 6.0", "16, 9.6", "25, 15.0", "50, 30.0", "85, 51.0", "86, 55.0", "90, 65.0", "96, 80.0"})
    void dutyAdvertisesTheCurrentOfIec61851(double percent, double amps) {
        assertThat(PwmDuty.ofPercent(percent).currentLimit()).isCloseTo(amps, within(1e-9));
        assertThat(PwmDuty.ofPercent(percent).allowsCharging()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"6, 100", "16, 266", "32, 533", "51, 850", "52, 850", "63, 892", "80, 960"})
    void limitBecomesTheLargestDutyNotAboveIt(double amps, int permille) {
        PwmDuty d = PwmDuty.forCurrentLimit(amps);
        assertThat(d.permille()).isEqualTo(permille);
        assertThat(d.currentLimit()).isLessThanOrEqualTo(amps);
    }

    @Test
    void specialDutiesAdvertiseNoCurrent() {
        assertThat(PwmDuty.ofPercent(100)).isEqualTo(PwmDuty.NO_CHARGING);
        assertThat(PwmDuty.NO_CHARGING.currentLimit()).isZero();
        assertThat(PwmDuty.NO_CHARGING.allowsCharging()).isFalse();
        assertThat(PwmDuty.ofPercent(5).isDigitalCommunication()).isTrue();
        assertThat(PwmDuty.DIGITAL_COMMUNICATION.currentLimit()).isZero();
        assertThat(PwmDuty.forCurrentLimit(0)).isEqualTo(PwmDuty.NO_CHARGING);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 4, 9.9, 96.1, 97, 99.9, 101, -5, Double.NaN})
    void dutiesOutsideTheStandardAreRefused(double percent) {
        assertThatThrownBy(() -> PwmDuty.ofPercent(percent)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PWM duty");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 5.99, 80.01, 100, -6, Double.POSITIVE_INFINITY})
    void limitsOutsideTheStandardAreRefused(double amps) {
        assertThatThrownBy(() -> PwmDuty.forCurrentLimit(amps)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6.0..80.0 A");
    }
}
