package org.chargeflex.m3b.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled demo scenario (a shared-use fleet on three outlets) parses and describes a plausible day. */
class DemoScenarioTest {

    static String resource(String name) throws IOException {
        try (InputStream in = DemoScenarioTest.class.getResourceAsStream("/scenarios/" + name)) {
            assertThat(in).as("resource scenarios/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fleetScenarioHasThreeOutletsWhereEveryArrivalLeavesAgain() throws IOException {
        Scenario s = Scenario.parse(resource("fleet-3-outlets.json"));
        assertThat(s.outlets()).isEqualTo(3);
        Map<String, Boolean> occupied = new HashMap<>();
        int arrivals = 0;
        for (Scenario.TimedAction a : s.actions()) {
            String outlet = a.description().substring(a.description().indexOf('('));
            if (a.description().startsWith("plugIn")) {
                assertThat(occupied.put(outlet, true)).as("%s at %d ms: outlet already taken", outlet, a.atMillis())
                        .isNotEqualTo(Boolean.TRUE);
                arrivals++;
            } else if (a.description().startsWith("unplug")) {
                assertThat(occupied.put(outlet, false)).as("%s at %d ms: nobody to leave", outlet, a.atMillis())
                        .isTrue();
            }
        }
        assertThat(occupied).hasSize(3).allSatisfy((outlet, taken) -> assertThat(taken).as(outlet).isFalse());
        assertThat(arrivals).isGreaterThanOrEqualTo(6);
    }

    @Test
    void fleetScenarioRunsAgainstTheSimulator() throws IOException {
        Scenario s = Scenario.parse(resource("fleet-3-outlets.json"));
        try (M3bSimulator sim = M3bSimulator.builder().outlets(s.outlets()).timeScale(s.timeScale()).build();
                ScenarioRunner runner = new ScenarioRunner(s, sim)) {
            Poll.until("first EV plugged in", () -> sim.outlet(1).evSoc() >= 0);
            assertThat(sim.outlet(1).status().userId()).isEqualTo("04A1B2C3D4");
        }
    }
}
