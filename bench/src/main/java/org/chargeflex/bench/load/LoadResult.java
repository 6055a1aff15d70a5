package org.chargeflex.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

/**
 * The outcome of a load run, request by request (index = request number): HTTP status (-1 = no answer) and latency.
 * {@link #stats} summarises any subset, e.g. one kind of request of a mixed load.
 */
public record LoadResult(int sent, double seconds, int[] statuses, long[] latenciesNanos, String firstFailure) {

    /** Statistics of the requests {@code which} selects; a request is ok if {@code ok} accepts its status. */
    public Stats stats(IntPredicate which, IntPredicate ok) {
        long[] lat = new long[sent];
        int n = 0;
        int good = 0;
        for (int i = 0; i < sent; i++) {
            if (which.test(i)) {
                lat[n++] = latenciesNanos[i];
                if (ok.test(statuses[i])) {
                    good++;
                }
            }
        }
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        return new Stats(n, good, n - good, seconds, sorted);
    }

    /** Statistics of all requests; ok = 200. */
    public Stats stats() {
        return stats(i -> true, s -> s == 200);
    }

    /** Counts and sorted latencies of a set of requests. */
    public record Stats(int sent, int ok, int failed, double seconds, long[] sortedLatenciesNanos) {
        public double percentileMillis(double p) {
            if (sortedLatenciesNanos.length == 0) {
                return Double.NaN;
            }
            int idx = (int) Math.ceil(p / 100.0 * sortedLatenciesNanos.length) - 1;
            return sortedLatenciesNanos[Math.max(0, Math.min(idx, sortedLatenciesNanos.length - 1))] / 1e6;
        }

        /** Successful requests per second. */
        public double throughput() {
            return ok / seconds;
        }
    }

    /** Collects statuses and latencies from many threads (each index is written by one thread only). */
    static final class Recorder {
        private final int[] statuses;
        private final long[] latencies;
        private final AtomicReference<String> firstFailure = new AtomicReference<>();

        Recorder(int capacity) {
            statuses = new int[capacity];
            latencies = new long[capacity];
        }

        void send(HttpClient client, HttpRequest request, int n, long startNanos) {
            int status = -1;
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                if (status >= 400) {
                    firstFailure.compareAndSet(null, request.method() + " " + request.uri().getPath() + " -> " + status
                            + " " + r.body());
                }
            } catch (Exception e) {
                firstFailure.compareAndSet(null, request.method() + " " + request.uri().getPath() + " -> " + e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                statuses[n] = status;
                latencies[n] = System.nanoTime() - startNanos;
            }
        }

        LoadResult result(int sent, double seconds) {
            // the futures' completion (or the threads' join) makes the workers' writes visible here
            return new LoadResult(sent, seconds, Arrays.copyOf(statuses, sent), Arrays.copyOf(latencies, sent),
                    firstFailure.get());
        }
    }
}
