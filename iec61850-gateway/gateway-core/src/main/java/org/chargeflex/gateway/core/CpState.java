package org.chargeflex.gateway.core;

import java.time.Instant;
import java.util.Objects;

/**
 * IEC 61851-1 control pilot state of an outlet with quality and time.
 *
 * @param state A..F, or {@code '?'} when unknown (then the quality is {@link Quality#INVALID})
 */
public record CpState(char state, Quality quality, Instant time) {
    public static final CpState UNKNOWN = new CpState('?', Quality.INVALID, Instant.EPOCH);

    public CpState {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(time, "time");
        if (state != '?' && (state < 'A' || state > 'F')) {
            throw new IllegalArgumentException("CP state must be A..F, got '" + state + "'");
        }
    }

    /** 1..6 for A..F, 0 when unknown (the IEC 61850 ConnSt enumeration and the 104 state code). */
    public int code() {
        return state == '?' ? 0 : state - 'A' + 1;
    }

    /** An EV is plugged in (B, C or D). */
    public boolean plugged() {
        return state == 'B' || state == 'C' || state == 'D';
    }

    /** The EV draws power (C or D). */
    public boolean charging() {
        return state == 'C' || state == 'D';
    }

    /** Error states E (no power / short) and F (EVSE fault). */
    public boolean fault() {
        return state == 'E' || state == 'F';
    }

    public CpState aged() {
        return quality == Quality.GOOD ? new CpState(state, Quality.OLD_DATA, time) : this;
    }
}
