package org.chargeflex.m3b.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.chargeflex.m3b.protocol.internal.Crc16;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {

    static OutletStatus status() {
        return OutletStatus.builder(2).cpState(CpState.C).pwm(PwmDuty.forCurrentLimit(16)).contactorClosed(true)
                .plugLocked(true).faultMask(FaultFlag.OVERTEMPERATURE.mask()).temperature(-12.3).userId("04A1B2C3")
                .build();
    }

    static MeterSample sample() {
        return MeterSample.builder(1).voltage(1, 230.1).voltage(2, 229.9).voltage(3, 231.0).current(1, 15.96)
                .current(2, 15.5).current(3, 0).power(1, 3672).power(2, 3563).power(3, 0).energyWh(123_456_789L)
                .build();
    }

    static Stream<Message> everyMessage() {
        CanFrame can = CanFrame.extended(0x18FF50E5, (byte) 1, (byte) 2, (byte) 0xFF);
        return Stream.of(Hello.builder().heartbeatTimeoutMillis(3000).meterIntervalMillis(0).build(),
                HelloAck.builder().outletCount(2).bootId(0xFFFF_FFFFL).heartbeatTimeoutMillis(3000)
                        .firmware("m3b-sim 1.0").build(),
                new Heartbeat(), new HeartbeatAck(7, 123456), new GetStatus(1), new GetMeter(16),
                new SetPwm(1, PwmDuty.ofPercent(26.6)), new SetContactor(2, true), new SetLock(1, false),
                new SendCan(1, can), new Ack(MessageType.SET_CONTACTOR, AckStatus.UNSAFE),
                new StatusResponse(status()), new MeterResponse(sample()),
                new CpStateChanged(1, CpState.B, CpState.C, PwmDuty.NO_CHARGING), new MeterEvent(sample()),
                new FaultEvent(1, FaultFlag.CP_SHORT.mask() | FaultFlag.HOST_TIMEOUT.mask()),
                new CanReceived(2, CanFrame.standard(0x7FF)), new IdPresented(1, "ÄB-é"), new StatusChanged(status()),
                new BootEvent(42, BootReason.WATCHDOG));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyMessageSurvivesTheWire(Message m) throws Exception {
        List<Frame> got = new java.util.ArrayList<>();
        new FrameDecoder(got::add).feed(M3bCodec.encode(200, m));
        assertThat(got).hasSize(1);
        assertThat(got.get(0).sequence()).isEqualTo(200);
        assertThat(M3bCodec.decode(got.get(0))).isEqualTo(m);
    }

    @Test
    void everyMessageTypeIsCovered() {
        assertThat(everyMessage().map(Message::type).distinct()).containsExactlyInAnyOrder(MessageType.values());
    }

    @Test
    void crcIsCcittFalse() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.compute(check, 0, check.length)).isEqualTo(0x29B1);
    }

    @Test
    void heartbeatFrameHasTheDocumentedBytes() {
        // docs/m3b-protocol.md, example: heartbeat with sequence 1
        byte[] b = M3bCodec.encode(1, new Heartbeat());
        int crc = Crc16.compute(new byte[] {0, 1, 2}, 0, 3);
        assertThat(b).containsExactly(0xA5, 0x00, 0x01, 0x02, (byte) (crc >>> 8), (byte) crc);
    }

    @Test
    void payloadsThatDoNotFitTheirTypeAreRejectedWithTheReason() {
        assertThatThrownBy(() -> M3bCodec.decode(new Frame(1, 0x05, new byte[] {1, 0x03})))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("duty");
        assertThatThrownBy(() -> M3bCodec.decode(new Frame(1, 0x05, new byte[] {1, 0x01, 0x0A, 9})))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> M3bCodec.decode(new Frame(1, 0x03, new byte[] {0})))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("outlet must be 1..16");
        assertThatThrownBy(() -> M3bCodec.decode(new Frame(1, 0x7E, new byte[0])))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("unknown message type 0x7e");
        assertThatThrownBy(() -> M3bCodec.decode(new Frame(1, 0x81, new byte[] {1, 0})))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> M3bCodec.decode(new Frame(1, 0xC5, new byte[] {1, 2, (byte) 0xC3, 0x28})))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void buildersValidateWithClearMessages() {
        assertThatThrownBy(() -> Hello.builder().heartbeatTimeoutMillis(50).build())
                .hasMessage("heartbeat timeout (ms) must be 200..60000, got 50");
        assertThatThrownBy(() -> HelloAck.builder().bootId(1).heartbeatTimeoutMillis(1000).build())
                .hasMessage("outlet count must be set");
        assertThatThrownBy(() -> OutletStatus.builder(1).build()).hasMessage("cpState must be set");
        assertThatThrownBy(() -> OutletStatus.builder(0)).hasMessage("outlet must be 1..16, got 0");
        assertThatThrownBy(() -> OutletStatus.builder(1).userId("x".repeat(33)))
                .hasMessageContaining("user id must be at most 32 bytes");
        assertThatThrownBy(() -> MeterSample.builder(1).current(4, 1)).hasMessage("phase must be 1..3, got 4");
        assertThatThrownBy(() -> MeterSample.builder(1).voltage(1, -1)).hasMessageContaining("voltage L1 must be");
        assertThatThrownBy(() -> CanFrame.standard(0x800)).hasMessage("standard CAN id must be 0..0x7FF, got 0x800");
        assertThatThrownBy(() -> CanFrame.standard(1, new byte[9])).hasMessage("CAN data must be 0..8 bytes, got 9");
        assertThatThrownBy(() -> new Frame(256, 1, new byte[0])).hasMessage("sequence must be 0..255, got 256");
        assertThatThrownBy(() -> new Frame(1, 1, new byte[251])).hasMessageContaining("at most 250 bytes");
    }

    @Test
    void canFrameChannelFormRoundTrips() {
        CanFrame ext = CanFrame.extended(0x18FF50E5, (byte) 9);
        assertThat(ext.toBytes()).containsExactly(0x98, 0xFF, 0x50, 0xE5, 9);
        assertThat(CanFrame.fromBytes(ext.toBytes())).isEqualTo(ext);
        assertThat(CanFrame.fromBytes(new byte[] {0, 0, 0x01, 0x23})).isEqualTo(CanFrame.standard(0x123));
        assertThatThrownBy(() -> CanFrame.fromBytes(new byte[3])).hasMessageContaining("4 bytes of id");
    }
}
