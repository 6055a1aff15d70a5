package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/**
 * Event: the board (re)started with a new boot id. All outlets are safe (contactors open, PWM 100 %) and the board
 * answers {@link AckStatus#NO_SESSION} until the host sends a new {@link Hello}.
 */
public record BootEvent(long bootId, BootReason reason) implements Message {
    public BootEvent {
        Checks.range("boot id", bootId, 0, 0xFFFF_FFFFL);
        Checks.notNull("reason", reason);
    }

    @Override
    public MessageType type() {
        return MessageType.BOOT;
    }
}
