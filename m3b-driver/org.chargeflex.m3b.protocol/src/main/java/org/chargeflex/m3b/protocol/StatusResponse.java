package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Answer to {@link GetStatus}. */
public record StatusResponse(OutletStatus status) implements Message {
    public StatusResponse {
        Checks.notNull("status", status);
    }

    @Override
    public MessageType type() {
        return MessageType.STATUS;
    }
}
