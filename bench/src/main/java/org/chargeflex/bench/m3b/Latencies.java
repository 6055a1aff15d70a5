package org.chargeflex.bench.m3b;

import java.util.Arrays;
import java.util.Locale;

/** Round-trip times in nanoseconds, summarised as percentiles in milliseconds. */
final class Latencies {
    private final long[] nanos;
    private int n;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long durationNanos) {
        nanos[n++] = durationNanos;
    }

    private double percentileMillis(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    String summary() {
        if (n == 0) {
            return "no samples";
        }
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        return String.format(Locale.ROOT, "n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms", n,
                percentileMillis(s, 50), percentileMillis(s, 90), percentileMillis(s, 99), s[n - 1] / 1e6);
    }
}
