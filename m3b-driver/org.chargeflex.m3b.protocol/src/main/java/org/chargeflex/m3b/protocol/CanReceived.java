package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Event: the board received a CAN frame from the vehicle on an outlet. */
public record CanReceived(int outlet, CanFrame frame) implements Message {
    public CanReceived {
        Checks.outlet(outlet);
        Checks.notNull("frame", frame);
    }

    @Override
    public MessageType type() {
        return MessageType.CAN_RECEIVED;
    }
}
