package org.chargeflex.gateway.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.SourceException;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.core.StationSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the source on its own thread and fills the cache; a failed read ages the station's last values. */
public final class StationPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationPoller.class);

    private final StationSource source;
    private final StationCache cache;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-poller");
        t.setDaemon(true);
        return t;
    });

    public StationPoller(StationSource source, StationCache cache, Duration interval) {
        this.source = source;
        this.cache = cache;
        this.interval = interval;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One poll: registry, then every station. Synchronized so that an explicit poll and the timer never overlap. */
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
