package org.chargeflex.station.charging.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.charging.session.StatusSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest status values of the outlets (device address = outlet id, or {@code station}), each kept as a record
 * stamped when its value last changed. Connections of the {@code charging} driver read it and are told of changes.
 */
public final class StatusBoard implements StatusSink {
    private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);

    /** Receives the addresses whose values changed on a device. */
    interface Listener {
        void changed(String deviceAddress, List<String> addresses);
    }

    private final Map<String, Map<String, Record>> devices = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier clock;

    public StatusBoard(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void publish(String deviceAddress, Map<String, Value> values) {
        Map<String, Record> device = devices.computeIfAbsent(deviceAddress, d -> new ConcurrentHashMap<>());
        long now = clock.getAsLong();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Value> e : values.entrySet()) {
            Record old = device.get(e.getKey());
            if (old == null || !Objects.equals(old.getValue(), e.getValue())) {
                device.put(e.getKey(), new Record(e.getValue(), now));
                changed.add(e.getKey());
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        for (Listener l : listeners) {
            try {
                l.changed(deviceAddress, changed);
            } catch (RuntimeException ex) {
                LOG.error("A charging status listener failed", ex);
            }
        }
    }

    /** The record of a status value, or null when the outlet has not published it (yet). */
    public Record record(String deviceAddress, String address) {
        Map<String, Record> device = devices.get(deviceAddress);
        return device == null ? null : device.get(address);
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    void removeListener(Listener l) {
        listeners.remove(l);
    }
}
