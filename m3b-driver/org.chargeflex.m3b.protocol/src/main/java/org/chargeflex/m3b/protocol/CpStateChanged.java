package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/** Event: an outlet's CP state changed (e.g. B to C when the EV asks for energy); with the PWM duty at that moment. */
public record CpStateChanged(int outlet, CpState previous, CpState state, PwmDuty pwm) implements Message {
    public CpStateChanged {
        Checks.outlet(outlet);
        Checks.notNull("previous", previous);
        Checks.notNull("state", state);
        Checks.notNull("pwm", pwm);
    }

    @Override
    public MessageType type() {
        return MessageType.CP_STATE_CHANGED;
    }
}
