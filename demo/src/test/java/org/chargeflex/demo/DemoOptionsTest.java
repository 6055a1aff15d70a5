package org.chargeflex.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void objectivesThatTheCioCannotPlanPerRunAreRefusedBeforeAnythingStarts() {
        DemoOptions renewable = new DemoOptions(1, "short-3-outlets", DemoOptions.Objective.RENEWABLE, 60, 0, 50, false,
                false);
        assertThatThrownBy(() -> new DemoSystem(renewable, System.out)).hasMessageContaining("PEAK objective only");
    }
}
