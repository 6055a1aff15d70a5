package org.chargeflex.optimizer.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.Plan;
import org.chargeflex.optimizer.support.PlanChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFilesTest {
    static Stream<Path> scenarios() throws Exception {
        return Files.list(Path.of("src/test/resources/scenarios")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyShippedScenarioPlansWithinAllLimits(Path file) throws Exception {
        Problem p = ScenarioIo.read(file).toProblem();
        Plan plan = Optimizer.create().plan(p);
        PlanChecks.assertFeasible(plan);
        assertThat(plan.summary().peakW()).isLessThanOrEqualTo(plan.summary().uncontrolledPeakW() + 1e-3);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenarioRoundTripsThroughJson(Path file, @TempDir Path dir) throws Exception {
        Problem p = ScenarioIo.read(file).toProblem();
        Path copy = dir.resolve("copy.json");
        ScenarioIo.write(ScenarioFile.of("copy", p), copy);
        Problem again = ScenarioIo.read(copy).toProblem();
        assertThat(again.sessions()).isEqualTo(p.sessions());
        assertThat(again.nodes()).isEqualTo(p.nodes());
        assertThat(again.renewableW()).containsExactly(p.renewableW());
        assertThat(again.priceEurPerKWh()).containsExactly(p.priceEurPerKWh());
        assertThat(again.objective()).isEqualTo(p.objective());
        assertThat(again.slotLength()).isEqualTo(p.slotLength());
    }

    @Test
    void malformedScenarioNamesTheProblem() {
        assertThatThrownBy(() -> ScenarioIo.parse("{\"start\":\"2026-11-25T00:00:00Z\",\"slots\":4,\"colour\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        String noLimit = """
                {"start":"2026-11-25T00:00:00Z","slots":2,"nodes":[{"id":"g"}],"sessions":[]}""";
        assertThatThrownBy(() -> ScenarioIo.parse(noLimit).toProblem())
                .hasMessage("node g: give exactly one of maxPowerW and maxPowerProfileW");
        String badParent = """
                {"start":"2026-11-25T00:00:00Z","slots":2,"nodes":[{"id":"g","parent":"x","maxPowerW":1}],"sessions":[]}""";
        assertThatThrownBy(() -> ScenarioIo.parse(badParent).toProblem()).hasMessage("node g: parent 'x' is not a node");
        String shortSeries = """
                {"start":"2026-11-25T00:00:00Z","slots":2,"nodes":[{"id":"g","maxPowerW":1,"baseLoadW":[1]}],"sessions":[]}""";
        assertThatThrownBy(() -> ScenarioIo.parse(shortSeries).toProblem())
                .hasMessage("node g: baseLoadW must have one value per slot (2), had 1");
    }
}
