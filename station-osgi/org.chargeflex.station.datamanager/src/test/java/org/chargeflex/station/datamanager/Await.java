package org.chargeflex.station.datamanager;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a generous deadline passes; never asserts on timing itself. */
public final class Await {
    private static final long DEADLINE_MILLIS = 15_000;

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up after %d ms waiting for: %s", DEADLINE_MILLIS, what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for: " + what);
            }
        }
    }
}
