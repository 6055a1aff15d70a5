package org.chargeflex.m3b.protocol;

import java.util.EnumSet;
import java.util.Set;

/** Fault conditions of an outlet, carried as a 16-bit mask; any set bit makes the board open the contactor. */
public enum FaultFlag {
    CP_SHORT(0),
    DIODE_FAULT(1),
    RESIDUAL_CURRENT(2),
    OVERCURRENT(3),
    OVERTEMPERATURE(4),
    CONTACTOR_WELDED(5),
    /** The host stopped sending heartbeats; the board went safe by itself. */
    HOST_TIMEOUT(6),
    PLUG_LOCK_FAILED(7);

    private final int bit;

    FaultFlag(int bit) {
        this.bit = bit;
    }

    public int mask() {
        return 1 << bit;
    }

    public static int toMask(Set<FaultFlag> flags) {
        int m = 0;
        for (FaultFlag f : flags) {
            m |= f.mask();
        }
        return m;
    }

    /** The known flags in a mask; unknown bits are ignored here but kept in the raw mask. */
    public static Set<FaultFlag> fromMask(int mask) {
        Set<FaultFlag> s = EnumSet.noneOf(FaultFlag.class);
        for (FaultFlag f : values()) {
            if ((mask & f.mask()) != 0) {
                s.add(f);
            }
        }
        return s;
    }
}
