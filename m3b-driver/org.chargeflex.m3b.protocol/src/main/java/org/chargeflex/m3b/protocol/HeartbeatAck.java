package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Answer to {@link Heartbeat}: the current boot id (a different one than at the handshake means the board reset). */
public record HeartbeatAck(long bootId, long uptimeMillis) implements Message {
    public HeartbeatAck {
        Checks.range("boot id", bootId, 0, 0xFFFF_FFFFL);
        Checks.range("uptime (ms)", uptimeMillis, 0, 0xFFFF_FFFFL);
    }

    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT_ACK;
    }
}
