package org.chargeflex.systemtest.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling until a condition holds (no timed assertions: the deadline only bounds a hang). */
public final class Await {
    private Await() {
    }

    /** Polls every 100 ms until the condition holds; fails with the description after the deadline. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            sleep(100);
        }
        throw new AssertionError("timed out after " + deadline + " waiting for: " + what, last);
    }

    /** Like {@link #until} and describes the last value seen in the failure. */
    public static <T> T value(String what, Duration deadline, Supplier<T> supplier, java.util.function.Predicate<T> ok) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = null;
        RuntimeException error = null;
        while (System.nanoTime() < end) {
            try {
                last = supplier.get();
                if (ok.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                error = e;
            }
            sleep(100);
        }
        throw new AssertionError("timed out after " + deadline + " waiting for: " + what + "; last seen: " + last, error);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
