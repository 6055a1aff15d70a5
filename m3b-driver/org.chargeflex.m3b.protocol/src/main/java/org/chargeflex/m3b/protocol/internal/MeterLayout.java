package org.chargeflex.m3b.protocol.internal;

import org.chargeflex.m3b.protocol.MalformedMessageException;
import org.chargeflex.m3b.protocol.MeterSample;

/** u8 outlet, 3 x u16 0.1 V, 3 x u16 0.01 A, 3 x i32 W, i64 Wh. */
final class MeterLayout {
    private MeterLayout() {
    }

    static void write(PayloadWriter w, MeterSample s) {
        w.u8(s.outlet());
        for (int p = 1; p <= 3; p++) {
            w.u16((int) Math.round(s.voltage(p) * 10));
        }
        for (int p = 1; p <= 3; p++) {
            w.u16((int) Math.round(s.current(p) * 100));
        }
        for (int p = 1; p <= 3; p++) {
            w.u32((long) s.power(p));
        }
        w.i64(s.energyWh());
    }

    static MeterSample read(PayloadReader r) throws MalformedMessageException {
        MeterSample.Builder b = MeterSample.builder(r.u8("outlet"));
        for (int p = 1; p <= 3; p++) {
            b.voltage(p, r.u16("voltage L" + p) / 10.0);
        }
        for (int p = 1; p <= 3; p++) {
            b.current(p, r.u16("current L" + p) / 100.0);
        }
        for (int p = 1; p <= 3; p++) {
            b.power(p, (int) r.u32("power L" + p));
        }
        return b.energyWh(r.i64("energy")).build();
    }
}
