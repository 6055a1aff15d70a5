package org.chargeflex.station.datamanager.routing;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.RecordListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link RecordListener}s on one thread of its own, in record order, so that a slow listener never stalls
 * sampling or a driver. A listener's exception is logged and delivery goes on. The queue is bounded: when listeners
 * fall this far behind, records are dropped for them (logged), never for the channel itself.
 */
public final class ListenerDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);
    static final int QUEUE_CAPACITY = 100_000;

    private final ThreadPoolExecutor executor;

    public ListenerDispatcher() {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE_CAPACITY),
                DaemonThreads.named("chargeflex-dm-listeners"));
    }

    public void dispatch(String label, Record record, List<RecordListener> listeners) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> deliver(label, record, listeners));
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                LOG.warn("Listeners are {} records behind; dropping a record of channel '{}' for them",
                        QUEUE_CAPACITY, label);
            }
        }
    }

    private static void deliver(String label, Record record, List<RecordListener> listeners) {
        for (RecordListener l : listeners) {
            try {
                l.newRecord(label, record);
            } catch (RuntimeException e) {
                LOG.error("Listener {} of channel '{}' threw; delivery goes on", l, label, e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
