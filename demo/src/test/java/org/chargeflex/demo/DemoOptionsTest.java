package org.chargeflex.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void parsesEveryOption() {
        DemoOptions o = DemoOptions.parse("--stations", "5", "--scenario", "short-3-outlets", "--objective", "peak",
                "--speed", "120", "--minutes", "3", "--grid-limit-kw", "40.5", "--gateway", "--keep-running");
        assertThat(o).isEqualTo(new DemoOptions(5, "short-3-outlets", DemoOptions.Objective.PEAK, 120, 3, 40.5, true,
                true));
    }

    @Test
    void theGatewayRunsByDefaultAndNoGatewayLeavesItOut() {
        assertThat(DemoOptions.parse().gateway()).isTrue();
        assertThat(DemoOptions.parse("--gateway").gateway()).isTrue();
        assertThat(DemoOptions.parse("--no-gateway").gateway()).isFalse();
        assertThat(DemoOptions.parse("--no-gateway", "--stations", "2"))
                .isEqualTo(new DemoOptions(2, "fleet-day", DemoOptions.Objective.PEAK, 240, 0, 80, false, false));
    }

    @Test
    void noArgumentsAreTheDefaultsAndHelpIsNull() {
        assertThat(DemoOptions.parse()).isEqualTo(DemoOptions.defaults());
        assertThat(DemoOptions.parse("--help")).isNull();
    }

    @Test
    void badInputNamesTheOption() {
        assertThatThrownBy(() -> DemoOptions.parse("--stations", "0")).hasMessageContaining("--stations must be 1..20");
        assertThatThrownBy(() -> DemoOptions.parse("--speed", "fast")).hasMessageContaining("--speed needs a number");
        assertThatThrownBy(() -> DemoOptions.parse("--objective", "CHEAP")).hasMessageContaining("PEAK, RENEWABLE or TARIFF");
        assertThatThrownBy(() -> DemoOptions.parse("--grid-limit-kw")).hasMessageContaining("--grid-limit-kw needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--frobnicate")).hasMessageContaining("unknown option '--frobnicate'");
    }

    @Test
    void everyObjectiveIsAcceptedInAnyCase() {
        assertThat(DemoOptions.parse("--objective", "tariff").objective()).isEqualTo(DemoOptions.Objective.TARIFF);
        assertThat(DemoOptions.parse("--objective", "Renewable").objective()).isEqualTo(DemoOptions.Objective.RENEWABLE);
        assertThat(DemoOptions.parse("--objective", "PEAK").objective()).isEqualTo(DemoOptions.Objective.PEAK);
    }

    @Test
    void theCiosPlanningGridIsAQuarterOfAnHourInCompressedTime() {
        assertThat(DemoOptions.parse("--speed", "240").planningGrid()).isEqualTo(Duration.ofSeconds(4)); // 3.75 s
        assertThat(DemoOptions.parse("--speed", "1").planningGrid()).isEqualTo(Duration.ofMinutes(15));
        assertThat(DemoOptions.parse("--speed", "3600").planningGrid()).isEqualTo(Duration.ofSeconds(1));
        assertThat(DemoOptions.parse("--speed", "240").replanDebounce()).isEqualTo(Duration.ofMillis(1250));
        assertThat(DemoOptions.parse("--speed", "240").pollInterval()).isEqualTo(Duration.ofSeconds(1)); // 1.25 s
        assertThat(DemoOptions.parse("--speed", "10").pollInterval()).isEqualTo(Duration.ofSeconds(30));
    }
}
