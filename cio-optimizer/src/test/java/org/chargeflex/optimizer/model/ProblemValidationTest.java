package org.chargeflex.optimizer.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProblemValidationTest {
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void builderRefusesInconsistentProblemsWithClearMessages() {
        LimitNode g = LimitNode.builder("g", 4).maxPowerW(10_000).build();
        assertThatThrownBy(() -> Problem.builder(T0, 4).node(g).node(g).build()).hasMessage("node id 'g' is used twice");
        assertThatThrownBy(() -> Problem.builder(T0, 4)
                .node(LimitNode.builder("a", 4).parent("b").maxPowerW(1).build())
                .node(LimitNode.builder("b", 4).parent("a").maxPowerW(1).build()).build())
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> Problem.builder(T0, 4).node(g).session(Session.builder("s").node("x")
                .window(T0, T0.plusSeconds(3600)).energyWh(1).maxPowerW(1).build()).build())
                .hasMessage("session s: node 'x' is not a node");
        assertThatThrownBy(() -> Problem.builder(T0, 4).node(g).objective(Objective.TARIFF).build())
                .hasMessage("objective TARIFF needs priceEurPerKWh");
        assertThatThrownBy(() -> Session.builder("s").node("g").window(T0, T0.plusSeconds(60)).energyWh(1).build())
                .hasMessage("session s: maxPowerW is required");
        assertThatThrownBy(() -> Session.builder("s").node("g").window(T0.plusSeconds(60), T0).maxPowerW(1).build())
                .hasMessageContaining("is before arrival");
        assertThatThrownBy(() -> Session.builder("s").node("g").window(T0, T0.plusSeconds(60)).power(5_000, 4_000).build())
                .hasMessageContaining("minPowerW (5000.0) exceeds");
        assertThatThrownBy(() -> LimitNode.builder("g", 4).maxPowerW(-1)).hasMessageContaining("maxPowerW must be a finite number >= 0");
    }
}
