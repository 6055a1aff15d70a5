package org.chargeflex.m3b.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.chargeflex.m3b.protocol.Ack;
import org.chargeflex.m3b.protocol.AckStatus;
import org.chargeflex.m3b.protocol.BootEvent;
import org.chargeflex.m3b.protocol.CpState;
import org.chargeflex.m3b.protocol.CpStateChanged;
import org.chargeflex.m3b.protocol.FaultEvent;
import org.chargeflex.m3b.protocol.FaultFlag;
import org.chargeflex.m3b.protocol.GetStatus;
import org.chargeflex.m3b.protocol.Heartbeat;
import org.chargeflex.m3b.protocol.HeartbeatAck;
import org.chargeflex.m3b.protocol.Hello;
import org.chargeflex.m3b.protocol.HelloAck;
import org.chargeflex.m3b.protocol.MessageType;
import org.chargeflex.m3b.protocol.MeterEvent;
import org.chargeflex.m3b.protocol.PwmDuty;
import org.chargeflex.m3b.protocol.SetContactor;
import org.chargeflex.m3b.protocol.SetPwm;
import org.chargeflex.m3b.protocol.StatusChanged;
import org.chargeflex.m3b.protocol.StatusResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated board's firmware behaviour, seen through the bare protocol. */
class BoardProtocolTest {
    private M3bSimulator sim;
    private RawHost host;

    @BeforeEach
    void start() throws Exception {
        sim = M3bSimulator.builder().outlets(2).timeScale(600).tickMillis(10).build().startTcp(0);
        host = new RawHost(sim.tcpPort());
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
        sim.close();
    }

    private void hello(int heartbeatTimeout) throws Exception {
        host.send(Hello.builder().heartbeatTimeoutMillis(heartbeatTimeout).meterIntervalMillis(100).build());
        Poll.until("hello answered", () -> host.got(HelloAck.class, a -> a.outletCount() == 2));
    }

    @Test
    void requestsBeforeTheHandshakeAreRefusedAndOtherVersionsToo() throws Exception {
        host.send(new GetStatus(1));
        Poll.until("NO_SESSION", () -> host.got(Ack.class, a -> a.status() == AckStatus.NO_SESSION));
        host.send(new Hello(2, 0, 1000, 0));
        Poll.until("UNSUPPORTED_VERSION", () -> host.got(Ack.class,
                a -> a.status() == AckStatus.UNSUPPORTED_VERSION && a.requestType() == MessageType.HELLO.code()));
        assertThat(sim.sessionOpen()).isFalse();
    }

    @Test
    void silentHostMakesTheBoardGoSafe() throws Exception {
        hello(300);
        sim.plugIn(1, EvSpec.builder().reactionDelayMillis(0).build());
        host.send(new SetPwm(1, PwmDuty.forCurrentLimit(16)));
        Poll.until("EV in C", () -> sim.outlet(1).status().cpState() == CpState.C);
        host.send(new SetContactor(1, true));
        Poll.until("charging", () -> sim.outlet(1).status().contactorClosed());
        // from now on the host sends nothing
        Poll.until("went safe", () -> sim.wentSafeCount() == 1);
        assertThat(sim.outlet(1).status().contactorClosed()).isFalse();
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(PwmDuty.NO_CHARGING);
        // the board's events travel over TCP after it went safe: wait for them, do not race them
        Poll.until("HOST_TIMEOUT fault event received",
                () -> host.got(FaultEvent.class, f -> f.faults().contains(FaultFlag.HOST_TIMEOUT)));
        Poll.until("contactor-open status received",
                () -> host.got(StatusChanged.class, s -> !s.status().contactorClosed()));
        assertThat(sim.sessionOpen()).isFalse();
        host.send(new Heartbeat());
        Poll.until("late heartbeat refused", () -> host.got(Ack.class, a -> a.status() == AckStatus.NO_SESSION));
        hello(300); // a new handshake clears HOST_TIMEOUT
        Poll.until("fault cleared", () -> sim.outlet(1).status().faultMask() == 0);
    }

    @Test
    void meterBurstsGoOutOnlyInASessionAndAllArrive() throws Exception {
        assertThat(sim.pushMeterSamples(2, 50)).isZero(); // no session: nothing is sent
        hello(5000);
        assertThat(sim.pushMeterSamples(2, 500)).isEqualTo(500);
        Poll.until("500 samples of outlet 2 received", () -> host.received.stream()
                .filter(m -> m instanceof MeterEvent e && e.sample().outlet() == 2).count() >= 500);
    }

    @Test
    void heartbeatsKeepTheSessionAndEventsFlow() throws Exception {
        hello(300);
        sim.plugIn(2, EvSpec.builder().build());
        for (int i = 0; i < 10; i++) {
            host.send(new Heartbeat());
            Thread.sleep(100); // the host's heartbeat period; not an assertion on timing
        }
        assertThat(sim.wentSafeCount()).isZero();
        assertThat(host.received.stream().filter(HeartbeatAck.class::isInstance)).hasSizeGreaterThanOrEqualTo(9);
        assertThat(host.got(CpStateChanged.class, c -> c.outlet() == 2 && c.state() == CpState.B)).isTrue();
        assertThat(host.got(MeterEvent.class, m -> m.sample().outlet() == 2)).isTrue();
    }

    @Test
    void interlockRefusesClosingOutsideCAndResetAnnouncesItself() throws Exception {
        hello(5000);
        host.send(new SetContactor(1, true));
        Poll.until("UNSAFE", () -> host.got(Ack.class, a -> a.status() == AckStatus.UNSAFE));
        int bootsBefore = sim.bootCount();
        sim.resetBoard();
        Poll.until("boot event", () -> host.got(BootEvent.class, b -> true));
        assertThat(sim.bootCount()).isEqualTo(bootsBefore + 1);
        host.send(new GetStatus(1));
        Poll.until("session gone", () -> host.got(Ack.class, a -> a.status() == AckStatus.NO_SESSION));
        hello(5000);
        host.send(new GetStatus(1));
        Poll.until("status", () -> host.got(StatusResponse.class, s -> s.status().cpState() == CpState.A));
    }

    @Test
    void evTapersNearFullAndStopsWhenFull() throws Exception {
        hello(60_000);
        sim.plugIn(1, EvSpec.builder().capacityWh(1000).soc(0.85).maxCurrent(16).phases(1).reactionDelayMillis(0)
                .build());
        host.send(new SetPwm(1, PwmDuty.forCurrentLimit(32)));
        Poll.until("EV in C", () -> sim.outlet(1).status().cpState() == CpState.C);
        host.send(new SetContactor(1, true));
        Poll.until("drawing", () -> sim.outlet(1).meter().current(1) > 0);
        assertThat(sim.outlet(1).meter().current(1)).isLessThanOrEqualTo(12.0); // 16 A x (1 - 0.85) / 0.2: tapered
        assertThat(sim.outlet(1).meter().current(2)).isZero(); // single phase
        Poll.until("full", () -> sim.outlet(1).evSoc() >= 1.0);
        Poll.until("EV back to B, contactor opened by the interlock",
                () -> sim.outlet(1).status().cpState() == CpState.B && !sim.outlet(1).status().contactorClosed());
    }
}
