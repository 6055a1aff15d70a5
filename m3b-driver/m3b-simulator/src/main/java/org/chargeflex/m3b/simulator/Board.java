package org.chargeflex.m3b.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.chargeflex.m3b.protocol.Ack;
import org.chargeflex.m3b.protocol.AckStatus;
import org.chargeflex.m3b.protocol.BootEvent;
import org.chargeflex.m3b.protocol.BootReason;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.CanReceived;
import org.chargeflex.m3b.protocol.CpState;
import org.chargeflex.m3b.protocol.CpStateChanged;
import org.chargeflex.m3b.protocol.FaultEvent;
import org.chargeflex.m3b.protocol.FaultFlag;
import org.chargeflex.m3b.protocol.GetMeter;
import org.chargeflex.m3b.protocol.GetStatus;
import org.chargeflex.m3b.protocol.Heartbeat;
import org.chargeflex.m3b.protocol.HeartbeatAck;
import org.chargeflex.m3b.protocol.Hello;
import org.chargeflex.m3b.protocol.HelloAck;
import org.chargeflex.m3b.protocol.IdPresented;
import org.chargeflex.m3b.protocol.Message;
import org.chargeflex.m3b.protocol.MeterEvent;
import org.chargeflex.m3b.protocol.MeterResponse;
import org.chargeflex.m3b.protocol.OutletStatus;
import org.chargeflex.m3b.protocol.PwmDuty;
import org.chargeflex.m3b.protocol.SendCan;
import org.chargeflex.m3b.protocol.SetContactor;
import org.chargeflex.m3b.protocol.SetLock;
import org.chargeflex.m3b.protocol.SetPwm;
import org.chargeflex.m3b.protocol.StatusChanged;
import org.chargeflex.m3b.protocol.StatusResponse;

/**
 * The board model, as its firmware would behave (docs/m3b-protocol.md): answers requests, pushes events while a
 * session is open, opens the contactor by itself in CP states A, B, E, F or on a fault (the interlock, which tests can
 * switch off to exercise the driver's own checks), and goes safe when the host's heartbeat stops. Thread-safe: all
 * methods synchronize on the board; events go to the sink while the lock is held.
 */
final class Board {
    static final String FIRMWARE = "m3b-sim 1.0";
    private final List<SimulatedOutlet> outlets = new ArrayList<>();
    private final Consumer<Message> events;
    private final Random random;
    private final double timeScale;
    private long bootId;
    private long bootedAt;
    private boolean session;
    private int heartbeatTimeout = 5000;
    private int meterInterval;
    private long lastHostFrame;
    private long lastMeterAt;
    private long lastTick;
    private boolean interlock = true;
    private int wentSafe;
    private int boots;

    Board(int outletCount, double timeScale, long seed, Consumer<Message> events, long now) {
        if (outletCount < 1 || outletCount > 16) {
            throw new IllegalArgumentException("a board has 1..16 outlets, got " + outletCount);
        }
        if (!(timeScale > 0 && timeScale <= 10_000)) {
            throw new IllegalArgumentException("time scale must be in (0, 10000], got " + timeScale);
        }
        this.random = new Random(seed);
        this.events = events;
        this.timeScale = timeScale;
        for (int i = 1; i <= outletCount; i++) {
            outlets.add(new SimulatedOutlet(i, seed + i));
        }
        boot(now, BootReason.POWER_ON, false);
    }

    synchronized int outletCount() {
        return outlets.size();
    }

    synchronized Message handle(Message request, long now) {
        lastHostFrame = now;
        if (request instanceof Hello h) {
            return hello(h, now);
        }
        if (!session) {
            return new Ack(request.type(), AckStatus.NO_SESSION);
        }
        if (request instanceof Heartbeat) {
            return new HeartbeatAck(bootId, (now - bootedAt) & 0xFFFF_FFFFL);
        }
        int outletIndex = outletOf(request);
        if (outletIndex < 1 || outletIndex > outlets.size()) {
            return new Ack(request.type(), outletIndex < 0 ? AckStatus.UNKNOWN_TYPE : AckStatus.BAD_OUTLET);
        }
        SimulatedOutlet o = outlets.get(outletIndex - 1);
        if (request instanceof GetStatus) {
            return new StatusResponse(o.status());
        }
        if (request instanceof GetMeter) {
            return new MeterResponse(o.meter());
        }
        if (request instanceof SetPwm s) {
            setPwm(o, s.duty());
        } else if (request instanceof SetContactor s) {
            if (s.closed() && interlock && !mayClose(o)) {
                return new Ack(request.type(), AckStatus.UNSAFE);
            }
            setContactor(o, s.closed());
        } else if (request instanceof SetLock s) {
            if (o.plugLocked() != s.locked()) {
                o.lock(s.locked());
                statusChanged(o);
            }
        } else if (request instanceof SendCan s) {
            o.canFromHost().add(s.frame());
        }
        return new Ack(request.type(), AckStatus.OK);
    }

    private Message hello(Hello h, long now) {
        if (h.versionMajor() != Hello.PROTOCOL_MAJOR) {
            return new Ack(h.type(), AckStatus.UNSUPPORTED_VERSION);
        }
        session = true;
        heartbeatTimeout = h.heartbeatTimeoutMillis();
        meterInterval = h.meterIntervalMillis();
        lastMeterAt = now;
        for (SimulatedOutlet o : outlets) {
            if ((o.faultMask() & FaultFlag.HOST_TIMEOUT.mask()) != 0) {
                o.setFault(FaultFlag.HOST_TIMEOUT, false);
                emit(new FaultEvent(o.index(), o.faultMask()));
            }
        }
        return HelloAck.builder().outletCount(outlets.size()).bootId(bootId).heartbeatTimeoutMillis(heartbeatTimeout)
                .firmware(FIRMWARE).build();
    }

    private static int outletOf(Message m) {
        if (m instanceof GetStatus g) {
            return g.outlet();
        } else if (m instanceof GetMeter g) {
            return g.outlet();
        } else if (m instanceof SetPwm s) {
            return s.outlet();
        } else if (m instanceof SetContactor s) {
            return s.outlet();
        } else if (m instanceof SetLock s) {
            return s.outlet();
        } else if (m instanceof SendCan s) {
            return s.outlet();
        }
        return -1;
    }

    private static boolean mayClose(SimulatedOutlet o) {
        return o.cpState().allowsEnergyTransfer() && o.pwm().allowsCharging() && o.faultMask() == 0;
    }

    private void setPwm(SimulatedOutlet o, PwmDuty duty) {
        if (!o.pwm().equals(duty)) {
            o.pwm(duty);
            statusChanged(o);
        }
    }

    private void setContactor(SimulatedOutlet o, boolean closed) {
        if (o.contactorClosed() != closed) {
            o.contactor(closed);
            statusChanged(o);
        }
    }

    private void statusChanged(SimulatedOutlet o) {
        emit(new StatusChanged(o.status()));
    }

    private void emit(Message event) {
        if (session) {
            events.accept(event);
        }
    }

    /** Advances the simulation to {@code now}: EVs, meters, CP events, interlock, heartbeat and meter timers. */
    synchronized void tick(long now) {
        double hours = Math.max(0, now - lastTick) * timeScale / 3_600_000.0;
        lastTick = now;
        for (SimulatedOutlet o : outlets) {
            CpState before = o.cpState();
            CpState after = o.step(now, hours);
            if (after != before) {
                emit(new CpStateChanged(o.index(), before, after, o.pwm()));
                o.setFault(FaultFlag.CP_SHORT, after == CpState.E);
                o.setFault(FaultFlag.DIODE_FAULT, after == CpState.F);
                if (after == CpState.E || after == CpState.F || before == CpState.E || before == CpState.F) {
                    emit(new FaultEvent(o.index(), o.faultMask()));
                }
            }
            if (interlock && o.contactorClosed() && !mayCarry(o)) {
                setContactor(o, false);
            }
        }
        if (session && now - lastHostFrame > heartbeatTimeout) {
            goSafe();
        }
        if (session && meterInterval > 0 && now - lastMeterAt >= meterInterval) {
            lastMeterAt = now;
            for (SimulatedOutlet o : outlets) {
                emit(new MeterEvent(o.meter()));
            }
        }
    }

    private static boolean mayCarry(SimulatedOutlet o) {
        return o.cpState().allowsEnergyTransfer() && o.faultMask() == 0;
    }

    /** The host fell silent: contactors open, PWM to 100 %, HOST_TIMEOUT raised, session closed. */
    private void goSafe() {
        wentSafe++;
        for (SimulatedOutlet o : outlets) {
            setContactor(o, false);
            setPwm(o, PwmDuty.NO_CHARGING);
            o.setFault(FaultFlag.HOST_TIMEOUT, true);
            emit(new FaultEvent(o.index(), o.faultMask()));
        }
        session = false;
    }

    /** A reset: new boot id, outlets safe and unlocked, session closed; the energy counters are non-volatile. */
    synchronized void reset(long now) {
        boot(now, BootReason.WATCHDOG, true);
    }

    private void boot(long now, BootReason reason, boolean announce) {
        boots++;
        bootId = random.nextLong() & 0xFFFF_FFFFL;
        bootedAt = now;
        lastTick = now;
        session = false;
        for (SimulatedOutlet o : outlets) {
            o.contactor(false);
            o.pwm(PwmDuty.NO_CHARGING);
            o.lock(false);
            o.faultMask(0);
        }
        if (announce) {
            events.accept(new BootEvent(bootId, reason));
        }
    }

    synchronized void plugIn(int outlet, EvSpec ev) {
        SimulatedOutlet o = outlet(outlet);
        o.plugIn(ev);
        if (!ev.userId().isEmpty()) {
            presentId(outlet, ev.userId());
        }
    }

    synchronized void unplug(int outlet) {
        SimulatedOutlet o = outlet(outlet);
        o.unplug();
        if (!o.userId().isEmpty()) {
            presentId(outlet, "");
        }
    }

    synchronized void presentId(int outlet, String userId) {
        SimulatedOutlet o = outlet(outlet);
        o.userId(userId);
        emit(new IdPresented(outlet, userId));
    }

    /** Forces the CP line to E (short) or F (diode fault); null returns it to what the EV presents. */
    synchronized void injectCp(int outlet, CpState state) {
        if (state != null && state != CpState.E && state != CpState.F) {
            throw new IllegalArgumentException("only CP states E and F can be injected, got " + state);
        }
        outlet(outlet).injectCp(state);
    }

    /**
     * Sends up to {@code count} METER_SAMPLE events of one outlet back to back, as fast as the line takes them (a load
     * test of the host). Each sample is taken under the lock; other requests and ticks interleave between samples.
     *
     * @return how many were sent; fewer than asked when no session is open (or it closes meanwhile)
     */
    int meterBurst(int outlet, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        int sent = 0;
        while (sent < count) {
            synchronized (this) {
                if (!session) {
                    break;
                }
                emit(new MeterEvent(outlet(outlet).meter()));
            }
            sent++;
        }
        return sent;
    }

    synchronized void canFromEv(int outlet, CanFrame frame) {
        outlet(outlet);
        emit(new CanReceived(outlet, frame));
    }

    synchronized void setInterlock(boolean on) {
        this.interlock = on;
    }

    synchronized OutletView view(int outlet) {
        SimulatedOutlet o = outlet(outlet);
        SimulatedEv ev = o.ev();
        return new OutletView(o.status(), o.meter(), o.energyWh(), ev == null ? -1 : ev.soc(),
                List.copyOf(o.canFromHost()));
    }

    synchronized boolean sessionOpen() {
        return session;
    }

    synchronized int wentSafeCount() {
        return wentSafe;
    }

    synchronized int bootCount() {
        return boots;
    }

    synchronized long bootId() {
        return bootId;
    }

    private SimulatedOutlet outlet(int outlet) {
        if (outlet < 1 || outlet > outlets.size()) {
            throw new IllegalArgumentException("outlet must be 1.." + outlets.size() + ", got " + outlet);
        }
        return outlets.get(outlet - 1);
    }
}
