package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** The board's answer to a command: which request type it answers and the outcome. */
public record Ack(int requestType, AckStatus status) implements Message {
    public Ack {
        Checks.range("request type", requestType, 0, 255);
        Checks.notNull("status", status);
    }

    public Ack(MessageType request, AckStatus status) {
        this(Checks.notNull("request", request).code(), status);
    }

    public boolean isOk() {
        return status == AckStatus.OK;
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
