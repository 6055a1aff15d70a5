package org.chargeflex.m3b.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.chargeflex.m3b.protocol.FaultFlag;
import org.chargeflex.m3b.protocol.PwmDuty;
import org.chargeflex.m3b.simulator.M3bSimulator;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's data manager with the M3B driver against the simulated board over TCP (ser2net pattern), configured
 * by a real channels.json: charging, metering through pushed and sampled channels, safety and recovery.
 */
class M3bDataManagerTcpTest {
    @TempDir
    Path dir;
    private M3bSimulator sim;
    private M3bStation station;

    private void start(Map<String, String> settings) throws Exception {
        sim = M3bSimulator.builder().outlets(1).timeScale(60).tickMillis(20).build().startTcp(0);
        station = M3bStation.start(dir, ChannelsFile.m3b("tcp://127.0.0.1:" + sim.tcpPort(), settings));
        Charging.awaitCp(station, "A");
    }

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
    void plugInSetALimitAndTheEvChargesBelowItWhileTheMeterCounts() throws Exception {
        start(ChannelsFile.fastSettings());
        RecordLog cp = station.listen("outlet1/cp_state");
        RecordLog energy = station.listen("outlet1/energy");
        RecordLog current = station.listen("outlet1/current_l1");
        RecordLog sampledEnergy = station.listen("outlet1/energy_sampled");

        sim.plugIn(1, Charging.EV);
        Await.until("user id pushed", () -> "04A1B2C3".equals(Charging.text(
                station.latest("outlet1/user_id").getValue())));
        Charging.start(station, sim, 16);

        Await.until("pushed CP states B then C", () -> cp.any(r -> r.isValid() && "C".equals(r.getValue().asString()))
                && cp.any(r -> r.isValid() && "B".equals(r.getValue().asString())));
        Await.until("pushed PWM limit", () -> station.latest("outlet1/current_limit").isValid()
                && station.latest("outlet1/current_limit").getValue().asDouble() == 15.96);
        assertThat(station.latest("outlet1/pwm_duty").getValue().asDouble()).isEqualTo(26.6);
        Await.until("pushed current above 0", () -> current.any(r -> r.isValid() && r.getValue().asDouble() > 0));
        assertThat(current.records()).filteredOn(Record::isValid)
                .allSatisfy(r -> assertThat(r.getValue().asDouble()).isBetween(0.0, 15.96));
        assertThat(station.read("outlet1/current_l1").asDouble()).isBetween(6.0, 15.96);
        Await.until("pushed power", () -> station.latest("outlet1/power").isValid()
                && station.latest("outlet1/power").getValue().asDouble() > 3 * 6 * 220);

        long firstEnergy = energy.validLongs().isEmpty() ? 0 : energy.validLongs().get(0);
        Await.until("pushed energy grows", () -> energy.validLongs().stream().anyMatch(e -> e > firstEnergy + 10));
        assertThat(energy.validLongs()).isSorted();
        Charging.awaitEnergyGrows(station);
        assertThat(sampledEnergy.validLongs()).isSorted();
        assertThat(sim.outlet(1).evSoc()).isGreaterThan(0.3);
    }

    @Test
    void aLimitAboveTheHardwareMaximumIsRefusedAndTheBoardKeepsItsPwm() throws Exception {
        start(ChannelsFile.fastSettings());
        sim.plugIn(1, Charging.EV);
        Charging.start(station, sim, 16);
        PwmDuty before = sim.outlet(1).status().pwm();

        assertThat(station.write("outlet1/current_limit", Value.of(40.0))).isEqualTo(Flag.INVALID_VALUE);
        assertThat(station.write("outlet1/pwm_duty", Value.of(90.0))).isEqualTo(Flag.INVALID_VALUE); // 65 A
        assertThat(station.write("outlet1/current_limit", Value.of(3.0))).isEqualTo(Flag.INVALID_VALUE);
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(before);

        assertThat(station.write("outlet1/current_limit", Value.of(32.0))).isEqualTo(Flag.VALID);
        assertThat(sim.outlet(1).status().pwm().currentLimit()).isEqualTo(31.98);
    }

    @Test
    void aCpShortOpensTheContactorThroughTheDriverEvenWithoutTheBoardInterlock() throws Exception {
        start(ChannelsFile.fastSettings());
        sim.setBoardInterlock(false); // only the driver's safety check can open it now
        RecordLog contactor = station.listen("outlet1/contactor");
        sim.plugIn(1, Charging.EV);
        Charging.start(station, sim, 16);

        sim.injectCpShort(1);
        Await.until("contactor opened on the board", () -> !sim.outlet(1).status().contactorClosed());
        Await.until("CP state E pushed", () -> "E".equals(Charging.text(station.latest("outlet1/cp_state").getValue())));
        Await.until("fault pushed", () -> station.latest("outlet1/fault_flags").isValid()
                && (station.latest("outlet1/fault_flags").getValue().asLong() & FaultFlag.CP_SHORT.mask()) != 0);
        Await.until("contactor false pushed", () -> contactor.any(r -> r.isValid() && !r.getValue().asBoolean()));
        Await.until("safety opening counted", () -> station.latest("board1/safety_opens").isValid()
                && station.latest("board1/safety_opens").getValue().asLong() >= 1);

        // closing again is refused while the fault lasts; nothing reaches the board
        assertThat(station.write("outlet1/contactor", Value.of(true))).isEqualTo(Flag.DEVICE_REJECTED_VALUE);
        assertThat(sim.outlet(1).status().contactorClosed()).isFalse();
        Await.until("EV draws no more current", () -> sim.outlet(1).meter().current(1) == 0);
    }

    @Test
    void aBoardResetFlagsTheChannelsAndTheDataManagerReconnects() throws Exception {
        start(ChannelsFile.fastSettings());
        sim.plugIn(1, Charging.EV);
        Charging.start(station, sim, 16);
        RecordLog sampled = station.listen("outlet1/energy_sampled");
        RecordLog pushed = station.listen("outlet1/energy");

        sim.resetBoard();
        Await.until("sampled channel flagged, then valid again", () -> sampled.flaggedThenValidSince(0));
        Await.until("pushed channel flagged, then valid again", () -> pushed.flaggedThenValidSince(0));
        assertThat(sampled.records()).extracting(Record::getFlag)
                .containsAnyOf(Flag.CONNECTION_EXCEPTION, Flag.WAITING_FOR_CONNECTION_RETRY);
        Await.until("reset counted", () -> station.read("board1/board_resets") != null
                && station.read("board1/board_resets").asLong() >= 1);
        assertThat(sim.bootCount()).isEqualTo(2);
        assertThat(sim.sessionOpen()).isTrue();

        // the reset left the outlet safe; the station charges again through the same channels
        assertThat(sim.outlet(1).status().contactorClosed()).isFalse();
        Charging.awaitCp(station, "B");
        Charging.start(station, sim, 10);
        Charging.awaitEnergyGrows(station);
    }

    @Test
    void aLinkLossIsRecoveredAndAShortOneDoesNotStopTheCharge() throws Exception {
        start(ChannelsFile.fastSettings());
        sim.plugIn(1, Charging.EV);
        Charging.start(station, sim, 16);
        RecordLog sampled = station.listen("outlet1/energy_sampled");
        int connections = sim.connectionCount();

        sim.disconnectHost();
        Await.until("flagged, then valid again", () -> sampled.flaggedThenValidSince(0));
        Await.until("link loss counted", () -> station.read("board1/link_losses") != null
                && station.read("board1/link_losses").asLong() >= 1);
        assertThat(sim.connectionCount()).isGreaterThan(connections);
        assertThat(sim.wentSafeCount()).isZero();
        assertThat(sim.outlet(1).status().contactorClosed()).isTrue();
        assertThat(station.read("outlet1/contactor").asBoolean()).isTrue();
        Charging.awaitEnergyGrows(station);
    }

    @Test
    void whenTheHostFallsSilentTheBoardGoesSafeAndTheStationReconnectsAfterwards() throws Exception {
        Map<String, String> settings = ChannelsFile.fastSettings();
        settings.put("heartbeatIntervalMillis", "100");
        settings.put("boardHeartbeatTimeoutMillis", "600");
        settings.put("maxConsecutiveTimeouts", "10"); // the link outlives the board's timeout: its events arrive
        start(settings);
        sim.plugIn(1, Charging.EV);
        Charging.start(station, sim, 16);
        RecordLog sampled = station.listen("outlet1/energy_sampled");
        RecordLog faults = station.listen("outlet1/fault_flags");

        sim.ignoreHostFor(2000); // a broken TX wire: the board hears no heartbeats
        Await.until("board went safe", () -> sim.wentSafeCount() == 1);
        assertThat(sim.outlet(1).status().contactorClosed()).isFalse();
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(PwmDuty.NO_CHARGING);
        Await.until("HOST_TIMEOUT pushed to the station", () -> faults.any(r -> r.isValid()
                && (r.getValue().asLong() & FaultFlag.HOST_TIMEOUT.mask()) != 0));

        Await.until("flagged, then valid again", () -> sampled.flaggedThenValidSince(0));
        Await.until("new session", sim::sessionOpen);
        Await.until("HOST_TIMEOUT cleared by the new handshake", () -> sim.outlet(1).status().faultMask() == 0);
        Charging.start(station, sim, 16);
    }
}
