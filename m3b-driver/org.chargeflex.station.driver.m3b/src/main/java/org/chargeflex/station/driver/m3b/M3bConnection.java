package org.chargeflex.station.driver.m3b;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.CanReceived;
import org.chargeflex.m3b.protocol.CpStateChanged;
import org.chargeflex.m3b.protocol.FaultEvent;
import org.chargeflex.m3b.protocol.GetMeter;
import org.chargeflex.m3b.protocol.GetStatus;
import org.chargeflex.m3b.protocol.HelloAck;
import org.chargeflex.m3b.protocol.IdPresented;
import org.chargeflex.m3b.protocol.Message;
import org.chargeflex.m3b.protocol.MeterResponse;
import org.chargeflex.m3b.protocol.StatusChanged;
import org.chargeflex.m3b.protocol.StatusResponse;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelScanInfo;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.RecordsReceivedListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open connection to one M3B board. Per-channel problems become the channel's flag (bad address
 * INVALID_CHANNEL_ADDRESS, no answer TIMEOUT, refused value INVALID_VALUE / DEVICE_REJECTED_VALUE); a broken link
 * (closed, too many timeouts, board reset, session lost) throws {@link ConnectionException} and, while listening, is
 * reported to the listener. Events keep a mirror of the outlets for the safety checks and open the contactor when
 * the CP state leaves C/D or a fault appears.
 */
final class M3bConnection implements Connection, BoardLink.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(M3bConnection.class);
    private final BoardLink link;
    private final LinkCounters counters;
    private final BoardMirror mirror;
    private final ChannelWriter writer;
    private final HelloAck session;
    private volatile List<ChannelRecordContainer> listening = List.of();
    private volatile RecordsReceivedListener listener;

    M3bConnection(BoardLink link, LinkCounters counters, double maxCurrent) {
        this.link = link;
        this.counters = counters;
        this.session = link.session();
        this.mirror = new BoardMirror(session.outletCount());
        this.writer = new ChannelWriter(link, mirror, counters, maxCurrent);
        link.setSink(this);
    }

    @Override
    public void read(List<ChannelRecordContainer> containers) throws ConnectionException {
        Map<Integer, Object> statusByOutlet = new HashMap<>();
        Map<Integer, Object> meterByOutlet = new HashMap<>();
        for (ChannelRecordContainer c : containers) {
            long now = System.currentTimeMillis();
            ChannelRef ref = resolve(c);
            if (ref == null) {
                c.setRecord(Record.of(Flag.INVALID_CHANNEL_ADDRESS, now));
                continue;
            }
            ChannelKind k = ref.kind();
            Object answer = switch (k.source()) {
                case STATUS -> fetch(statusByOutlet, ref.outlet(), true);
                case METER -> fetch(meterByOutlet, ref.outlet(), false);
                default -> null;
            };
            c.setRecord(record(ref, answer, now));
        }
    }

    /** Asks the board once per outlet and call; the answer (a message or a flag) is cached for the call. */
    private Object fetch(Map<Integer, Object> cache, int outlet, boolean status) throws ConnectionException {
        if (cache.containsKey(outlet)) {
            return cache.get(outlet);
        }
        Object result;
        try {
            Message m = link.request(status ? new GetStatus(outlet) : new GetMeter(outlet));
            if (m instanceof StatusResponse r) {
                mirror.update(r.status());
            }
            result = m;
        } catch (RequestTimeoutException e) {
            result = Flag.TIMEOUT;
        }
        cache.put(outlet, result);
        return result;
    }

    private Record record(ChannelRef ref, Object answer, long now) {
        ChannelKind k = ref.kind();
        if (answer instanceof Flag f) {
            return Record.of(f, now);
        }
        return switch (k.source()) {
            case STATUS -> answer instanceof StatusResponse r ? new Record(ChannelValues.of(k, r.status()), now)
                    : Record.of(Flag.DRIVER_ERROR, now);
            case METER -> answer instanceof MeterResponse r ? new Record(ChannelValues.of(k, r.sample()), now)
                    : Record.of(Flag.DRIVER_ERROR, now);
            case CAN -> {
                if (k == ChannelKind.CAN_TX) {
                    yield Record.of(Flag.ACCESS_DENIED, now);
                }
                CanFrame f = mirror.lastCan(ref.outlet());
                yield f == null ? Record.of(Flag.NO_VALUE_RECEIVED_YET, now) : new Record(ChannelValues.of(f), now);
            }
            case BOARD -> new Record(switch (k) {
                case FIRMWARE -> Value.of(session.firmware());
                case OUTLET_COUNT -> Value.of((long) session.outletCount());
                default -> Value.of(session.bootId());
            }, now);
            case COUNTER -> new Record(Value.of(counters.get(k.counter())), now);
        };
    }

    private ChannelRef resolve(ChannelRecordContainer c) {
        if (c.getHandle() instanceof ChannelRef ref) {
            return ref;
        }
        try {
            ChannelRef ref = ChannelRef.parse(c.getChannelAddress(), c.getParameters(), session.outletCount());
            c.setHandle(ref);
            return ref;
        } catch (ArgumentSyntaxException e) {
            LOG.warn("{}", e.getMessage());
            return null;
        }
    }

    @Override
    public void startListening(List<ChannelRecordContainer> containers, RecordsReceivedListener l)
            throws ConnectionException {
        link.checkUsable();
        List<ChannelRecordContainer> accepted = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (ChannelRecordContainer c : containers) {
            ChannelRef ref = resolve(c);
            if (ref == null) {
                c.setRecord(Record.of(Flag.INVALID_CHANNEL_ADDRESS, now));
            } else if (!ref.kind().listenable()) {
                c.setRecord(Record.of(Flag.ACCESS_DENIED, now));
            } else {
                accepted.add(c);
            }
        }
        listening = List.copyOf(accepted);
        listener = l;
    }

    @Override
    public void write(List<ChannelValueContainer> containers) throws ConnectionException {
        for (ChannelValueContainer c : containers) {
            ChannelRef ref;
            try {
                ref = ChannelRef.parse(c.getChannelAddress(), c.getParameters(), session.outletCount());
            } catch (ArgumentSyntaxException e) {
                LOG.warn("{}", e.getMessage());
                c.setFlag(Flag.INVALID_CHANNEL_ADDRESS);
                continue;
            }
            c.setFlag(ref.kind().writable() ? writer.write(ref, c.getValue()) : Flag.ACCESS_DENIED);
        }
    }

    @Override
    public List<ChannelScanInfo> scanForChannels() throws ConnectionException {
        try {
            link.request(new org.chargeflex.m3b.protocol.Heartbeat());
        } catch (RequestTimeoutException e) {
            throw new ConnectionException("m3b " + link.describe() + ": board does not answer the scan", e);
        }
        List<ChannelScanInfo> out = new ArrayList<>();
        for (ChannelKind k : ChannelKind.values()) {
            String where = k.perOutlet() ? " (parameter outlet: 1.." + session.outletCount() + ")" : "";
            out.add(new ChannelScanInfo(k.address(), k.description() + where, k.type(), k.readable(), k.writable()));
        }
        return out;
    }

    // --- BoardLink.Sink: events on the reader thread ----------------------------------------------------------------

    @Override
    public void event(Message event) {
        if (event instanceof StatusChanged s) {
            mirror.update(s.status());
        } else if (event instanceof CpStateChanged c) {
            mirror.apply(c);
            if (!c.state().allowsEnergyTransfer()) {
                link.async(() -> writer.openForSafety(c.outlet(), "CP state " + c.state()));
            }
        } else if (event instanceof FaultEvent f) {
            mirror.apply(f);
            if (f.faultMask() != 0) {
                link.async(() -> writer.openForSafety(f.outlet(), "faults " + f.faults()));
            }
        } else if (event instanceof IdPresented i) {
            mirror.apply(i);
        } else if (event instanceof CanReceived r) {
            mirror.can(r.outlet(), r.frame());
        }
        RecordsReceivedListener l = listener;
        if (l != null) {
            List<ChannelRecordContainer> changed = EventRouter.route(event, listening, System.currentTimeMillis());
            if (!changed.isEmpty()) {
                l.newRecords(changed);
            }
        }
    }

    @Override
    public void broken(ConnectionException cause) {
        RecordsReceivedListener l = listener;
        if (l != null) {
            l.connectionInterrupted(this, cause);
        }
    }

    @Override
    public void close() {
        listener = null;
        link.close();
    }
}
