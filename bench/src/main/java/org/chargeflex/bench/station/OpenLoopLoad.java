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
    record Result(int sent, int ok, int failed, double seconds, long[] latenciesNanos) {
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

    static Result run(HttpClient client, HttpRequest request, int ratePerSecond, int durationSeconds)
            throws InterruptedException {
        int total = ratePerSecond * durationSeconds;
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
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
            futures[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                latencies[n] = System.nanoTime() - due;
                if (e == null && r.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        CompletableFuture.allOf(futures).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(total, ok.get(), failed.get(), seconds, sorted);
    }
}
