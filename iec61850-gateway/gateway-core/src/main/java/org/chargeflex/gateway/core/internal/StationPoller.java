package org.chargeflex.gateway.core.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.SourceException;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.core.StationSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the source on its own thread and fills the cache; a failed read ages the station's last values. Each cycle
 * also reads the curtailments in force at the source once and serves them (set or lifted there by someone else, e.g.
 * an operator or another gateway), except for targets with a command of this gateway in flight (see
 * {@link CurtailmentDispatcher#busySince}).
 */
public final class StationPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationPoller.class);

    private final StationSource source;
    private final StationCache cache;
    private final CurtailmentDispatcher dispatcher;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-poller");
        t.setDaemon(true);
        return t;
    });

    public StationPoller(StationSource source, StationCache cache, CurtailmentDispatcher dispatcher,
            Duration interval) {
        this.source = source;
        this.cache = cache;
        this.dispatcher = dispatcher;
        this.interval = interval;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * One poll: registry, every station, then the curtailments in force. Synchronized so that an explicit poll and the
     * timer never overlap.
     */
    public synchronized void pollOnce() {
        List<GridConnectionPointInfo> gcps = null;
        try {
            gcps = source.gridConnectionPoints();
        } catch (SourceException e) {
            LOG.warn("Cannot read the grid connection points; serving the last ones: {}", e.getMessage());
        }
        try {
            cache.setRegistry(source.stations(), gcps);
        } catch (SourceException e) {
            LOG.warn("Cannot read the station registry; serving the last one: {}", e.getMessage());
            if (gcps != null) {
                cache.setRegistry(cache.stations(), gcps);
            }
        }
        List<StationInfo> stations = cache.stations();
        for (StationInfo info : stations) {
            cache.putSnapshot(readOrAge(info));
        }
        pollCurtailments();
    }

    /** One read of the curtailments in force; each known target not busy with a command of ours serves the source's. */
    private void pollCurtailments() {
        long mark = dispatcher.mark();
        Map<CurtailmentTarget, Curtailment> inForce = new HashMap<>();
        try {
            for (Curtailment c : source.curtailments()) {
                inForce.put(c.target(), c);
            }
        } catch (SourceException e) {
            LOG.warn("Cannot read the curtailments in force; serving the last known limits: {}", e.getMessage());
            return;
        }
        Set<CurtailmentTarget> targets = new HashSet<>(inForce.keySet());
        cache.stations().forEach(s -> targets.add(CurtailmentTarget.station(s.id())));
        cache.gridConnectionPoints().forEach(g -> targets.add(CurtailmentTarget.gridConnectionPoint(g.id())));
        for (CurtailmentTarget target : targets) {
            if (cache.known(target)) {
                reconcile(target, inForce.get(target), mark);
            }
        }
    }

    private void reconcile(CurtailmentTarget target, Curtailment atSource, long mark) {
        Curtailment served = cache.curtailment(target).orElse(null);
        if (dispatcher.busySince(target, mark)) {
            return;
        }
        dispatcher.accepted(target, Optional.ofNullable(atSource));
        if (sameLimit(served, atSource)) {
            return;
        }
        // Compare-and-set: a command of ours that got served after the read above keeps its limit.
        if (cache.restore(target, served, atSource)) {
            LOG.info("Curtailment of {} changed at the CIO: {}", target, atSource == null ? "lifted"
                    : "limit " + atSource.limitW() + " W" + (atSource.emergency() ? " (emergency)" : "")
                            + " (from " + atSource.origin() + ")");
        }
    }

    private static boolean sameLimit(Curtailment a, Curtailment b) {
        return a == null || b == null ? Objects.equals(a, b)
                : a.limitW() == b.limitW() && a.emergency() == b.emergency();
    }

    private StationSnapshot readOrAge(StationInfo info) {
        try {
            StationSnapshot s = source.read(info);
            if (!s.info().equals(info)) {
                throw new SourceException("the source answered for a different station registration");
            }
            return s;
        } catch (SourceException e) {
            LOG.warn("Cannot read station {}; serving its last values as old data: {}", info.id(), e.getMessage());
            return cache.snapshot(info.id()).map(StationSnapshot::aged).orElse(StationSnapshot.empty(info));
        }
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            LOG.error("Station poll failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
