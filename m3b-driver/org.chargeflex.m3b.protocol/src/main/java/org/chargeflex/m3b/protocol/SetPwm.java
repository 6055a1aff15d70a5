package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Sets an outlet's CP PWM duty (and so the current limit it advertises); answered by {@link Ack}. */
public record SetPwm(int outlet, PwmDuty duty) implements Message {
    public SetPwm {
        Checks.outlet(outlet);
        Checks.notNull("duty", duty);
    }

    @Override
    public MessageType type() {
        return MessageType.SET_PWM;
    }
}
