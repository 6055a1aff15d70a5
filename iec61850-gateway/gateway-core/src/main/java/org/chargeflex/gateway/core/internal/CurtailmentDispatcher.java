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
 * newer curtailment for the station arrived meanwhile or the sink refused it for good.
 */
public final class CurtailmentDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CurtailmentDispatcher.class);

    private final CurtailmentSink sink;
    private final StationCache cache;
    private final Duration retryDelay;
    private final Map<String, Curtailment> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-curtailment");
        t.setDaemon(true);
        return t;
    });

    public CurtailmentDispatcher(CurtailmentSink sink, StationCache cache, Duration retryDelay) {
        this.sink = sink;
        this.cache = cache;
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
            sink.apply(c, info);
            LOG.info("Limit {} W for station {} applied by the CIO{} (from {})", c.limitW(), stationId,
                    c.emergency() ? " as an emergency" : "", c.origin());
            pending.remove(stationId, c);
        } catch (SinkException e) {
            if (e.retryable()) {
                LOG.warn("Curtailment {} failed, retrying in {}: {}", c, retryDelay, e.getMessage());
                executor.schedule(() -> apply(stationId), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                LOG.error("Curtailment {} refused, not retried: {}", c, e.getMessage());
                pending.remove(stationId, c);
            }
        } catch (RuntimeException e) {
            LOG.warn("Curtailment {} failed, retrying in {}", c, retryDelay, e);
            executor.schedule(() -> apply(stationId), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
