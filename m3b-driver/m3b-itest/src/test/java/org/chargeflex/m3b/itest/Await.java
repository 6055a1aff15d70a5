package org.chargeflex.m3b.itest;

import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a generous deadline passes; never asserts on timing itself. */
final class Await {
    private static final long DEADLINE_MILLIS = 15_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + DEADLINE_MILLIS + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
