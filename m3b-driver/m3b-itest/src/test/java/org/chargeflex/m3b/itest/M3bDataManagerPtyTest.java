package org.chargeflex.m3b.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.chargeflex.m3b.simulator.M3bSimulator;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data manager with the M3B driver on a real serial port (jSerialComm) to the simulated board on a
 * pseudo-terminal made by socat; skipped where socat is not installed (CI installs it in .ci/run).
 */
class M3bDataManagerPtyTest {
    @TempDir
    Path dir;
    private M3bSimulator sim;
    private M3bStation station;

    @AfterEach
    void stop() {
        if (station != null) {
            station.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void chargesOverASerialPortAndRecoversWhenTheLineDrops() throws Exception {
        assumeTrue(M3bSimulator.ptySupported(),
                "socat is not installed: skipping the pty test (apt-get install socat; CI installs it in .ci/run)");
        sim = M3bSimulator.builder().outlets(1).timeScale(60).tickMillis(20).build();
        Path pty = sim.startPty(dir.resolve("ttyM3B"));
        Map<String, String> settings = ChannelsFile.fastSettings();
        settings.put("baudRate", "115200");
        settings.put("dataBits", "8");
        settings.put("parity", "none");
        settings.put("stopBits", "1");
        station = M3bStation.start(dir, ChannelsFile.m3b(pty.toString(), settings));
        Charging.awaitCp(station, "A");

        sim.plugIn(1, Charging.EV);
        Charging.start(station, sim, 16);
        Await.until("pushed current below the limit", () -> station.latest("outlet1/current_l1").isValid()
                && station.latest("outlet1/current_l1").getValue().asDouble() > 0);
        assertThat(station.latest("outlet1/current_l1").getValue().asDouble()).isLessThanOrEqualTo(15.96);
        RecordLog energy = station.listen("outlet1/energy");
        Await.until("pushed energy grows", () -> energy.validLongs().size() >= 2
                && energy.validLongs().get(energy.validLongs().size() - 1) > energy.validLongs().get(0));
        Charging.awaitEnergyGrows(station);

        // the line drops (socat ends); the data manager reopens the serial port once it is back
        RecordLog sampled = station.listen("outlet1/energy_sampled");
        sim.disconnectHost();
        Await.until("flagged, then valid again", () -> sampled.flaggedThenValidSince(0));
        Await.until("link loss counted", () -> station.read("board1/link_losses") != null
                && station.read("board1/link_losses").asLong() >= 1);
        assertThat(station.write("outlet1/current_limit", Value.of(10.0))).isEqualTo(Flag.VALID);
        assertThat(sim.outlet(1).status().pwm().currentLimit()).isBetween(9.4, 10.0);
        assertThat(station.write("outlet1/current_limit", Value.of(40.0))).isEqualTo(Flag.INVALID_VALUE);
    }
}
