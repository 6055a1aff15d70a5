package org.chargeflex.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FleetPlanTest {
    /** Two EVs on two outlets, times at timeScale 60: atMillis 60000 = one simulated hour. */
    static final String TWO_EVS = """
            {"outlets":2,"timeScale":60,"steps":[
             {"atMillis":0,"action":"plugIn","outlet":1,
              "ev":{"capacityWh":50000,"soc":0.4,"maxCurrent":16,"phases":3,"userId":"04AA"}},
             {"atMillis":60000,"action":"plugIn","outlet":2,
              "ev":{"capacityWh":20000,"soc":0.0,"maxCurrent":10,"phases":1,"userId":"04BB"}},
             {"atMillis":240000,"action":"unplug","outlet":1}
            ]}""";

    @Test
    void visitsWithDemandWindowAndPowerPerStationShiftedByTheStagger() {
        FleetPlan plan = FleetPlan.parse("two", TWO_EVS, 2);
        List<Visit> visits = plan.visits();
        assertThat(visits).hasSize(4);
        Visit first = visits.get(0);
        assertThat(first.arrivalMs()).isZero();
        assertThat(first.departureMs()).isEqualTo(4 * 3_600_000L);
        assertThat(first.demandWh()).isCloseTo(20_000, within(1e-6)); // 50 kWh from 40 % to 80 %
        assertThat(first.maxPowerW()).isCloseTo(16 * 3 * 230, within(1e-6));
        assertThat(first.neededPowerW()).isCloseTo(5_000, within(1e-6));
        // the EV that is never unplugged stays until the last step (station 2's unplug)
        Visit never = visits.stream().filter(v -> v.station() == 0 && v.outlet() == 2).findFirst().orElseThrow();
        assertThat(never.departureMs()).isEqualTo(plan.endMs()).isEqualTo(4 * 3_600_000L + FleetPlan.STAGGER_MS);
        assertThat(visits.stream().filter(v -> v.station() == 1).mapToLong(Visit::arrivalMs).min().orElseThrow())
                .isEqualTo(FleetPlan.STAGGER_MS);
        assertThat(plan.steps(1)).hasSize(3);
    }

    @Test
    void feasibleEnergyIsCappedByTheEvsPowerOverItsStay() {
        Visit slow = new Visit(0, 1, 0, 3_600_000, 40_000, 0.0, 10, 1); // 32 kWh wanted, 2.3 kW for 1 h
        assertThat(slow.feasibleWh(0)).isCloseTo(2_300, within(1e-6));
        assertThat(slow.feasibleWh(1_800_000)).isCloseTo(1_150, within(1e-6));
    }

    @Test
    void uncontrolledPeakAddsFullPowersOfOverlappingEvsFlatPeakTheirNeeds() {
        FleetPlan plan = FleetPlan.parse("two", TWO_EVS, 1);
        // EV1 11.04 kW for 20 kWh (1.81 h from 0), EV2 2.3 kW from 1 h: both at 1 h
        assertThat(plan.uncontrolledPeakW()).isCloseTo(11_040 + 2_300, within(1e-6));
        // EV1 needs 5 kW over 4 h; EV2 needs 16 kWh over 3 h = 5.33 kW, more than its 2.3 kW maximum
        assertThat(plan.flatPeakW(1.0)).isCloseTo(5_000 + 2_300, within(1e-6));
    }

    @Test
    void aBadScenarioIsRefusedWithTheSimulatorsMessage() {
        assertThatThrownBy(() -> FleetPlan.parse("bad", "{\"outlets\":1,\"steps\":[{\"atMillis\":0,\"action\":\"fly\"}]}", 1))
                .hasMessageContaining("steps[0]").hasMessageContaining("unknown action 'fly'");
        assertThatThrownBy(() -> FleetPlan.load("no-such-scenario", 1)).hasMessageContaining("no file 'no-such-scenario'");
    }
}
