package org.chargeflex.station.api.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelScanInfo;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.DriverInfo;
import org.chargeflex.station.api.driver.DriverService;
import org.chargeflex.station.api.driver.RecordsReceivedListener;

/**
 * An in-memory driver: channel addresses are keys of a register map that reads return and writes set. Tests switch
 * on failures: refuse connections, break the open connection, delay calls, or throw unchecked exceptions.
 */
public class FakeDriver implements DriverService {
    private final String id;
    private final Map<String, Value> registers = new ConcurrentHashMap<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean refuseConnect;
    private volatile boolean breakConnection;
    private volatile boolean throwUnchecked;
    private volatile long delayMillis;
    private volatile RecordsReceivedListener listener;
    private volatile List<ChannelRecordContainer> listening = List.of();
    private volatile FakeConnection current;

    public FakeDriver(String id) {
        this.id = id;
    }

    @Override
    public DriverInfo getInfo() {
        return new DriverInfo(id, "fake driver for tests", "any", "register name");
    }

    @Override
    public Connection connect(DeviceConfig device) throws ConnectionException {
        connects.incrementAndGet();
        if (refuseConnect) {
            throw new ConnectionException("fake: connection refused to " + device.deviceAddress());
        }
        FakeConnection c = new FakeConnection();
        current = c;
        return c;
    }

    public void set(String address, Value value) {
        registers.put(address, value);
    }

    public Value get(String address) {
        return registers.get(address);
    }

    /** Pushes a value to listening channels with that address, as a listening device would. */
    public void push(String address, Value value, long timestamp) {
        registers.put(address, value);
        RecordsReceivedListener l = listener;
        if (l == null) {
            return;
        }
        List<ChannelRecordContainer> changed = new ArrayList<>();
        for (ChannelRecordContainer c : listening) {
            if (c.getChannelAddress().equals(address)) {
                c.setRecord(new Record(value, timestamp));
                changed.add(c);
            }
        }
        if (!changed.isEmpty()) {
            l.newRecords(changed);
        }
    }

    /** Breaks the current connection as a lost link would, telling a listening data manager. */
    public void interruptConnection() {
        FakeConnection c = current;
        RecordsReceivedListener l = listener;
        breakConnection = true;
        if (c != null && l != null) {
            l.connectionInterrupted(c, new ConnectionException("fake: link lost"));
        }
    }

    public void setRefuseConnect(boolean refuse) {
        this.refuseConnect = refuse;
    }

    public void setBreakConnection(boolean broken) {
        this.breakConnection = broken;
    }

    public void setThrowUnchecked(boolean throwUnchecked) {
        this.throwUnchecked = throwUnchecked;
    }

    public void setDelayMillis(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    public int connectCount() {
        return connects.get();
    }

    public int readCount() {
        return reads.get();
    }

    private final class FakeConnection implements Connection {
        private volatile boolean closed;

        private void check() throws ConnectionException {
            if (closed || breakConnection) {
                throw new ConnectionException("fake: connection broken");
            }
            if (throwUnchecked) {
                throw new IllegalStateException("fake: driver bug");
            }
            long d = delayMillis;
            if (d > 0) {
                try {
                    Thread.sleep(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectionException("fake: interrupted", e);
                }
            }
        }

        @Override
        public void read(List<ChannelRecordContainer> containers) throws ConnectionException {
            check();
            reads.incrementAndGet();
            long now = System.currentTimeMillis();
            for (ChannelRecordContainer c : containers) {
                Value v = registers.get(c.getChannelAddress());
                c.setRecord(v == null ? Record.of(Flag.INVALID_CHANNEL_ADDRESS, now) : new Record(v, now));
            }
        }

        @Override
        public void startListening(List<ChannelRecordContainer> containers, RecordsReceivedListener l)
                throws ConnectionException {
            check();
            listening = List.copyOf(containers);
            listener = l;
        }

        @Override
        public void write(List<ChannelValueContainer> containers) throws ConnectionException {
            check();
            for (ChannelValueContainer c : containers) {
                if (c.getChannelAddress().startsWith("readonly")) {
                    c.setFlag(Flag.DEVICE_REJECTED_VALUE);
                } else {
                    registers.put(c.getChannelAddress(), c.getValue());
                    c.setFlag(Flag.VALID);
                }
            }
        }

        @Override
        public List<ChannelScanInfo> scanForChannels() throws ConnectionException {
            check();
            return registers.entrySet().stream()
                    .map(e -> new ChannelScanInfo(e.getKey(), "register", e.getValue().type(), true, true))
                    .sorted(java.util.Comparator.comparing(ChannelScanInfo::channelAddress)).toList();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
