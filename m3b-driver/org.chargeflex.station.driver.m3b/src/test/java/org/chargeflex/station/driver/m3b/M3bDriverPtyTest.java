package org.chargeflex.station.driver.m3b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.chargeflex.station.driver.m3b.DriverFixture.number;
import static org.chargeflex.station.driver.m3b.DriverFixture.read;
import static org.chargeflex.station.driver.m3b.DriverFixture.tryRead;
import static org.chargeflex.station.driver.m3b.DriverFixture.write;

import java.nio.file.Path;
import java.util.Map;
import org.chargeflex.m3b.simulator.EvSpec;
import org.chargeflex.m3b.simulator.M3bSimulator;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver on a real serial port (jSerialComm) to the simulated board on a pseudo-terminal made by socat. */
class M3bDriverPtyTest {

    @Test
    void chargesOverASerialPortAndReopensIt(@TempDir Path dir) throws Exception {
        assumeTrue(M3bSimulator.ptySupported(), "socat is not installed; the pty test needs it (apt-get install socat)");
        M3bDriver driver = new M3bDriver();
        try (M3bSimulator sim = M3bSimulator.builder().outlets(1).timeScale(60).tickMillis(20).build()) {
            Path pty = sim.startPty(dir.resolve("m3b-pty"));
            Map<String, String> settings = new java.util.HashMap<>(DriverFixture.fastSettings("32"));
            settings.put("baudRate", "115200");
            settings.put("parity", "none");
            settings.put("dataBits", "8");
            settings.put("stopBits", "1");
            DeviceConfig device = new DeviceConfig("pty", pty.toString(), settings);

            Connection c = driver.connect(device);
            sim.plugIn(1, EvSpec.builder().soc(0.2).reactionDelayMillis(100).build());
            Poll.until("CP state B", () -> "B".equals(str(tryRead(c, "cp_state"))));
            assertThat(write(c, "current_limit", Value.of(10.0))).isEqualTo(Flag.VALID);
            Poll.until("CP state C", () -> "C".equals(str(tryRead(c, "cp_state"))));
            assertThat(write(c, "contactor", Value.of(true))).isEqualTo(Flag.VALID);
            Poll.until("EV draws current", () -> sim.outlet(1).meter().current(1) > 0);
            assertThat(number(c, "current_l1")).isBetween(6.0, 10.0);
            long energy = (long) number(c, "energy");
            Poll.until("energy grows", () -> {
                Record r = tryRead(c, "energy");
                return r != null && r.getValue().asLong() > energy;
            });
            c.close();

            // the serial port can be opened again (the data manager's reconnect)
            Connection again = driver.connect(device);
            Poll.until("answers after reopening", () -> "C".equals(str(tryRead(again, "cp_state"))));
            assertThat(read(again, "contactor").getValue().asBoolean()).isTrue();
            again.close();
        }
    }

    private static String str(Record r) {
        return r == null || r.getValue() == null ? null : r.getValue().asString();
    }
}
