package org.chargeflex.station.driver.m3b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chargeflex.station.driver.m3b.DriverFixture.containers;
import static org.chargeflex.station.driver.m3b.DriverFixture.counter;
import static org.chargeflex.station.driver.m3b.DriverFixture.device;
import static org.chargeflex.station.driver.m3b.DriverFixture.number;
import static org.chargeflex.station.driver.m3b.DriverFixture.read;
import static org.chargeflex.station.driver.m3b.DriverFixture.tryRead;
import static org.chargeflex.station.driver.m3b.DriverFixture.write;

import java.util.List;
import java.util.Map;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.CpState;
import org.chargeflex.m3b.protocol.FaultFlag;
import org.chargeflex.m3b.protocol.PwmDuty;
import org.chargeflex.m3b.simulator.EvSpec;
import org.chargeflex.m3b.simulator.M3bSimulator;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against the simulated board over a real TCP socket. */
class M3bDriverSimulatorTest {
    private static final EvSpec EV = EvSpec.builder().capacityWh(40_000).soc(0.3).maxCurrent(32).phases(3)
            .reactionDelayMillis(150).userId("04A1B2C3").build();
    private final M3bDriver driver = new M3bDriver();
    private M3bSimulator sim;
    private Connection connection;

    @BeforeEach
    void start() throws Exception {
        sim = M3bSimulator.builder().outlets(2).timeScale(60).tickMillis(20).build().startTcp(0);
        connection = driver.connect(device(address()));
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        sim.close();
    }

    private String address() {
        return "tcp://127.0.0.1:" + sim.tcpPort();
    }

    /** Plugs in, advertises 16 A, waits for C and closes the contactor. */
    private void startCharging() throws ConnectionException {
        sim.plugIn(1, EV);
        Poll.until("CP state B", () -> "B".equals(value(tryRead(connection, "cp_state"))));
        assertThat(write(connection, "current_limit", Value.of(16.0))).isEqualTo(Flag.VALID);
        Poll.until("EV asks for energy (C)", () -> "C".equals(value(tryRead(connection, "cp_state"))));
        assertThat(write(connection, "contactor", Value.of(true))).isEqualTo(Flag.VALID);
    }

    private static String value(Record r) {
        return r == null || r.getValue() == null ? null : r.getValue().asString();
    }

    @Test
    void plugInSetLimitEvDrawsBelowItAndEnergyGrows() throws Exception {
        RecordingListener pushed = new RecordingListener();
        List<ChannelRecordContainer> listened = containers("cp_state", "current_l1", "energy", "user_id",
                "current_limit");
        connection.startListening(listened, pushed);
        startCharging();

        assertThat(number(connection, "current_limit")).isEqualTo(PwmDuty.forCurrentLimit(16).currentLimit())
                .isLessThanOrEqualTo(16.0);
        assertThat(number(connection, "pwm_duty")).isEqualTo(26.6);
        Poll.until("the EV draws current", () -> sim.outlet(1).meter().current(1) > 0);
        assertThat(number(connection, "current_l1")).isBetween(6.0, 16.0);
        assertThat(number(connection, "current_l3")).isBetween(6.0, 16.0);
        assertThat(number(connection, "power")).isGreaterThan(3 * 220 * 6.0);
        long energy = (long) number(connection, "energy");
        Poll.until("energy grows", () -> {
            Record r = tryRead(connection, "energy");
            return r != null && r.getValue().asLong() > energy;
        });
        assertThat(sim.outlet(1).evSoc()).isGreaterThan(0.3);

        // the same arrives pushed, not only polled
        Poll.until("pushed CP state C", () -> pushed.received("cp_state", r -> "C".equals(r.getValue().asString())));
        Poll.until("pushed current", () -> pushed.received("current_l1", r -> r.getValue().asDouble() > 0));
        Poll.until("pushed energy", () -> pushed.received("energy", r -> r.getValue().asLong() > 0));
        assertThat(pushed.received("user_id", r -> r.getValue().asString().equals("04A1B2C3"))).isTrue();
        assertThat(pushed.of("current_l1")).allMatch(r -> r.getValue().asDouble() <= 16.0);
        assertThat(read(connection, "user_id").getValue().asString()).isEqualTo("04A1B2C3");
        assertThat(pushed.interruptions).isEmpty();
    }

    @Test
    void cpShortMakesTheDriverOpenTheContactorEvenWithoutTheBoardInterlock() throws Exception {
        sim.setBoardInterlock(false); // only the driver's safety check can open it now
        startCharging();
        Poll.until("contactor closed", () -> sim.outlet(1).status().contactorClosed());
        sim.injectCpShort(1);
        Poll.until("contactor opened by the driver", () -> !sim.outlet(1).status().contactorClosed());
        assertThat(read(connection, "cp_state").getValue().asString()).isEqualTo("E");
        assertThat(number(connection, "fault_flags")).isEqualTo(FaultFlag.CP_SHORT.mask());
        assertThat(counter(connection, "safety_opens")).isGreaterThanOrEqualTo(1);
        // and it stays open: closing is refused in E
        assertThat(write(connection, "contactor", Value.of(true))).isEqualTo(Flag.DEVICE_REJECTED_VALUE);
        assertThat(sim.outlet(1).status().contactorClosed()).isFalse();
    }

    @Test
    void diodeFaultAndDepartureOpenTheContactor() throws Exception {
        sim.setBoardInterlock(false);
        startCharging();
        Poll.until("contactor closed", () -> sim.outlet(1).status().contactorClosed());
        sim.injectDiodeFault(1);
        Poll.until("opened on F", () -> !sim.outlet(1).status().contactorClosed());
        sim.clearCpFault(1);
        Poll.until("back in C", () -> sim.outlet(1).status().cpState() == CpState.C);
        assertThat(write(connection, "contactor", Value.of(true))).isEqualTo(Flag.VALID);
        sim.unplug(1); // abrupt departure mid-charge
        Poll.until("opened on A", () -> !sim.outlet(1).status().contactorClosed());
        assertThat(read(connection, "cp_state").getValue().asString()).isEqualTo("A");
    }

    @Test
    void safetyRefusalsSendNothingToTheBoard() throws Exception {
        sim.plugIn(1, EV);
        Poll.until("CP state B", () -> "B".equals(value(tryRead(connection, "cp_state"))));
        long before = counter(connection, "safety_refusals");

        assertThat(write(connection, "contactor", Value.of(true))).isEqualTo(Flag.DEVICE_REJECTED_VALUE);
        assertThat(write(connection, "current_limit", Value.of(40.0))).isEqualTo(Flag.INVALID_VALUE);
        assertThat(write(connection, "pwm_duty", Value.of(60.0))).isEqualTo(Flag.INVALID_VALUE); // 36 A > 32 A
        assertThat(counter(connection, "safety_refusals")).isEqualTo(before + 3);
        assertThat(sim.outlet(1).status().contactorClosed()).isFalse();
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(PwmDuty.NO_CHARGING);

        // out of IEC 61851-1 bounds
        assertThat(write(connection, "current_limit", Value.of(3.0))).isEqualTo(Flag.INVALID_VALUE);
        assertThat(write(connection, "pwm_duty", Value.of(97.0))).isEqualTo(Flag.INVALID_VALUE);
        assertThat(write(connection, "pwm_duty", Value.of("abc"))).isEqualTo(Flag.INVALID_VALUE);
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(PwmDuty.NO_CHARGING);

        // allowed special duties
        assertThat(write(connection, "pwm_duty", Value.of(5.0))).isEqualTo(Flag.VALID);
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(PwmDuty.DIGITAL_COMMUNICATION);
        assertThat(write(connection, "current_limit", Value.of(0.0))).isEqualTo(Flag.VALID);
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(PwmDuty.NO_CHARGING);
    }

    @Test
    void plugStaysLockedUnderLoad() throws Exception {
        assertThat(write(connection, "plug_lock", Value.of(true))).isEqualTo(Flag.VALID);
        startCharging();
        Poll.until("contactor closed", () -> sim.outlet(1).status().contactorClosed());
        assertThat(write(connection, "plug_lock", Value.of(false))).isEqualTo(Flag.DEVICE_REJECTED_VALUE);
        assertThat(sim.outlet(1).status().plugLocked()).isTrue();
        assertThat(write(connection, "contactor", Value.of(false))).isEqualTo(Flag.VALID);
        assertThat(write(connection, "plug_lock", Value.of(false))).isEqualTo(Flag.VALID);
        assertThat(sim.outlet(1).status().plugLocked()).isFalse();
    }

    @Test
    void boardResetBreaksTheConnectionAndAReconnectRecovers() throws Exception {
        RecordingListener pushed = new RecordingListener();
        connection.startListening(containers("cp_state"), pushed);
        startCharging();
        sim.resetBoard();
        Poll.until("interruption reported", () -> !pushed.interruptions.isEmpty());
        assertThat(pushed.interruptions.get(0)).hasMessageContaining("restarted");
        assertThatThrownBy(() -> read(connection, "cp_state")).isInstanceOf(ConnectionException.class);
        connection.close();

        connection = driver.connect(device(address()));
        assertThat(counter(connection, "board_resets")).isEqualTo(1);
        assertThat(read(connection, "cp_state").getValue().asString()).isIn("B", "C");
        assertThat(sim.outlet(1).status().contactorClosed()).isFalse(); // the reset left it safe
    }

    @Test
    void linkLossMidChargeIsAConnectionExceptionAndReconnectWorks() throws Exception {
        RecordingListener pushed = new RecordingListener();
        connection.startListening(containers("energy"), pushed);
        startCharging();
        sim.disconnectHost();
        Poll.until("interruption reported", () -> !pushed.interruptions.isEmpty());
        assertThatThrownBy(() -> read(connection, "energy")).isInstanceOf(ConnectionException.class);
        connection.close();

        connection = driver.connect(device(address()));
        assertThat(counter(connection, "link_losses")).isEqualTo(1);
        assertThat(counter(connection, "connects")).isEqualTo(2);
        // a short link loss within the heartbeat timeout does not stop the charge
        assertThat(read(connection, "contactor").getValue().asBoolean()).isTrue();
    }

    @Test
    void heartbeatLossMakesTheBoardGoSafe() throws Exception {
        startCharging();
        Poll.until("contactor closed", () -> sim.outlet(1).status().contactorClosed());
        sim.ignoreHostFor(1500); // the host's frames no longer reach the board
        Poll.until("board went safe", () -> sim.wentSafeCount() == 1);
        assertThat(sim.outlet(1).status().contactorClosed()).isFalse();
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(PwmDuty.NO_CHARGING);
        assertThat(sim.outlet(1).status().faults()).contains(FaultFlag.HOST_TIMEOUT);
        Poll.until("driver sees the link broken", () -> tryRead(connection, "cp_state") == null);
        connection.close();

        Poll.until("reconnect after the line is back", () -> {
            try {
                connection = driver.connect(device(address()));
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(number(connection, "fault_flags")).isZero();
        assertThat(counter(connection, "timeouts")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void corruptedAndLostFramesAreCountedAndFlaggedNeverThrown() throws Exception {
        // no meter events and a slow heartbeat, so that the injected faults hit the answers to our reads
        connection.close();
        Map<String, String> quiet = new java.util.HashMap<>(DriverFixture.fastSettings("32"));
        quiet.put("heartbeatIntervalMillis", "2000");
        quiet.put("boardHeartbeatTimeoutMillis", "5000");
        quiet.put("meterIntervalMillis", "0");
        connection = driver.connect(new org.chargeflex.station.api.driver.DeviceConfig("q", address(), quiet));
        sim.corruptNextFrames(1);
        assertThat(read(connection, "cp_state").getFlag()).isEqualTo(Flag.VALID); // answered on the retry
        assertThat(counter(connection, "crc_errors")).isGreaterThanOrEqualTo(1);
        assertThat(counter(connection, "retries")).isGreaterThanOrEqualTo(1);

        sim.dropNextFrames(2); // the answer to both attempts is lost
        assertThat(read(connection, "cp_state").getFlag()).isEqualTo(Flag.TIMEOUT);
        assertThat(counter(connection, "timeouts")).isEqualTo(1);
        assertThat(read(connection, "cp_state").getFlag()).isEqualTo(Flag.VALID);
    }

    @Test
    void canFramesTravelThroughTheTunnel() throws Exception {
        RecordingListener pushed = new RecordingListener();
        ChannelRecordContainer all = new ChannelRecordContainer("can_rx", ValueType.BYTE_ARRAY, Map.of("outlet", "1"));
        ChannelRecordContainer filtered = new ChannelRecordContainer("can_rx", ValueType.BYTE_ARRAY,
                Map.of("outlet", "1", "canId", "0x123"));
        connection.startListening(List.of(all, filtered), pushed);
        sim.plugIn(1, EV);

        CanFrame out = CanFrame.extended(0x18FF50E5, (byte) 1, (byte) 2, (byte) 3);
        assertThat(write(connection, "can_tx", Value.of(out.toBytes()))).isEqualTo(Flag.VALID);
        assertThat(sim.outlet(1).canFromHost()).containsExactly(out);
        assertThat(write(connection, "can_tx", Value.of(new byte[] {1, 2}))).isEqualTo(Flag.INVALID_VALUE);

        CanFrame in = CanFrame.standard(0x456, (byte) 0xAA);
        sim.sendCanFromEv(1, in);
        Poll.until("frame pushed", () -> pushed.of("can_rx").size() == 1);
        assertThat(CanFrame.fromBytes(pushed.of("can_rx").get(0).getValue().asByteArray())).isEqualTo(in);
        sim.sendCanFromEv(1, CanFrame.standard(0x123));
        Poll.until("second frame pushed to both", () -> pushed.of("can_rx").size() == 3);
        assertThat(CanFrame.fromBytes(read(connection, "can_rx").getValue().asByteArray()))
                .isEqualTo(CanFrame.standard(0x123));
    }

    @Test
    void badChannelsAreFlaggedAndTheOthersStillWork() throws Exception {
        ChannelRecordContainer unknown = new ChannelRecordContainer("bogus", ValueType.LONG, Map.of());
        ChannelRecordContainer noOutlet = new ChannelRecordContainer("cp_state", ValueType.STRING,
                Map.of("outlet", "3"));
        ChannelRecordContainer badParam = new ChannelRecordContainer("energy", ValueType.LONG, Map.of("phase", "1"));
        ChannelRecordContainer good = new ChannelRecordContainer("cp_state", ValueType.STRING, Map.of("outlet", "2"));
        ChannelRecordContainer firmware = new ChannelRecordContainer("firmware", ValueType.STRING, Map.of());
        connection.read(List.of(unknown, noOutlet, badParam, good, firmware));
        assertThat(unknown.getRecord().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
        assertThat(noOutlet.getRecord().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
        assertThat(badParam.getRecord().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
        assertThat(good.getRecord().getValue().asString()).isEqualTo("A");
        assertThat(firmware.getRecord().getValue().asString()).startsWith("m3b-sim");

        ChannelValueContainer readOnly = new ChannelValueContainer("energy", Map.of(), Value.of(1L));
        connection.write(List.of(readOnly));
        assertThat(readOnly.getFlag()).isEqualTo(Flag.ACCESS_DENIED);

        ChannelRecordContainer counterListen = new ChannelRecordContainer("crc_errors", ValueType.LONG, Map.of());
        connection.startListening(List.of(counterListen), new RecordingListener());
        assertThat(counterListen.getRecord().getFlag()).isEqualTo(Flag.ACCESS_DENIED);

        assertThat(connection.scanForChannels()).extracting(i -> i.channelAddress())
                .contains("cp_state", "pwm_duty", "current_limit", "contactor", "plug_lock", "user_id",
                        "voltage_l1", "current_l2", "power_l3", "energy", "temperature", "fault_flags", "can_tx",
                        "can_rx", "crc_errors", "timeouts", "board_resets");
    }

    @Test
    void unreachableBoardAndBadConfigurationFailToConnect() {
        sim.close();
        assertThatThrownBy(() -> driver.connect(device(address()))).isInstanceOf(ConnectionException.class);
        assertThatThrownBy(() -> driver.connect(device("/dev/does-not-exist-m3b")))
                .isInstanceOf(ConnectionException.class);
    }
}
