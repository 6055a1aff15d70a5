package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Sends a CAN frame to the vehicle on an outlet through the board's CAN tunnel; answered by {@link Ack}. */
public record SendCan(int outlet, CanFrame frame) implements Message {
    public SendCan {
        Checks.outlet(outlet);
        Checks.notNull("frame", frame);
    }

    @Override
    public MessageType type() {
        return MessageType.SEND_CAN;
    }
}
