package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.chargeflex.cio.support.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Horizontal scale: a second application instance on the same database; all state is in PostgreSQL (the registry
 * copies each instance keeps in memory follow every change, also one made on the other instance: RegistryChangesTest).
 */
class TwoInstancesTest extends IntegrationTest {
    private static SecondInstance second;
    private static Api secondApi;

    @BeforeAll
    static void startSecondInstance() {
        // its background re-planner never runs by itself either (as the shared context's): a re-plan of the targets
        // below would move their generations and hide a stale copy
        second = SecondInstance.start("cio-backend-2", "cio.replan.debounce=1h");
        secondApi = second.api();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void scheduleRequestedOnOneInstanceIsPolledOnTheOtherWithItsEtag() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Api.Response planned = api.post("/api/v1/stations/" + id + "/charging-requests", station,
                Requests.chargingRequest(id, "1", "s1", 10_000, 11_000, Instant.now().plus(Duration.ofHours(2))));

        String poll = "/api/v1/stations/" + id + "/sessions/s1/schedule";
        assertThat(secondApi.get(poll, station).header("etag")).isEqualTo(planned.header("etag"));
        assertThat(secondApi.get(poll, station, "If-None-Match", planned.header("etag")).status()).isEqualTo(304);
    }

    @Test
    void meterBatchRepeatedOnTheOtherInstanceIsStoredOnce() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Object batch = Requests.meterBatch(id, List.of(Requests.meterValue(1, Instant.now(), 10, 100),
                Requests.meterValue(2, Instant.now(), 20, 100)));
        String path = "/api/v1/stations/" + id + "/meter-values";
        assertThat(api.post(path, station, batch).json().get("stored").asInt()).isEqualTo(2);
        assertThat(secondApi.post(path, station, batch).json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM meter_values WHERE station_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsOnBothInstancesKeepTheGridLimit() throws Exception {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        List<String> ids = new ArrayList<>();
        List<Credentials> credentials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = unique("ST");
            ids.add(id);
            credentials.add(registerStation(id, 22_000, gcp));
        }
        Instant departure = Instant.now().plus(Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Double>> powers = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Api target = i % 2 == 0 ? api : secondApi;
                String id = ids.get(i);
                Credentials c = credentials.get(i);
                powers.add(pool.submit(() -> target.post("/api/v1/stations/" + id + "/charging-requests", c,
                        Requests.chargingRequest(id, "1", "s1", 50_000, 11_000, departure))
                        .json().get("periods").get(0).get("maxPowerW").asDouble()));
            }
            double sum = 0;
            for (Future<Double> p : powers) {
                sum += p.get();
            }
            assertThat(sum).isEqualTo(30_000.0); // 11 + 11 + 8 + 0 + 0 + 0: planned one after another
        } finally {
            pool.shutdownNow();
        }
    }

    // Plan snapshots (schedule.PlanSnapshots): each instance plans from its own copy of a target's plans while the
    // target's plan generation shows that nobody else changed it. Each test below warms instance 1's copy, changes the
    // target on instance 2, and fails if instance 1 then plans from its stale copy.

    @Test
    void aPlanCommittedOnTheOtherInstanceCountsAgainstTheNextPlanOnThisOne() {
        TwoStations grid = twoStationsOn11Kw();
        Credentials a = grid.a();
        Credentials b = grid.b();

        assertThat(firstPower(api, a, "1", "s1", 3_000)).isEqualTo(3_000.0);
        assertThat(firstPower(api, a, "2", "s2", 3_000)).as("planned from this instance's copy").isEqualTo(3_000.0);
        assertThat(firstPower(secondApi, b, "1", "s3", 11_000)).isEqualTo(5_000.0);

        assertThat(firstPower(api, b, "2", "s4", 11_000)).as("the grid connection point is full").isEqualTo(0.0);
    }

    @Test
    void aStopRecordOnTheOtherInstanceFreesItsSessionsPowerOnThisOne() {
        TwoStations grid = twoStationsOn11Kw();
        Credentials a = grid.a();
        Credentials b = grid.b();
        assertThat(firstPower(api, a, "1", "s1", 11_000)).isEqualTo(11_000.0);
        assertThat(firstPower(api, b, "1", "s2", 11_000)).isEqualTo(0.0);

        assertThat(secondApi.post("/api/v1/stations/" + a.user() + "/session-records", a, stopRecord(a.user(), "s1"))
                .status()).isEqualTo(201);

        assertThat(firstPower(api, b, "1", "s2", 11_000)).as("re-plan after the STOP").isEqualTo(11_000.0);
    }

    @Test
    void aLowerGridLimitSetOnTheOtherInstanceHoldsOnThisOne() {
        TwoStations grid = twoStationsOn11Kw();
        Credentials a = grid.a();
        Credentials b = grid.b();
        assertThat(firstPower(api, a, "1", "s1", 3_000)).isEqualTo(3_000.0);

        assertThat(secondApi.put("/api/v1/admin/grid-connection-points/" + grid.gcp(), ADMIN,
                Map.of("name", "Feeder " + grid.gcp(), "maxPowerW", 5_000)).status()).isEqualTo(200);

        assertThat(firstPower(api, b, "1", "s2", 11_000)).isEqualTo(2_000.0);
    }

    @Test
    void aCurtailmentOnTheOtherInstanceHoldsOnThisOne() {
        TwoStations grid = twoStationsOn11Kw();
        Credentials a = grid.a();
        Credentials b = grid.b();
        assertThat(firstPower(api, a, "1", "s1", 3_000)).isEqualTo(3_000.0);

        assertThat(secondApi.put("/api/v1/admin/grid/curtailments/grid-connection-points/" + grid.gcp(), dno(),
                Map.of("limitW", 4_000, "origin", "test")).status()).isEqualTo(200);

        assertThat(firstPower(api, b, "1", "s2", 11_000)).isEqualTo(1_000.0);
    }

    @Test
    void aStationCurtailmentThatReplansNothingOnTheOtherInstanceHoldsOnThisOne() {
        TwoStations grid = twoStationsOn11Kw();
        assertThat(firstPower(api, grid.a(), "1", "s1", 3_000)).isEqualTo(3_000.0);

        // station b has no session: the curtailment's re-plan stores no version, only the curtailment row changes
        assertThat(secondApi.put("/api/v1/admin/grid/curtailments/stations/" + grid.b().user(), dno(),
                Map.of("limitW", 1_500, "origin", "test")).status()).isEqualTo(200);

        assertThat(firstPower(api, grid.b(), "1", "s2", 11_000)).isEqualTo(1_500.0);
    }

    private Credentials dno() {
        String name = "dno-" + unique("u");
        String password = api.post("/api/v1/admin/users", ADMIN, Map.of("name", name, "roles", List.of("DNO")))
                .json().get("password").asString();
        return new Credentials(name, password);
    }

    /** A grid connection point of 11 kW with two stations of 22 kW. */
    private record TwoStations(String gcp, Credentials a, Credentials b) {
    }

    private TwoStations twoStationsOn11Kw() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 11_000);
        return new TwoStations(gcp, registerStation(unique("ST"), 22_000, gcp),
                registerStation(unique("ST"), 22_000, gcp));
    }

    /** The first period's power of the schedule the instance plans for the request (1 h, more energy than it gets). */
    private static double firstPower(Api on, Credentials station, String outlet, String session, double evMaxW) {
        Api.Response r = on.post("/api/v1/stations/" + station.user() + "/charging-requests", station,
                Requests.chargingRequest(station.user(), outlet, session, 50_000, evMaxW,
                        Instant.now().plus(Duration.ofHours(1))));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("periods").get(0).get("maxPowerW").asDouble();
    }

    private static Map<String, Object> stopRecord(String station, String session) {
        Instant start = Instant.now().minusSeconds(600);
        return Map.of("stationId", station, "sequenceNumber", 1, "kind", "STOP", "sessionId", session,
                "outletId", "1", "user", Map.of("type", "RFID", "token", "04A1B2C3"), "startTime", start.toString(),
                "startEnergyWh", 0, "stopTime", Instant.now().toString(), "stopEnergyWh", 1_000);
    }
}
