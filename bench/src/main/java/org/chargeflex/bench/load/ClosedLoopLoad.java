package org.chargeflex.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * {@code clients} clients send requests back to back, each as soon as its previous answer arrived, for a fixed time:
 * the maximum throughput the server sustains at that concurrency. Latency is measured from the send (in a closed
 * loop there is no due time), so these percentiles are not comparable with {@link OpenLoopLoad}'s.
 */
public final class ClosedLoopLoad {
    private ClosedLoopLoad() {
    }

    /**
     * @param requests request {@code i}; called from the client threads, so it must be thread-safe; at most
     *                 {@code capacity} requests are sent
     */
    public static LoadResult run(HttpClient client, IntFunction<HttpRequest> requests, int clients,
            double durationSeconds, int capacity) throws InterruptedException {
        LoadResult.Recorder recorder = new LoadResult.Recorder(capacity);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + (long) (durationSeconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    int n = next.getAndIncrement();
                    if (n >= capacity) {
                        return;
                    }
                    recorder.send(client, requests.apply(n), n, System.nanoTime());
                }
            }, "closed-loop-" + c);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return recorder.result(Math.min(next.get(), capacity), seconds);
    }
}
