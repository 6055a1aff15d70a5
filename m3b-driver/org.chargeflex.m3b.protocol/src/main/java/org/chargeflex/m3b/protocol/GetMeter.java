package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Asks for an outlet's {@link MeterSample}; answered by {@link MeterResponse}. */
public record GetMeter(int outlet) implements Message {
    public GetMeter {
        Checks.outlet(outlet);
    }

    @Override
    public MessageType type() {
        return MessageType.GET_METER;
    }
}
