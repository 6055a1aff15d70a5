package org.chargeflex.station.datamanager;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.datamanager.config.ChannelConfig;
import org.chargeflex.station.datamanager.config.ChannelConfigParser;
import org.chargeflex.station.datamanager.config.ConfigException;
import org.chargeflex.station.datamanager.config.DeviceKey;
import org.chargeflex.station.datamanager.config.DeviceSpec;
import org.chargeflex.station.datamanager.config.StationConfig;
import org.chargeflex.station.datamanager.history.HistoryStore;
import org.chargeflex.station.datamanager.routing.ChannelImpl;
import org.chargeflex.station.datamanager.routing.DeviceContext;
import org.chargeflex.station.datamanager.routing.DeviceHandler;
import org.chargeflex.station.datamanager.routing.ListenerDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data manager without OSGi: loads the channels file, keeps one {@link ChannelImpl} per label and one
 * {@link DeviceHandler} per configured device, and applies a changed file as a diff: unchanged channels keep their
 * latest record, listeners and history; removed channels get a final CHANNEL_DELETED record; changed devices
 * reconnect; new ones start. A file with any problem is rejected whole and the previous configuration stays.
 */
public final class DataManager implements DataAccessService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataManager.class);

    private final Clock clock;
    private final DriverRegistry drivers;
    private final ListenerDispatcher dispatcher = new ListenerDispatcher();
    private final DeviceContext deviceContext;
    private final ChannelsFileWatcher watcher;
    private final DriverRegistry.Listener driverListener = this::driverChanged;
    private final Map<String, ChannelImpl> channels = new ConcurrentSkipListMap<>();
    private volatile Settings settings;
    // guarded by this:
    private final Map<DeviceKey, DeviceHandler> devices = new LinkedHashMap<>();
    private HistoryStore historyStore;
    private StationConfig config = StationConfig.EMPTY;
    private boolean closed;

    /**
     * @param scheduler runs sampling, timeouts, retries and the file check; owned by the caller
     * @param drivers the driver services present; the data manager follows its changes once started
     */
    public DataManager(Settings settings, ScheduledExecutorService scheduler, Clock clock, DriverRegistry drivers) {
        this.settings = settings;
        this.clock = clock;
        this.drivers = drivers;
        this.deviceContext = new DeviceContext(scheduler, clock, () -> this.settings.timing());
        this.watcher = new ChannelsFileWatcher(scheduler, this::reload);
        this.historyStore = new HistoryStore(settings.historyDirectory());
    }

    /** Loads the channels file, connects the devices and starts watching the file. */
    public synchronized void start() {
        drivers.addListener(driverListener);
        watcher.start(settings.channelsFile(), settings.channelsFilePollMillis());
        reload();
    }

    /**
     * Reads the channels file and applies it. A missing or invalid file is logged and changes nothing.
     *
     * @return whether the file was applied
     */
    public synchronized boolean reload() {
        if (closed) {
            return false;
        }
        var file = settings.channelsFile();
        if (!Files.exists(file)) {
            LOG.warn("Channels file {} does not exist; keeping the current configuration ({} channels)", file,
                    channels.size());
            return false;
        }
        StationConfig next;
        try {
            next = ChannelConfigParser.parse(file);
        } catch (ConfigException e) {
            LOG.error("Channel configuration rejected, the previous configuration stays in force:\n{}",
                    e.getMessage());
            return false;
        }
        apply(next);
        LOG.info("Channel configuration {} applied: {} devices, {} channels", file, next.devices().size(),
                next.channelCount());
        return true;
    }

    /** Applies new settings (ConfigAdmin change) without dropping channels, listeners or connections. */
    public synchronized void updateSettings(Settings next) {
        Settings prev = settings;
        settings = next;
        if (closed) {
            return;
        }
        boolean newDirectory = !prev.historyDirectory().equals(next.historyDirectory());
        if (newDirectory) {
            historyStore = new HistoryStore(next.historyDirectory());
        }
        if (newDirectory || prev.historyMaxRecords() != next.historyMaxRecords()) {
            openHistories(newDirectory);
        }
        boolean newFile = !prev.channelsFile().equals(next.channelsFile());
        if (newFile || prev.channelsFilePollMillis() != next.channelsFilePollMillis()) {
            watcher.start(next.channelsFile(), next.channelsFilePollMillis());
        }
        if (newFile) {
            reload();
        }
    }

    synchronized void apply(StationConfig next) {
        Map<DeviceKey, DeviceSpec> nextDevices = next.devicesByKey();
        for (Iterator<Map.Entry<DeviceKey, DeviceHandler>> it = devices.entrySet().iterator(); it.hasNext();) {
            Map.Entry<DeviceKey, DeviceHandler> e = it.next();
            if (!e.getValue().spec().equals(nextDevices.get(e.getKey()))) {
                LOG.info("Device {} removed or changed; closing it", e.getKey());
                e.getValue().stop();
                it.remove();
            }
        }
        Map<String, ChannelConfig> nextChannels = next.channelsByLabel();
        for (String label : List.copyOf(channels.keySet())) {
            if (!nextChannels.containsKey(label)) {
                LOG.info("Channel '{}' removed from the configuration", label);
                channels.remove(label).delete();
            }
        }
        Map<String, ChannelImpl> added = new LinkedHashMap<>();
        for (DeviceSpec device : next.devices()) {
            List<ChannelImpl> deviceChannels = new ArrayList<>();
            for (ChannelConfig c : device.channels()) {
                deviceChannels.add(channelFor(c, device, added));
            }
            if (!devices.containsKey(device.key())) {
                DeviceHandler handler = new DeviceHandler(device, deviceChannels, deviceContext);
                devices.put(device.key(), handler);
                deviceChannels.forEach(ch -> ch.attach(handler));
                handler.start(drivers.get(device.driverId()));
            }
        }
        channels.putAll(added); // visible only once attached to their started device
        config = next;
    }

    private ChannelImpl channelFor(ChannelConfig c, DeviceSpec device, Map<String, ChannelImpl> added) {
        int maxRecords = c.effectiveHistoryMaxRecords(settings.historyMaxRecords());
        ChannelImpl ch = channels.get(c.label());
        if (ch == null) {
            ch = new ChannelImpl(c, device, clock, dispatcher);
            ch.openHistory(historyStore, maxRecords);
            added.put(c.label(), ch);
            return ch;
        }
        ch.reconfigure(c, device);
        if (ch.historyMaxRecords() != maxRecords) {
            ch.openHistory(historyStore, maxRecords);
        }
        return ch;
    }

    private void openHistories(boolean always) {
        for (DeviceSpec device : config.devices()) {
            for (ChannelConfig c : device.channels()) {
                ChannelImpl ch = channels.get(c.label());
                int maxRecords = c.effectiveHistoryMaxRecords(settings.historyMaxRecords());
                if (ch != null && (always || ch.historyMaxRecords() != maxRecords)) {
                    ch.openHistory(historyStore, maxRecords);
                }
            }
        }
    }

    private synchronized void driverChanged(String driverId) {
        if (closed) {
            return;
        }
        var driver = drivers.get(driverId);
        for (DeviceHandler h : devices.values()) {
            if (h.spec().driverId().equals(driverId)) {
                h.setDriver(driver);
            }
        }
    }

    /** Closes every connection and history; the scheduler stays the caller's to shut down. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            drivers.removeListener(driverListener);
            watcher.stop();
            devices.values().forEach(DeviceHandler::stop);
            devices.clear();
            channels.values().forEach(ChannelImpl::shutDown);
        }
        dispatcher.close();
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public List<String> getAllLabels() {
        return List.copyOf(channels.keySet());
    }

    @Override
    public Optional<Channel> getChannel(String label) {
        return Optional.ofNullable(channels.get(label));
    }
}
