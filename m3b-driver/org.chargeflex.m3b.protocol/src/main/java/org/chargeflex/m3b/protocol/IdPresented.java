package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Event: a user id (RFID card UID, hex) was read at an outlet; "" when the id was withdrawn. */
public record IdPresented(int outlet, String userId) implements Message {
    public IdPresented {
        Checks.outlet(outlet);
        Checks.shortString("user id", userId);
    }

    @Override
    public MessageType type() {
        return MessageType.ID_PRESENTED;
    }
}
