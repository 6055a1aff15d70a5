package org.chargeflex.cio.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * Guards the race that the session-6 review found: a STOP record whose station is being moved to another grid
 * connection point by a transaction not yet committed. The STOP's statement reads the station {@code FOR SHARE}, so
 * it waits for the move and then moves the generation of the station's new target, where its finished session now
 * counts (a plain read would move the old target only, and the new one's copies of its plans, which a batch may have
 * read in between with the session still open, would stay stale for good). The move is held open on a connection of
 * its own while the STOP is sent over HTTP.
 */
class StopDuringAStationMoveTest extends IntegrationTest {
    @Autowired
    DataSource dataSource;

    @Test
    void aStopWaitsForAStationMoveAndMovesTheNewTargetsGeneration() throws Exception {
        String from = unique("GCP");
        String to = unique("GCP");
        registerGridConnectionPoint(from, 50_000);
        registerGridConnectionPoint(to, 50_000);
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, from);
        assertThat(api.post("/api/v1/stations/" + id + "/charging-requests", station, Requests.chargingRequest(id, "1",
                "s1", 20_000, 11_000, Instant.now().plus(Duration.ofHours(2)))).status()).isEqualTo(200);

        long fromBefore = planGeneration("g:" + from);
        long toBefore = planGeneration("g:" + to);

        try (Connection move = dataSource.getConnection()) {
            move.setAutoCommit(false);
            try (PreparedStatement update = move.prepareStatement(
                    "UPDATE stations SET grid_connection_point = ? WHERE id = ?")) {
                update.setString(1, to);
                update.setString(2, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Api.Response> stop = CompletableFuture.supplyAsync(() -> api.post(
                    "/api/v1/stations/" + id + "/session-records", station,
                    Requests.sessionRecord(id, 1, "STOP", "s1")));
            assertStillWaiting(stop, "the station's move");
            move.commit(); // the trigger moves both targets once

            assertThat(stop.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            assertThat(planGeneration("g:" + to)).as("moved by the move and by the STOP").isEqualTo(toBefore + 2);
            assertThat(planGeneration("g:" + from)).as("moved by the move only").isEqualTo(fromBefore + 1);
        }
    }
}
