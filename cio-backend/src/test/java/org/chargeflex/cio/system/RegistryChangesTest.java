package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.chargeflex.cio.optimizer.SitePlanningSource;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.chargeflex.cio.support.SecondInstance;
import org.chargeflex.optimizer.model.Objective;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry copies that the station API serves from memory ({@link RegistryCache}) follow every change: made by
 * this instance (at once), by another instance on the same database, or by hand in the database (both through the
 * tables' triggers and {@link RegistryChanges}' notifications, within moments).
 */
class RegistryChangesTest extends IntegrationTest {
    /** Generous: notifications arrive within milliseconds; this only bounds a failing test. */
    private static final Duration NOTIFIED_WITHIN = Duration.ofSeconds(10);
    private static SecondInstance other;

    @Autowired
    private RegistryChanges changes;

    @Autowired
    private SitePlanningSource sites;

    @BeforeAll
    static void startOtherInstance() {
        other = SecondInstance.start("cio-backend-registry-other");
    }

    @AfterAll
    static void stopOtherInstance() {
        other.close();
    }

    @Test
    void bothInstancesListen() {
        RegistryChanges others = other.context().getBean(RegistryChanges.class);
        assertThat(eventually(changes::listening, true)).isTrue(); // LISTEN runs on a thread of its own after start
        assertThat(eventually(others::listening, true)).isTrue();
    }

    @Test
    void aSecretRotatedOnOneInstanceIsRefusedByTheOther() {
        String id = unique("ST");
        Credentials first = registerStation(id, 22_000, null);
        assertThat(poll(other.api(), id, first)).isEqualTo(404); // the other instance now holds the account

        Api.Response rotated = api.post("/api/v1/admin/stations/" + id + "/credential", ADMIN, null);
        Credentials second = new Credentials(id, rotated.json().get("secret").asString());

        // the new secret works at once (a secret that fails against the copy is checked against the table)
        assertThat(poll(other.api(), id, second)).isEqualTo(404);
        assertThat(poll(api, id, first)).as("this instance, right after its own change").isEqualTo(401);
        assertThat(eventually(() -> poll(other.api(), id, first), 401)).as("the old secret on the other instance")
                .isEqualTo(401);
    }

    @Test
    void anOutletRemovedByHandInTheDatabaseIsNoLongerAccepted() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        assertThat(request(api, station, "2", "s1")).isEqualTo(200);
        assertThat(request(other.api(), station, "2", "s2")).isEqualTo(200);

        jdbc.sql("DELETE FROM outlets WHERE station_id = ? AND id = '2'").param(id).update(); // not through the API

        assertThat(eventually(() -> request(api, station, "2", "s3"), 422)).isEqualTo(422);
        assertThat(eventually(() -> request(other.api(), station, "2", "s4"), 422)).isEqualTo(422);
        assertThat(request(api, station, "1", "s5")).isEqualTo(200);
    }

    /** With a stale copy the request would be refused (409: its station moved under the planning locks taken). */
    @Test
    void aStationMovedToAnotherGridConnectionPointIsPlannedUnderItsLimitAtOnce() {
        String small = unique("GCP");
        registerGridConnectionPoint(small, 4_000);
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        assertThat(request(api, station, "1", "s1")).isEqualTo(200);

        Api.Response moved = api.put("/api/v1/admin/stations/" + id, ADMIN, java.util.Map.of("name", id,
                "maxPowerW", 22_000, "gridConnectionPoint", small));
        assertThat(moved.status()).isEqualTo(200);

        Api.Response planned = api.post("/api/v1/stations/" + id + "/charging-requests", station,
                Requests.chargingRequest(id, "1", "s2", 20_000, 11_000, Instant.now().plus(Duration.ofHours(4))));
        assertThat(planned.status()).isEqualTo(200);
        planned.json().get("periods").forEach(p -> assertThat(p.get("maxPowerW").asDouble()).isLessThanOrEqualTo(4_000));
    }

    @Test
    void aSitesPlanningChangedByHandInTheDatabaseIsWhatThePlannersRead() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 100_000);
        assertThat(sites.planning(gcp).objective()).isEqualTo(Objective.PEAK); // the default, now held in memory

        jdbc.sql("INSERT INTO site_planning (grid_connection_point, objective) VALUES (?, 'RENEWABLE')").param(gcp)
                .update();

        assertThat(eventually(() -> sites.planning(gcp).objective(), Objective.RENEWABLE))
                .isEqualTo(Objective.RENEWABLE);
    }

    private static int poll(Api api, String id, Credentials credentials) {
        return api.get("/api/v1/stations/" + id + "/sessions/none/schedule", credentials).status();
    }

    private static int request(Api api, Credentials station, String outlet, String session) {
        return api.post("/api/v1/stations/" + station.user() + "/charging-requests", station,
                Requests.chargingRequest(station.user(), outlet, session, 20_000, 11_000,
                        Instant.now().plus(Duration.ofHours(4)))).status();
    }

    /** The value once it is {@code expected}, or the last one after {@link #NOTIFIED_WITHIN}. */
    private static <T> T eventually(Supplier<T> value, T expected) {
        long deadline = System.nanoTime() + NOTIFIED_WITHIN.toNanos();
        T last = value.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = value.get();
        }
        return last;
    }
}
