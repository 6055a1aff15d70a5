package org.chargeflex.cio.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit for the request path: requests wait in one of a fixed number of lanes (chosen by their planning
 * target, so that all requests sharing a limit meet in the same lane) and each lane handles what has gathered as one
 * batch, in one transaction, while the previous batch of the lane was running. Under no load a batch is the one
 * request and is handled at once on the caller's thread; under load the database work per request falls with the
 * batch size (bench/RESULTS.md, issue 5).
 *
 * <p>No thread of its own: the first caller that finds its lane idle becomes the lane's leader and handles a batch
 * (its own request first), then hands the lead to the oldest waiting caller, who handles the next batch; so every
 * caller handles at most the one batch its own request is in. Batches of different lanes run in parallel.
 *
 * @param <I> a request
 * @param <R> its answer
 */
final class PlanningLanes<I, R> {
    /** Handles one batch; returns one outcome per item, in order. Must not throw for a single item's fault. */
    interface BatchHandler<I, R> {
        List<Outcome<R>> handle(List<I> batch);
    }

    /** The answer to one request, or why there is none. */
    record Outcome<R>(R result, RuntimeException failure) {
        static <R> Outcome<R> of(R result) {
            return new Outcome<>(Objects.requireNonNull(result, "result"), null);
        }

        static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, Objects.requireNonNull(failure, "failure"));
        }
    }

    private final List<Lane> lanes;
    private final int maxBatch;
    private final BatchHandler<I, R> handler;

    PlanningLanes(int lanes, int maxBatch, BatchHandler<I, R> handler) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, was " + lanes);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.lanes = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            this.lanes.add(new Lane());
        }
        this.maxBatch = maxBatch;
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Handles the request in the lane of {@code laneKey} (requests with equal keys share a lane) and returns its
     * answer; rethrows the request's failure.
     */
    R submit(String laneKey, I item) {
        Lane lane = lanes.get(Math.floorMod(laneKey.hashCode(), lanes.size()));
        Waiting<I> me = new Waiting<>(item);
        boolean lead;
        synchronized (lane) {
            lane.queue.add(me);
            lead = !lane.busy;
            lane.busy = true;
        }
        if (!lead) {
            CompletableFuture.anyOf(me.outcome, me.lead).join();
        }
        if (lead || !me.outcome.isDone()) {
            lead(lane); // the caller's own request is the oldest waiting: it is in this batch
        }
        Outcome<R> outcome = me.outcome.join();
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.result();
    }

    /** How many requests wait in all lanes now (for monitoring and tests). */
    int queued() {
        int n = 0;
        for (Lane lane : lanes) {
            synchronized (lane) {
                n += lane.queue.size();
            }
        }
        return n;
    }

    /** Handles one batch (the leader's own request is the oldest in the queue), then passes the lead on. */
    private void lead(Lane lane) {
        List<Waiting<I>> batch = new ArrayList<>();
        synchronized (lane) {
            while (!lane.queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(lane.queue.poll());
            }
        }
        try {
            List<Outcome<R>> outcomes = handle(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome.complete(outcomes.get(i));
            }
        } finally {
            synchronized (lane) {
                Waiting<I> next = lane.queue.poll();
                if (next == null) {
                    lane.busy = false;
                } else {
                    lane.queue.addFirst(next);
                    next.lead.complete(Boolean.TRUE);
                }
            }
        }
    }

    private List<Outcome<R>> handle(List<Waiting<I>> batch) {
        List<I> items = batch.stream().map(w -> w.item).toList();
        List<Outcome<R>> outcomes;
        try {
            outcomes = handler.handle(items);
        } catch (RuntimeException e) {
            outcomes = items.stream().map(i -> Outcome.<R>failed(e)).toList();
        } catch (Error e) {
            CompletionException wrapped = new CompletionException("planning batch failed", e);
            batch.forEach(w -> w.outcome.complete(Outcome.failed(wrapped)));
            throw e;
        }
        if (outcomes.size() != items.size()) {
            IllegalStateException wrong = new IllegalStateException("batch handler answered " + outcomes.size()
                    + " of " + items.size() + " requests");
            outcomes = items.stream().map(i -> Outcome.<R>failed(wrong)).toList();
        }
        return outcomes;
    }

    private final class Lane {
        final ArrayDeque<Waiting<I>> queue = new ArrayDeque<>();
        boolean busy;
    }

    private final class Waiting<J> {
        final J item;
        /** The request's answer. */
        final CompletableFuture<Outcome<R>> outcome = new CompletableFuture<>();
        /** Completed when the caller is to lead its lane: handle the next batch. */
        final CompletableFuture<Boolean> lead = new CompletableFuture<>();

        Waiting(J item) {
            this.item = item;
        }
    }
}
