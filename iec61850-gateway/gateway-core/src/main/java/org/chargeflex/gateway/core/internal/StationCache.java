package org.chargeflex.gateway.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationListener;
import org.chargeflex.gateway.core.StationSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry, the latest snapshots and the curtailments in force; notifies listeners of changes. */
public final class StationCache {
    private static final Logger LOG = LoggerFactory.getLogger(StationCache.class);

    private volatile List<StationInfo> stations = List.of();
    private final Map<String, StationSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Curtailment> curtailments = new ConcurrentHashMap<>();
    private final List<StationListener> listeners = new CopyOnWriteArrayList<>();

    public List<StationInfo> stations() {
        return stations;
    }

    public Optional<StationSnapshot> snapshot(String id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    public Optional<Curtailment> curtailment(String id) {
        return Optional.ofNullable(curtailments.get(id));
    }

    /** Replaces the registry; returns whether it changed. Snapshots of removed stations are dropped. */
    public boolean setStations(List<StationInfo> next) {
        if (next.equals(stations)) {
            return false;
        }
        stations = List.copyOf(next);
        List<String> ids = next.stream().map(StationInfo::id).toList();
        snapshots.keySet().retainAll(ids);
        for (StationInfo info : next) {
            snapshots.compute(info.id(), (k, old) -> old != null && old.info().equals(info) ? old
                    : StationSnapshot.empty(info));
        }
        notifyAll(l -> l.registryChanged(stations));
        return true;
    }

    /** Stores a snapshot and tells the listeners if it differs from the last one. */
    public void putSnapshot(StationSnapshot s) {
        StationSnapshot old = snapshots.put(s.id(), s);
        if (!s.equals(old)) {
            notifyAll(l -> l.snapshotChanged(s));
        }
    }

    public void putCurtailment(Curtailment c) {
        curtailments.put(c.stationId(), c);
        notifyAll(l -> l.curtailmentChanged(c));
    }

    public void addListener(StationListener l) {
        listeners.add(l);
    }

    public void removeListener(StationListener l) {
        listeners.remove(l);
    }

    public List<StationSnapshot> snapshots() {
        return new ArrayList<>(snapshots.values());
    }

    private void notifyAll(Consumer<StationListener> call) {
        for (StationListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.error("A station listener failed", e);
            }
        }
    }
}
