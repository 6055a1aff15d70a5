package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Event: a periodic meter sample, every meter interval agreed in the {@link Hello}. */
public record MeterEvent(MeterSample sample) implements Message {
    public MeterEvent {
        Checks.notNull("sample", sample);
    }

    @Override
    public MessageType type() {
        return MessageType.METER_SAMPLE;
    }
}
