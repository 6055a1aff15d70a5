package org.chargeflex.m3b.itest;

import static org.assertj.core.api.Assertions.assertThat;

import org.chargeflex.m3b.simulator.EvSpec;
import org.chargeflex.m3b.simulator.M3bSimulator;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;

/** The steps of a charge as the station takes them, all through the data manager's channels. */
final class Charging {
    static final EvSpec EV = EvSpec.builder().capacityWh(60_000).soc(0.3).maxCurrent(32).phases(3)
            .userId("04A1B2C3").reactionDelayMillis(100).build();

    private Charging() {
    }

    static String text(Value v) {
        return v == null ? null : v.asString();
    }

    /** Waits until the data manager reads the CP state through the driver. */
    static void awaitCp(M3bStation station, String state) {
        Await.until("CP state " + state, () -> state.equals(text(station.read("outlet1/cp_state"))));
    }

    /**
     * The EV (already plugged in) is offered {@code limit} A and the contactor closes: the board's PWM advertises
     * at most the limit and the EV draws current.
     */
    static void start(M3bStation station, M3bSimulator sim, double limit) {
        awaitCp(station, "B");
        assertThat(station.write("outlet1/current_limit", Value.of(limit))).isEqualTo(Flag.VALID);
        assertThat(sim.outlet(1).status().pwm().currentLimit()).isBetween(limit - 0.6, limit);
        awaitCp(station, "C");
        assertThat(station.write("outlet1/contactor", Value.of(true))).isEqualTo(Flag.VALID);
        assertThat(sim.outlet(1).status().contactorClosed()).isTrue();
        Await.until("EV draws current", () -> sim.outlet(1).meter().current(1) > 0);
    }

    /** The sampled energy channel moves past its current value. */
    static void awaitEnergyGrows(M3bStation station) {
        Value before = station.read("outlet1/energy_sampled");
        long from = before == null ? 0 : before.asLong();
        Await.until("sampled energy grows past " + from, () -> {
            var r = station.latest("outlet1/energy_sampled");
            return r.isValid() && r.getValue().asLong() > from;
        });
    }
}
