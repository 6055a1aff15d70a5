package org.chargeflex.station.datamanager.routing;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.RecordListener;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.datamanager.config.ChannelConfig;
import org.chargeflex.station.datamanager.config.DeviceSpec;
import org.chargeflex.station.datamanager.history.ChannelHistory;
import org.chargeflex.station.datamanager.history.HistoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configured channel: its latest record, listeners and history, with reads and writes routed to the
 * {@link DeviceHandler} of its device. The object lives as long as its label stays in the configuration, so a reload
 * keeps its listeners; only removal from the configuration ends it (with a {@link Flag#CHANNEL_DELETED} record).
 */
public final class ChannelImpl implements Channel {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelImpl.class);

    private final String label;
    private final Clock clock;
    private final ListenerDispatcher dispatcher;
    private final List<RecordListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ChannelConfig config;
    private volatile DeviceSpec device;
    private volatile DeviceHandler handler;
    private volatile Record latest;
    private ChannelHistory history = ChannelHistory.disabled(); // guarded by this
    private boolean deleted; // guarded by this
    private boolean historyFailing; // guarded by this

    public ChannelImpl(ChannelConfig config, DeviceSpec device, Clock clock, ListenerDispatcher dispatcher) {
        this.label = config.label();
        this.config = config;
        this.device = device;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.latest = Record.of(Flag.NO_VALUE_RECEIVED_YET, clock.millis());
    }

    public ChannelConfig config() {
        return config;
    }

    /** Takes a new configuration of the same label; a new value type invalidates the latest record. */
    public void reconfigure(ChannelConfig newConfig, DeviceSpec newDevice) {
        if (!newConfig.label().equals(label)) {
            throw new IllegalArgumentException("label " + newConfig.label() + " is not " + label);
        }
        ValueType oldType = config.valueType();
        config = newConfig;
        device = newDevice;
        if (oldType != newConfig.valueType()) {
            synchronized (this) {
                latest = Record.of(Flag.NO_VALUE_RECEIVED_YET, clock.millis());
            }
        }
    }

    /** Routes reads and writes to this device handler; null when the channel has none (shut down). */
    public void attach(DeviceHandler deviceHandler) {
        this.handler = deviceHandler;
    }

    /**
     * Closes the current history and opens the one in {@code store} with this bound (0: none). Appends wait meanwhile,
     * so that two writers never share a segment file.
     */
    public synchronized void openHistory(HistoryStore store, int maxRecords) {
        history.close();
        history = store.open(label, maxRecords);
        historyFailing = false;
    }

    public synchronized int historyMaxRecords() {
        return history.maxRecords();
    }

    /** Makes {@code record} the latest, stores it and tells the listeners; ignored once the channel is deleted. */
    public void accept(Record record) {
        synchronized (this) {
            if (deleted) {
                return;
            }
            latest = record;
            store(record);
        }
        dispatcher.dispatch(label, record, listeners);
    }

    /** Accepts a record as a driver delivered it: converted to the channel's type and scaled. */
    public Record acceptFromDriver(Record raw) {
        Record r = ValueScaling.fromDriver(raw, config, clock.millis());
        accept(r);
        return r;
    }

    /** Accepts a record without value that carries only this flag. */
    public void flag(Flag flag) {
        accept(Record.of(flag, clock.millis()));
    }

    /** The channel left the configuration: a final {@link Flag#CHANNEL_DELETED} record, then nothing more. */
    public void delete() {
        Record last = Record.of(Flag.CHANNEL_DELETED, clock.millis());
        synchronized (this) {
            if (deleted) {
                return;
            }
            latest = last;
            store(last);
            deleted = true;
            history.close();
        }
        handler = null;
        dispatcher.dispatch(label, last, listeners);
    }

    /** The data manager shuts down: the history is closed, reads and writes answer DRIVER_UNAVAILABLE. */
    public void shutDown() {
        handler = null;
        synchronized (this) {
            history.close();
        }
    }

    private void store(Record record) {
        try {
            history.append(record);
            if (historyFailing) {
                historyFailing = false;
                LOG.info("History of channel '{}' is written again", label);
            }
        } catch (IOException e) {
            if (!historyFailing) {
                historyFailing = true;
                LOG.error("Cannot write the history of channel '{}'; records are kept in memory only until it works",
                        label, e);
            }
        }
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public String getDescription() {
        return config.description();
    }

    @Override
    public ValueType getValueType() {
        return config.valueType();
    }

    @Override
    public String getUnit() {
        return config.unit();
    }

    @Override
    public long getSamplingIntervalMillis() {
        return config.samplingIntervalMillis();
    }

    @Override
    public boolean isListening() {
        return config.listening();
    }

    @Override
    public boolean isWritable() {
        return config.writable();
    }

    @Override
    public String getDriverId() {
        return device.driverId();
    }

    @Override
    public String getDeviceAddress() {
        return device.deviceAddress();
    }

    @Override
    public String getChannelAddress() {
        return config.channelAddress();
    }

    @Override
    public Record getLatestRecord() {
        return latest;
    }

    @Override
    public Record read() {
        synchronized (this) {
            if (deleted) {
                return Record.of(Flag.CHANNEL_DELETED, clock.millis());
            }
        }
        DeviceHandler h = handler;
        if (h == null) {
            return Record.of(Flag.DRIVER_UNAVAILABLE, clock.millis());
        }
        return h.read(this);
    }

    @Override
    public Flag write(Value value) {
        if (value == null) {
            return Flag.CANNOT_WRITE_NULL_VALUE;
        }
        ChannelConfig c = config;
        if (!c.writable()) {
            return Flag.ACCESS_DENIED;
        }
        synchronized (this) {
            if (deleted) {
                return Flag.CHANNEL_DELETED;
            }
        }
        Value channelValue;
        Value driverValue;
        try {
            channelValue = ValueScaling.toChannelType(value, c);
            driverValue = ValueScaling.unscale(channelValue, c);
        } catch (ValueScaling.InvalidValueException e) {
            LOG.debug("Write to channel '{}' refused: {}", label, e.getMessage());
            return Flag.INVALID_VALUE;
        }
        DeviceHandler h = handler;
        if (h == null) {
            return Flag.DRIVER_UNAVAILABLE;
        }
        Flag outcome = h.write(this, driverValue);
        if (outcome == Flag.VALID) {
            accept(new Record(channelValue, clock.millis()));
        }
        return outcome;
    }

    @Override
    public List<Record> getHistory(long from, long until) {
        ChannelHistory h;
        synchronized (this) {
            h = history;
        }
        try {
            return h.read(from, until);
        } catch (IOException e) {
            LOG.error("Cannot read the history of channel '{}'", label, e);
            return List.of();
        }
    }

    @Override
    public void addListener(RecordListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(RecordListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "Channel[" + label + "]";
    }
}
