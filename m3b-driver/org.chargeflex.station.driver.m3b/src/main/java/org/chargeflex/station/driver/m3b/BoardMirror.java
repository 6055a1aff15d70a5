package org.chargeflex.station.driver.m3b;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.CpStateChanged;
import org.chargeflex.m3b.protocol.FaultEvent;
import org.chargeflex.m3b.protocol.IdPresented;
import org.chargeflex.m3b.protocol.OutletStatus;

/**
 * What the driver last learned of each outlet (from answers and events), for the safety checks and for channels
 * that have no request of their own ({@code can_rx}).
 */
final class BoardMirror {
    private final AtomicReferenceArray<OutletStatus> status;
    private final AtomicReferenceArray<CanFrame> lastCan;

    BoardMirror(int outlets) {
        status = new AtomicReferenceArray<>(outlets + 1);
        lastCan = new AtomicReferenceArray<>(outlets + 1);
    }

    /** The last known status, or null before the first one. */
    OutletStatus status(int outlet) {
        return status.get(outlet);
    }

    void update(OutletStatus s) {
        status.set(s.outlet(), s);
    }

    void apply(CpStateChanged e) {
        status.updateAndGet(e.outlet(), s -> s == null ? null : copy(s).cpState(e.state()).pwm(e.pwm()).build());
    }

    void apply(FaultEvent e) {
        status.updateAndGet(e.outlet(), s -> s == null ? null : copy(s).faultMask(e.faultMask()).build());
    }

    void apply(IdPresented e) {
        status.updateAndGet(e.outlet(), s -> s == null ? null : copy(s).userId(e.userId()).build());
    }

    void contactorCommanded(int outlet, boolean closed) {
        status.updateAndGet(outlet, s -> s == null ? null : copy(s).contactorClosed(closed).build());
    }

    CanFrame lastCan(int outlet) {
        return lastCan.get(outlet);
    }

    void can(int outlet, CanFrame f) {
        lastCan.set(outlet, f);
    }

    /** True when the last known status says the contactor is closed. */
    boolean contactorKnownClosed(int outlet) {
        OutletStatus s = status.get(outlet);
        return s != null && s.contactorClosed();
    }

    private static OutletStatus.Builder copy(OutletStatus s) {
        return OutletStatus.builder(s.outlet()).cpState(s.cpState()).pwm(s.pwm()).contactorClosed(s.contactorClosed())
                .plugLocked(s.plugLocked()).faultMask(s.faultMask()).temperature(s.temperature())
                .userId(s.userId());
    }
}
