package org.chargeflex.station.datamanager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelScanInfo;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.RecordsReceivedListener;
import org.chargeflex.station.api.driver.ScanException;
import org.chargeflex.station.api.test.FakeDriver;

/**
 * The API's {@link FakeDriver} plus what the data manager tests observe: when connects happened, which channel
 * addresses each read call carried, how many connections were closed, and whether two calls ever overlapped on one
 * connection.
 */
public class RecordingDriver extends FakeDriver {
    private final List<Long> connectNanos = new CopyOnWriteArrayList<>();
    private final List<List<String>> readCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();

    public RecordingDriver(String id) {
        super(id);
    }

    @Override
    public Connection connect(DeviceConfig device) throws ConnectionException {
        connectNanos.add(System.nanoTime());
        return new Recording(super.connect(device));
    }

    public List<Long> connectNanos() {
        return List.copyOf(connectNanos);
    }

    public List<List<String>> readCalls() {
        return List.copyOf(readCalls);
    }

    public int closeCount() {
        return closes.get();
    }

    public int overlapCount() {
        return overlaps.get();
    }

    private final class Recording implements Connection {
        private final Connection delegate;
        private final AtomicInteger active = new AtomicInteger();

        Recording(Connection delegate) {
            this.delegate = delegate;
        }

        private void enter() {
            if (active.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
        }

        @Override
        public void read(List<ChannelRecordContainer> containers) throws ConnectionException {
            enter();
            try {
                readCalls.add(containers.stream().map(ChannelRecordContainer::getChannelAddress).toList());
                delegate.read(containers);
            } finally {
                active.decrementAndGet();
            }
        }

        @Override
        public void startListening(List<ChannelRecordContainer> containers, RecordsReceivedListener listener)
                throws ConnectionException {
            enter();
            try {
                delegate.startListening(containers, listener);
            } finally {
                active.decrementAndGet();
            }
        }

        @Override
        public void write(List<ChannelValueContainer> containers) throws ConnectionException {
            enter();
            try {
                delegate.write(containers);
            } finally {
                active.decrementAndGet();
            }
        }

        @Override
        public List<ChannelScanInfo> scanForChannels() throws ScanException, ConnectionException {
            return delegate.scanForChannels();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            delegate.close();
        }
    }
}
