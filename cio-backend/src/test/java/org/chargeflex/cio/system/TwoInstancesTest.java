package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        second = SecondInstance.start("cio-backend-2");
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
}
