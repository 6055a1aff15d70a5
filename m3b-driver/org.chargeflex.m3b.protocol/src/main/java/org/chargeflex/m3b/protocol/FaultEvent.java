package org.chargeflex.m3b.protocol;

import java.util.Set;
import org.chargeflex.m3b.protocol.internal.Checks;

/** Event: an outlet's fault mask changed (0 = all faults cleared). See {@link FaultFlag}. */
public record FaultEvent(int outlet, int faultMask) implements Message {
    public FaultEvent {
        Checks.outlet(outlet);
        Checks.range("fault mask", faultMask, 0, 0xFFFF);
    }

    public Set<FaultFlag> faults() {
        return FaultFlag.fromMask(faultMask);
    }

    @Override
    public MessageType type() {
        return MessageType.FAULT;
    }
}
