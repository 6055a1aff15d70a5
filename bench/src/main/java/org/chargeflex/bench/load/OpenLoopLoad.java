package org.chargeflex.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends requests at a fixed rate regardless of how fast answers come (open loop), and measures each latency from the
 * moment the request was due, so a stalled server shows up in the percentiles (no coordinated omission).
 *
 * <p>Requests are handed to a bounded pool of {@code connections} workers (one keep-alive connection each, as a real
 * client fleet would use); when all are busy the wait counts in the latency. Request {@code i} is
 * {@code requests.apply(i)}: build them before the run so the generator stays cheap.
 */
public final class OpenLoopLoad {
    private OpenLoopLoad() {
    }

    /** The same request {@code ratePerSecond} times a second for {@code durationSeconds}. */
    public static LoadResult run(HttpClient client, HttpRequest request, int ratePerSecond, int durationSeconds,
            int connections) throws InterruptedException {
        return run(client, i -> request, ratePerSecond * durationSeconds, ratePerSecond, connections);
    }

    /** Requests {@code 0 .. total-1} at {@code ratePerSecond}. */
    public static LoadResult run(HttpClient client, IntFunction<HttpRequest> requests, int total,
            double ratePerSecond, int connections) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "load");
            t.setDaemon(true);
            return t;
        });
        LoadResult.Recorder recorder = new LoadResult.Recorder(total);
        CompletableFuture<?>[] futures = new CompletableFuture<?>[total];
        double intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            final int n = i;
            final HttpRequest request = requests.apply(i);
            futures[i] = CompletableFuture.runAsync(() -> recorder.send(client, request, n, due), workers);
        }
        CompletableFuture.allOf(futures).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        return recorder.result(total, seconds);
    }
}
