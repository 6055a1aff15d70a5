package org.chargeflex.m3b.protocol;

/** The host is alive; sent at least every heartbeat interval. Answered by {@link HeartbeatAck}. */
public record Heartbeat() implements Message {
    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}
