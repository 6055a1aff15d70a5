package org.chargeflex.station.datamanager.routing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The one thread on which every driver call for a device runs, so that a connection is never called concurrently.
 * Each call gets a deadline: when it passes, the call's future fails with {@link TimeoutException} whether or not the
 * driver ever returns; a call still queued at its deadline is never started.
 */
final class DeviceWorker {

    /** A driver call. */
    @FunctionalInterface
    interface DriverCall<T> {
        T call() throws Exception;
    }

    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;

    DeviceWorker(String threadName, ScheduledExecutorService scheduler) {
        this.executor = Executors.newSingleThreadExecutor(DaemonThreads.named(threadName));
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code call} on the device thread with a deadline and maps its result or failure through {@code outcome}
     * (run on the thread that completes the call: the device thread, or the scheduler at the deadline).
     *
     * @param late receives a result that arrives after the deadline (e.g. to close a connection nobody wants now)
     */
    <T, R> CompletableFuture<R> call(DriverCall<T> call, long timeoutMillis, Consumer<T> late,
            BiFunction<T, Throwable, R> outcome) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<R> mapped = result.handle(outcome);
        try {
            executor.execute(() -> run(call, result, late));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new StaleCallException("the device worker has stopped"));
            return mapped;
        }
        try {
            ScheduledFuture<?> deadline = scheduler.schedule(() -> result.completeExceptionally(
                    new TimeoutException("no answer within " + timeoutMillis + " ms")), timeoutMillis,
                    TimeUnit.MILLISECONDS);
            result.whenComplete((r, e) -> deadline.cancel(false));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new StaleCallException("the data manager is shutting down"));
        }
        return mapped;
    }

    private static <T> void run(DriverCall<T> call, CompletableFuture<T> result, Consumer<T> late) {
        if (result.isDone()) {
            return; // its deadline passed while it waited in the queue
        }
        T value;
        try {
            value = call.call();
        } catch (Throwable t) { // NOPMD: a driver bug of any kind is reported through the future
            result.completeExceptionally(t);
            if (t instanceof VirtualMachineError vme) {
                throw vme;
            }
            return;
        }
        if (!result.complete(value) && late != null && value != null) {
            late.accept(value);
        }
    }

    /** Abandons the thread (interrupting a hanging call); queued calls are dropped and fail at their deadline. */
    void shutdownNow() {
        executor.shutdownNow();
    }
}
