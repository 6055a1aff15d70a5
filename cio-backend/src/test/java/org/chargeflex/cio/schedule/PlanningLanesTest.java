package org.chargeflex.cio.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlanningLanesTest {

    @Test
    void requestsArrivingWhileABatchRunsAreHandledTogetherInTheNextBatch() throws Exception {
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        PlanningLanes<Integer, String> lanes = new PlanningLanes<>(1, 64, batch -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                firstBatchEntered.countDown();
                await(releaseFirstBatch);
            }
            return batch.stream().map(i -> PlanningLanes.Outcome.of("plan " + i)).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<String> first = pool.submit(() -> lanes.submit("g:A", 0));
            assertThat(firstBatchEntered.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> later = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int n = i;
                later.add(pool.submit(() -> lanes.submit("g:A", n)));
            }
            awaitQueued(lanes, batches, 8);
            releaseFirstBatch.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("plan 0");
            for (int i = 0; i < 8; i++) {
                assertThat(later.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("plan " + (i + 1));
            }
            assertThat(batches).hasSize(2);
            assertThat(batches.get(0)).containsExactly(0);
            assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneRequestsFailureFailsOnlyThatRequest() {
        PlanningLanes<Integer, String> lanes = new PlanningLanes<>(2, 8, batch -> batch.stream()
                .map(i -> i < 0 ? PlanningLanes.Outcome.<String>failed(new IllegalArgumentException("negative " + i))
                        : PlanningLanes.Outcome.of("plan " + i))
                .toList());

        assertThatThrownBy(() -> lanes.submit("s:X", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("negative -1");
        assertThat(lanes.submit("s:X", 1)).isEqualTo("plan 1");
    }

    @Test
    void aFailedBatchFailsItsRequestsAndTheLaneGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        PlanningLanes<Integer, String> lanes = new PlanningLanes<>(1, 8, batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return batch.stream().map(i -> PlanningLanes.Outcome.of("plan " + i)).toList();
        });

        assertThatThrownBy(() -> lanes.submit("g:A", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
        assertThat(lanes.submit("g:A", 2)).isEqualTo("plan 2");
    }

    @Test
    void aBatchIsNeverLargerThanTheMaximum() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        PlanningLanes<Integer, Integer> lanes = new PlanningLanes<>(1, 3, batch -> {
            sizes.add(batch.size());
            return batch.stream().map(PlanningLanes.Outcome::of).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> lanes.submit("g:A", n)));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sizes).allSatisfy(s -> assertThat(s).isBetween(1, 3));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
    }

    @Test
    void invalidSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new PlanningLanes<Integer, String>(0, 8, b -> List.of()))
                .hasMessageContaining("lanes");
        assertThatThrownBy(() -> new PlanningLanes<Integer, String>(1, 0, b -> List.of()))
                .hasMessageContaining("maxBatch");
    }

    private static void awaitQueued(PlanningLanes<Integer, String> lanes, List<List<Integer>> batches, int n)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lanes.queued() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(lanes.queued()).as("requests waiting behind the running batch").isEqualTo(n);
        assertThat(batches).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
