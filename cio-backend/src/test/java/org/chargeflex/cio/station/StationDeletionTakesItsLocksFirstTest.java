package org.chargeflex.cio.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guards the order of a station's deletion ({@link StationRepository#delete}): it takes the station's planning locks
 * before it touches the station's row. Deleting the row locks it and its sessions (the cascade), and the deletion's
 * trigger then moves the target's plan generation; a planning batch under the same grid connection point holds that
 * generation's row and reads the station's row: without the locks first, the two waited for each other (a deadlock,
 * which PostgreSQL breaks by failing one of them). Here the grid connection point's lock is held on a connection of
 * its own while the deletion is sent over HTTP: the station's and its session's rows must stay free meanwhile, and
 * once the lock is released the deletion goes through.
 */
class StationDeletionTakesItsLocksFirstTest extends IntegrationTest {
    @Autowired
    DataSource dataSource;

    @Test
    void aDeletionWaitingForThePlanningLocksHoldsNoRowOfTheStation() throws Exception {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, gcp);
        Instant departure = Instant.now().plus(Duration.ofHours(2));
        assertThat(api.post("/api/v1/stations/" + id + "/charging-requests", station,
                Requests.chargingRequest(id, "1", "s1", 20_000, 11_000, departure)).status()).isEqualTo(200);
        long before = planGeneration("g:" + gcp);

        try (Connection holder = dataSource.getConnection()) {
            holdPlanningLock(holder, PlanningLocks.GRID_POINT_LOCK, gcp);
            CompletableFuture<Api.Response> deletion = CompletableFuture.supplyAsync(
                    () -> api.delete("/api/v1/admin/stations/" + id, ADMIN));
            assertStillWaiting(deletion, "the planning lock");
            awaitPlanningLockWaiters(1, "the deletion waits for the grid connection point's lock");
            assertFree(holder, "SELECT id FROM stations WHERE id = ? FOR UPDATE NOWAIT", id, "the station's row");
            assertFree(holder, "SELECT id FROM sessions WHERE station_id = ? FOR UPDATE NOWAIT", id,
                    "the session's row");
            holder.commit();

            assertThat(deletion.get(30, TimeUnit.SECONDS).status()).isEqualTo(204);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM stations WHERE id = ?").param(id).query(Long.class).single())
                .isZero();
        assertThat(planGeneration("g:" + gcp)).as("moved by the deletion").isGreaterThan(before);
        assertThat(api.post("/api/v1/stations/" + id + "/charging-requests", station,
                Requests.chargingRequest(id, "1", "s2", 20_000, 11_000, departure)).status())
                .as("the deleted station's credential is gone with it").isEqualTo(401);
    }

    private static void assertFree(Connection holder, String sql, String stationId, String what) {
        try (PreparedStatement row = holder.prepareStatement(sql)) {
            row.setString(1, stationId);
            try (ResultSet rs = row.executeQuery()) {
                assertThat(rs.next()).as(what + " exists").isTrue();
            }
        } catch (SQLException e) {
            throw new AssertionError("the waiting deletion holds " + what + ": " + e.getMessage(), e);
        }
    }
}
