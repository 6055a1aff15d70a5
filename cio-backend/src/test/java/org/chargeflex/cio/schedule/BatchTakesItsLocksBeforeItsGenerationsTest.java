package org.chargeflex.cio.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
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
 * Guards the order inside the planning batch's first statement, which takes the batch's planning locks and moves its
 * targets' plan generations (one statement since session 8 of issue 5, was two): the generation rows must not be
 * touched before the locks are held. Otherwise a batch waiting for a grid connection point's lock would hold the row
 * of its generation, which the lock's holder (a curtailment, the re-planner, another instance's batch) moves in turn:
 * a deadlock. The grid connection point's lock is held on a connection of its own while a charging request is sent
 * over HTTP; meanwhile the generation's row must stay free ({@code FOR UPDATE NOWAIT}), and once the lock is released
 * the request is planned and moves the generation once.
 */
class BatchTakesItsLocksBeforeItsGenerationsTest extends IntegrationTest {
    @Autowired
    DataSource dataSource;

    @Test
    void aBatchWaitingForItsPlanningLocksHoldsNoGenerationRow() throws Exception {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, gcp);
        Instant departure = Instant.now().plus(Duration.ofHours(2));
        assertThat(api.post(path(id), station, Requests.chargingRequest(id, "1", "s1", 20_000, 11_000, departure))
                .status()).isEqualTo(200);
        long before = planGeneration("g:" + gcp);

        try (Connection holder = dataSource.getConnection()) {
            holdPlanningLock(holder, PlanningLocks.GRID_POINT_LOCK, gcp);
            CompletableFuture<Api.Response> request = CompletableFuture.supplyAsync(() -> api.post(path(id), station,
                    Requests.chargingRequest(id, "1", "s1", 15_000, 11_000, departure)));
            assertStillWaiting(request, "the planning lock");
            awaitPlanningLockWaiters(1, "a backend waits for the grid connection point's lock");
            assertGenerationRowFree(holder, "g:" + gcp, before);
            holder.commit();

            assertThat(request.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(planGeneration("g:" + gcp)).as("moved once by the request").isEqualTo(before + 1);
        }
    }

    private static String path(String stationId) {
        return "/api/v1/stations/" + stationId + "/charging-requests";
    }
}
