package org.chargeflex.cio.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.chargeflex.cio.station.PlanningLocks;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guards a planning batch of requests under two planning targets ({@link PlanningLanes} gathers the requests of any
 * targets of one lane): it takes the locks of both before it moves either target's plan generation, and plans both.
 * Three stations on no grid connection point whose targets share a lane: the first one's request is held at its
 * station's lock and keeps the lane busy while the two others' requests queue behind it, so they become the next
 * batch; that batch then waits for the second station's lock, held too. Meanwhile neither generation row may be
 * held (a batch holding one while it waits for a lock can deadlock with the lock's holder, which moves it too), and
 * the third station's request, whose own lock is free, must wait with its batch.
 */
class TwoTargetBatchTakesAllItsLocksFirstTest extends IntegrationTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    ScheduleService schedules;
    @Autowired
    ScheduleProperties properties;

    @Test
    void aBatchOfTwoTargetsWaitsForBothLocksBeforeItMovesEitherGeneration() throws Exception {
        String[] ids = idsInOneLane(3);
        String blocker = ids[0];
        // the free target's lock comes first in key order, so a batch that moved a generation as soon as it held
        // that target's lock would be caught holding the free target's row
        boolean freeFirst = PlanningLocks.key(ids[2]) < PlanningLocks.key(ids[1]);
        String held = freeFirst ? ids[1] : ids[2];
        String free = freeFirst ? ids[2] : ids[1];
        Instant departure = Instant.now().plus(Duration.ofHours(2));
        Map<String, Credentials> credentials = new HashMap<>();
        for (String id : ids) {
            credentials.put(id, registerStation(id, 22_000, null));
            assertThat(request(id, credentials.get(id), departure).status()).isEqualTo(200);
        }
        long heldBefore = planGeneration("s:" + held);
        long freeBefore = planGeneration("s:" + free);

        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            holdPlanningLock(first, PlanningLocks.STATION_LOCK, blocker);
            holdPlanningLock(second, PlanningLocks.STATION_LOCK, held);
            CompletableFuture<Api.Response> blocked = CompletableFuture.supplyAsync(
                    () -> request(blocker, credentials.get(blocker), departure));
            awaitPlanningLockWaiters(1, "the first batch waits for its station's lock");
            CompletableFuture<Api.Response> heldRequest = CompletableFuture.supplyAsync(
                    () -> request(held, credentials.get(held), departure));
            CompletableFuture<Api.Response> freeRequest = CompletableFuture.supplyAsync(
                    () -> request(free, credentials.get(free), departure));
            awaitQueued(2);
            first.commit(); // the first batch goes on; the two queued requests are the next batch

            assertThat(blocked.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            awaitPlanningLockWaiters(1, "the two-target batch waits for the held station's lock");
            assertStillWaiting(freeRequest, "the lock of the other target in its batch");
            assertGenerationRowFree(first, "s:" + held, heldBefore);
            assertGenerationRowFree(first, "s:" + free, freeBefore);
            first.commit();
            second.commit();

            assertThat(heldRequest.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(freeRequest.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(planGeneration("s:" + held)).as("moved once by its request").isEqualTo(heldBefore + 1);
        assertThat(planGeneration("s:" + free)).as("moved once by its request").isEqualTo(freeBefore + 1);
        for (String id : new String[] {held, free}) {
            assertThat(jdbc.sql("SELECT schedule_version FROM sessions WHERE station_id = ? AND id = 's1'").param(id)
                    .query(Integer.class).single()).as("the re-plan of " + id + " is stored").isEqualTo(2);
        }
    }

    /** Station ids whose planning targets ({@code "s:" + id}) share a planning lane. */
    private String[] idsInOneLane(int n) {
        String[] ids = new String[n];
        ids[0] = unique("ST");
        int lane = lane(ids[0]);
        for (int i = 1; i < n; i++) {
            do {
                ids[i] = unique("ST");
            } while (lane(ids[i]) != lane);
        }
        return ids;
    }

    private int lane(String stationId) {
        return Math.floorMod(("s:" + stationId).hashCode(), properties.planningLanes());
    }

    private Api.Response request(String id, Credentials credentials, Instant departure) {
        return api.post("/api/v1/stations/" + id + "/charging-requests", credentials,
                Requests.chargingRequest(id, "1", "s1", 20_000, 11_000, departure));
    }

    private void awaitQueued(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (schedules.queued() < requests && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(schedules.queued()).as("requests queued behind the busy lane").isEqualTo(requests);
    }
}
