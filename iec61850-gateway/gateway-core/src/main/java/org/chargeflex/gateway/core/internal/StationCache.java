package org.chargeflex.gateway.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationListener;
import org.chargeflex.gateway.core.StationSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry (stations and grid connection points), the latest snapshots and the limits served per target;
 * notifies listeners of changes.
 */
public final class StationCache {
    private static final Logger LOG = LoggerFactory.getLogger(StationCache.class);

    private volatile List<StationInfo> stations = List.of();
    private volatile List<GridConnectionPointInfo> gridConnectionPoints = List.of();
    private final Map<String, StationSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<CurtailmentTarget, Curtailment> curtailments = new ConcurrentHashMap<>();
    private final List<StationListener> listeners = new CopyOnWriteArrayList<>();

    public List<StationInfo> stations() {
        return stations;
    }

    public List<GridConnectionPointInfo> gridConnectionPoints() {
        return gridConnectionPoints;
    }

    public Optional<GridConnectionPointInfo> gridConnectionPoint(String id) {
        return gridConnectionPoints.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<StationSnapshot> snapshot(String id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    public Optional<Curtailment> curtailment(CurtailmentTarget target) {
        return Optional.ofNullable(curtailments.get(target));
    }

    /**
     * Replaces the registry; returns whether it changed. Snapshots of removed stations are dropped.
     *
     * @param gcps the grid connection points, or null to keep the last ones (they could not be read)
     */
    public boolean setRegistry(List<StationInfo> next, List<GridConnectionPointInfo> gcps) {
        List<GridConnectionPointInfo> nextGcps = gcps == null ? gridConnectionPoints : List.copyOf(gcps);
        if (next.equals(stations) && nextGcps.equals(gridConnectionPoints)) {
            return false;
        }
        gridConnectionPoints = nextGcps;
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

    /** Whether the target is in the registry. */
    public boolean known(CurtailmentTarget target) {
        return target.scope() == CurtailmentTarget.Scope.STATION ? snapshots.containsKey(target.id())
                : gridConnectionPoint(target.id()).isPresent();
    }

    /** Stores a snapshot and tells the listeners if it differs from the last one. */
    public void putSnapshot(StationSnapshot s) {
        StationSnapshot old = snapshots.put(s.id(), s);
        if (!s.equals(old)) {
            notifyAll(l -> l.snapshotChanged(s));
        }
    }

    /** Serves a new limit for its target. */
    public synchronized void putCurtailment(Curtailment c) {
        curtailments.put(c.target(), c);
        notifyAll(l -> l.curtailmentChanged(c.target()));
    }

    /** Serves no limit for the target (its rating). */
    public synchronized void removeCurtailment(CurtailmentTarget target) {
        curtailments.remove(target);
        notifyAll(l -> l.curtailmentChanged(target));
    }

    /**
     * Serves {@code restored} (null: no limit) for the target, but only if the served limit is still
     * {@code expected} (null: none), i.e. no newer command has replaced it meanwhile.
     *
     * @return whether it was restored
     */
    public synchronized boolean restore(CurtailmentTarget target, Curtailment expected, Curtailment restored) {
        if (!Objects.equals(curtailments.get(target), expected)) {
            return false;
        }
        if (restored == null) {
            curtailments.remove(target);
        } else {
            curtailments.put(target, restored);
        }
        notifyAll(l -> l.curtailmentChanged(target));
        return true;
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
