package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Closes or opens an outlet's contactor; answered by {@link Ack} ({@link AckStatus#UNSAFE} when refused). */
public record SetContactor(int outlet, boolean closed) implements Message {
    public SetContactor {
        Checks.outlet(outlet);
    }

    @Override
    public MessageType type() {
        return MessageType.SET_CONTACTOR;
    }
}
