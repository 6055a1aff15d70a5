package org.chargeflex.m3b.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chargeflex.m3b.protocol.CpState;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void parsesAndRunsAScenario() throws Exception {
        Scenario s = Scenario.parse("""
                {"outlets": 1, "timeScale": 30, "boardInterlock": false,
                 "steps": [
                   {"atMillis": 50, "action": "cpShort", "outlet": 1},
                   {"atMillis": 0, "action": "plugIn", "outlet": 1,
                    "ev": {"capacityWh": 50000, "soc": 0.4, "maxCurrent": 16, "phases": 1, "userId": "CAFE01"}},
                   {"atMillis": 60, "action": "canFromEv", "canId": "0x18FF50E5", "extended": true, "data": "0102"}
                 ]}""");
        assertThat(s.outlets()).isEqualTo(1);
        assertThat(s.timeScale()).isEqualTo(30);
        assertThat(s.boardInterlock()).isFalse();
        assertThat(s.actions()).extracting(Scenario.TimedAction::atMillis).containsExactly(0L, 50L, 60L);

        try (M3bSimulator sim = M3bSimulator.builder().outlets(s.outlets()).build();
                ScenarioRunner runner = new ScenarioRunner(s, sim)) {
            Poll.until("short injected", () -> sim.outlet(1).status().cpState() == CpState.E);
            assertThat(sim.outlet(1).status().userId()).isEqualTo("CAFE01");
            assertThat(sim.outlet(1).evSoc()).isGreaterThanOrEqualTo(0.4);
        }
    }

    @Test
    void badScenariosNameTheStepAndTheProblem() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"atMillis\": 0, \"action\": \"fly\"}]}"))
                .hasMessageStartingWith("steps[0]: unknown action 'fly'");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"atMillis\": 0, \"action\": \"plugIn\"}]}"))
                .hasMessage("steps[0]: plugIn needs an 'ev' object");
        assertThatThrownBy(() -> Scenario.parse("{\"outlets\": 1, \"steps\": [{\"atMillis\": 0,"
                + " \"action\": \"unplug\", \"outlet\": 2}]}")).hasMessage("steps[0]: 'outlet' must be 1..1, got 2");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"action\": \"unplug\"}]}"))
                .hasMessage("steps[0]: 'atMillis' (>= 0) is required");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"atMillis\": 0, \"action\": \"plugIn\","
                + " \"ev\": {\"soc\": 2}}]}")).hasMessage("steps[0]: EV state of charge must be 0..1, got 2.0");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"atMillis\": 0, \"action\": \"dropFrames\"}]}"))
                .hasMessage("steps[0]: 'count' is required for action 'dropFrames'");
        assertThatThrownBy(() -> Scenario.parse("{\"outlet\": 3}"))
                .hasMessageContaining("unknown field 'outlet'");
        assertThatThrownBy(() -> Scenario.parse("{nope")).hasMessageStartingWith("scenario is not valid JSON");
    }

    @Test
    void commandLineOptionsAreChecked() {
        assertThat(Main.Options.parse(new String[] {"--tcp", "0", "--outlets", "3"}).outlets()).isEqualTo(3);
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--tcp", "99999"}))
                .hasMessage("--tcp must be an integer 0..65535, got '99999'");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--bogus", "1"})).hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--pty"})).hasMessage("option --pty needs a value");
    }
}
