package org.chargeflex.gateway.core.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentSink;
import org.chargeflex.gateway.core.SinkException;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies curtailments on its own thread: the newest per station wins; a failure is retried after a delay unless a
 * newer curtailment for the station arrived meanwhile. An emergency goes to the station first, then to the CIO.
 */
public final class CurtailmentDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CurtailmentDispatcher.class);

    private final CurtailmentSink sink;
    private final StationCache cache;
    private final EmergencySplitter splitter;
    private final Duration retryDelay;
    private final Map<String, Curtailment> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-curtailment");
        t.setDaemon(true);
        return t;
    });

    public CurtailmentDispatcher(CurtailmentSink sink, StationCache cache, double minimumSessionPowerW,
            double voltageV, Duration retryDelay) {
        this.sink = sink;
        this.cache = cache;
        this.splitter = new EmergencySplitter(minimumSessionPowerW, voltageV);
        this.retryDelay = retryDelay;
    }

    /** Queues a curtailment; returns at once. */
    public void submit(Curtailment c) {
        pending.put(c.stationId(), c);
        executor.execute(() -> apply(c.stationId()));
    }

    private void apply(String stationId) {
        Curtailment c = pending.get(stationId);
        if (c == null) {
            return;
        }
        StationInfo info = cache.snapshot(stationId).map(StationSnapshot::info).orElse(null);
        if (info == null) {
            LOG.warn("Dropping curtailment {} of a station no longer registered", c);
            pending.remove(stationId, c);
            return;
        }
        try {
            if (c.emergency()) {
                applyDirect(c, info);
            }
            if (sink.applyPlanned(c, info)) {
                LOG.info("Limit {} W for station {} passed to the CIO (from {})", c.limitW(), stationId, c.origin());
            } else if (!c.emergency()) {
                LOG.warn("The CIO has no limit input for station {}; applying {} W directly at the station",
                        stationId, c.limitW());
                applyDirect(c, info);
            }
            pending.remove(stationId, c);
        } catch (SinkException | RuntimeException e) {
            LOG.warn("Curtailment {} failed, retrying in {}: {}", c, retryDelay, e.toString());
            executor.schedule(() -> apply(stationId), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void applyDirect(Curtailment c, StationInfo info) throws SinkException {
        Map<String, Double> currents = splitter.split(info, c.limitW());
        sink.applyEmergency(c, info, currents);
        LOG.info("Limit {} W applied directly at station {} as outlet currents {} A (from {})", c.limitW(),
                info.id(), currents, c.origin());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
