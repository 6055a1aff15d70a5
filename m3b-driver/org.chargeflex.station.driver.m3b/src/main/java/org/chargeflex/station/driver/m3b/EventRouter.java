package org.chargeflex.station.driver.m3b;

import java.util.ArrayList;
import java.util.List;
import org.chargeflex.m3b.protocol.CanReceived;
import org.chargeflex.m3b.protocol.CpStateChanged;
import org.chargeflex.m3b.protocol.FaultEvent;
import org.chargeflex.m3b.protocol.IdPresented;
import org.chargeflex.m3b.protocol.Message;
import org.chargeflex.m3b.protocol.MeterEvent;
import org.chargeflex.m3b.protocol.StatusChanged;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.driver.ChannelRecordContainer;

/** Maps one board event onto the listening containers it updates. */
final class EventRouter {
    private EventRouter() {
    }

    /** Sets new records on the containers the event concerns and returns them. */
    static List<ChannelRecordContainer> route(Message event, List<ChannelRecordContainer> listening, long now) {
        List<ChannelRecordContainer> out = new ArrayList<>();
        for (ChannelRecordContainer c : listening) {
            if (!(c.getHandle() instanceof ChannelRef ref)) {
                continue;
            }
            Value v = valueFor(event, ref);
            if (v != null) {
                c.setRecord(new Record(v, now));
                out.add(c);
            }
        }
        return out;
    }

    private static Value valueFor(Message event, ChannelRef ref) {
        ChannelKind k = ref.kind();
        if (event instanceof StatusChanged s && s.status().outlet() == ref.outlet()
                && k.source() == ChannelKind.Source.STATUS) {
            return ChannelValues.of(k, s.status());
        }
        if (event instanceof MeterEvent m && m.sample().outlet() == ref.outlet()
                && k.source() == ChannelKind.Source.METER) {
            return ChannelValues.of(k, m.sample());
        }
        if (event instanceof CpStateChanged c && c.outlet() == ref.outlet()) {
            return switch (k) {
                case CP_STATE -> Value.of(c.state().name());
                case PWM_DUTY -> Value.of(c.pwm().percent());
                case CURRENT_LIMIT -> Value.of(c.pwm().currentLimit());
                default -> null;
            };
        }
        if (event instanceof FaultEvent f && f.outlet() == ref.outlet() && k == ChannelKind.FAULT_FLAGS) {
            return Value.of((long) f.faultMask());
        }
        if (event instanceof IdPresented i && i.outlet() == ref.outlet() && k == ChannelKind.USER_ID) {
            return Value.of(i.userId());
        }
        if (event instanceof CanReceived r && r.outlet() == ref.outlet() && k == ChannelKind.CAN_RX
                && (ref.canId() == null || ref.canId() == r.frame().id())) {
            return ChannelValues.of(r.frame());
        }
        return null;
    }
}
