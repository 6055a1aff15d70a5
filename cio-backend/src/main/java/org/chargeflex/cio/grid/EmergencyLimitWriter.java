package org.chargeflex.cio.grid;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.chargeflex.cio.channel.StationChannelAccess;
import org.chargeflex.cio.channel.StationChannelAccess.WriteOutcome;
import org.chargeflex.cio.station.Station;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Writes grid limits to stations' {@code station/grid_limit_w} channel (W; -1 lifts it), all stations in parallel on
 * a small pool of its own, and waits at most {@code chargeflex.grid.emergency-timeout} (plus a little for the pool)
 * for their answers. A station that has not accepted by then counts as not delivered; its call is abandoned. Never
 * called inside a transaction.
 */
@Component
class EmergencyLimitWriter implements DisposableBean {
    static final String CHANNEL = "station/grid_limit_w";
    static final double LIFTED = -1;
    private static final int THREADS = 16;
    private static final Duration POOL_ALLOWANCE = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(EmergencyLimitWriter.class);

    private final StationChannelAccess access;
    private final Duration timeout;
    private final ExecutorService executor;

    EmergencyLimitWriter(StationChannelAccess access, GridProperties properties) {
        this.access = access;
        this.timeout = properties.emergencyTimeout();
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "grid-emergency-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** Writes each station's value; the outcomes in the same order. */
    Map<Station, WriteOutcome> write(Map<Station, Double> values) {
        Map<Station, Future<WriteOutcome>> calls = new LinkedHashMap<>();
        values.forEach((station, value) -> calls.put(station,
                executor.submit(() -> access.write(station, CHANNEL, json(value), timeout))));
        long deadline = System.nanoTime() + timeout.plus(POOL_ALLOWANCE).toNanos();
        Map<Station, WriteOutcome> outcomes = new LinkedHashMap<>();
        calls.forEach((station, call) -> outcomes.put(station, await(station, call, deadline)));
        return outcomes;
    }

    private WriteOutcome await(Station station, Future<WriteOutcome> call, long deadline) {
        try {
            return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.info("Station {} did not accept its grid limit within {}", station.id(), timeout);
            return new WriteOutcome(false, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            LOG.warn("Writing the grid limit of station {} failed", station.id(), e.getCause());
            return new WriteOutcome(false, "the write failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return new WriteOutcome(false, "interrupted");
        }
    }

    static String json(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
