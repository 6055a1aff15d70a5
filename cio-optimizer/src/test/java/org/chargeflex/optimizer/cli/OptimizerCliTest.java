package org.chargeflex.optimizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chargeflex.optimizer.scenario.ResultFile;
import org.chargeflex.optimizer.scenario.ScenarioIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return OptimizerCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void plansAScenarioFileAndWritesSchedulesAndSummary(@TempDir Path dir) throws Exception {
        Path result = dir.resolve("schedules.json");
        assertThat(run("src/test/resources/scenarios/overloaded-station-fair-share.json", "--out", result.toString())).isZero();
        ResultFile r = ScenarioIo.readResult(result);
        assertThat(r.schedules()).hasSize(3);
        assertThat(r.summary().shortfallWh()).isCloseTo(22_000, org.assertj.core.api.Assertions.within(0.01));
        assertThat(r.summary().peakW()).isLessThanOrEqualTo(11_000.001);
        assertThat(r.schedules().get(0).ocpp().chargingRateUnit()).isEqualTo("W");
    }

    @Test
    void generatesAFleetThatPlansAgain(@TempDir Path dir) {
        Path scenario = dir.resolve("fleet.json");
        assertThat(run("--generate", "50", "--seed", "3", "--objective", "TARIFF", "--out", scenario.toString())).isZero();
        assertThat(run(scenario.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"objective\" : \"TARIFF\"").contains("\"costEur\"");
    }

    @Test
    void badInputGivesExitCode2AndWritesNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"start\":\"2026-11-25T00:00:00Z\",\"slots\":0,\"nodes\":[],\"sessions\":[]}");
        Path result = dir.resolve("out.json");
        assertThat(run(bad.toString(), "--out", result.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("slots must be 1 to 100000, was 0");
        assertThat(result).doesNotExist();
        assertThat(run("--flatten-rounds", "x", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--flatten-rounds must be a whole number");
        assertThat(run()).isEqualTo(2);
    }
}
