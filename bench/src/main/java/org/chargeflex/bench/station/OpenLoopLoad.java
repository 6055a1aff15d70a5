package org.chargeflex.bench.station;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a fixed rate regardless of how fast answers come (open loop), and measures each latency from the
 * moment the request was due, so a stalled server shows up in the percentiles (no coordinated omission).
 */
final class OpenLoopLoad {
    record Result(int sent, int ok, int failed, double seconds, long[] latenciesNanos, String firstFailure) {
        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int idx = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(idx, latenciesNanos.length - 1))] / 1e6;
        }

        double throughput() {
            return ok / seconds;
        }
    }

    /**
     * Runs the load. Requests are handed to a bounded pool of {@code connections} workers (one keep-alive
     * connection each, as a real client fleet would use); when all are busy the wait counts in the latency.
     */
    static Result run(HttpClient client, HttpRequest request, int ratePerSecond, int durationSeconds,
            int connections) throws InterruptedException {
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(connections,
                r -> {
                    Thread t = new Thread(r, "load");
                    t.setDaemon(true);
                    return t;
                });
        int total = ratePerSecond * durationSeconds;
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        CompletableFuture<?>[] futures = new CompletableFuture<?>[total];
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            final int n = i;
            futures[i] = CompletableFuture.runAsync(() -> {
                try {
                    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                } finally {
                    latencies[n] = System.nanoTime() - due;
                }
            }, workers);
        }
        CompletableFuture.allOf(futures).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(total, ok.get(), failed.get(), seconds, sorted, firstFailure.get());
    }
}
