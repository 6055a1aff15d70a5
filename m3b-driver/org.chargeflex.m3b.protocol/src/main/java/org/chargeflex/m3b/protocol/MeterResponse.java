package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Answer to {@link GetMeter}. */
public record MeterResponse(MeterSample sample) implements Message {
    public MeterResponse {
        Checks.notNull("sample", sample);
    }

    @Override
    public MessageType type() {
        return MessageType.METER;
    }
}
