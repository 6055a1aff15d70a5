package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Locks or unlocks an outlet's plug; answered by {@link Ack}. */
public record SetLock(int outlet, boolean locked) implements Message {
    public SetLock {
        Checks.outlet(outlet);
    }

    @Override
    public MessageType type() {
        return MessageType.SET_LOCK;
    }
}
