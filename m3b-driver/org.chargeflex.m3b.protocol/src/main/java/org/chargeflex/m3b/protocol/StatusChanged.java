package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Event: an outlet's contactor, plug lock or PWM changed (also when the board went safe by itself). */
public record StatusChanged(OutletStatus status) implements Message {
    public StatusChanged {
        Checks.notNull("status", status);
    }

    @Override
    public MessageType type() {
        return MessageType.STATUS_CHANGED;
    }
}
