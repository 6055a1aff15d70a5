package org.chargeflex.m3b.protocol.internal;

import org.chargeflex.m3b.protocol.CpState;
import org.chargeflex.m3b.protocol.MalformedMessageException;
import org.chargeflex.m3b.protocol.OutletStatus;
import org.chargeflex.m3b.protocol.PwmDuty;

/** u8 outlet, u8 CP state, u16 PWM per mille, u8 bits (0 contactor, 1 lock), u16 faults, i16 0.1 °C, string user. */
final class StatusLayout {
    private StatusLayout() {
    }

    static void write(PayloadWriter w, OutletStatus s) {
        int bits = (s.contactorClosed() ? 1 : 0) | (s.plugLocked() ? 2 : 0);
        w.u8(s.outlet()).u8(s.cpState().code()).u16(s.pwm().permille()).u8(bits).u16(s.faultMask())
                .u16((int) Math.round(s.temperature() * 10)).string(s.userId());
    }

    static OutletStatus read(PayloadReader r) throws MalformedMessageException {
        OutletStatus.Builder b = OutletStatus.builder(r.u8("outlet"))
                .cpState(CpState.ofCode(r.u8("CP state")))
                .pwm(PwmDuty.ofPermille(r.u16("PWM duty")));
        int bits = r.u8("relay bits");
        if ((bits & ~3) != 0) {
            throw new MalformedMessageException("relay bits must only use bits 0 and 1, got " + bits);
        }
        return b.contactorClosed((bits & 1) != 0).plugLocked((bits & 2) != 0)
                .faultMask(r.u16("fault mask"))
                .temperature(r.i16("temperature") / 10.0)
                .userId(r.string("user id"))
                .build();
    }
}
