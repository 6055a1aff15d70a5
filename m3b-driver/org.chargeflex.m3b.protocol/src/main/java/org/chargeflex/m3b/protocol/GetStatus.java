package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Asks for an outlet's {@link OutletStatus}; answered by {@link StatusResponse}. */
public record GetStatus(int outlet) implements Message {
    public GetStatus {
        Checks.outlet(outlet);
    }

    @Override
    public MessageType type() {
        return MessageType.GET_STATUS;
    }
}
