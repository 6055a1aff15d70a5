package org.chargeflex.cio.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SessionRecordTest extends IntegrationTest {
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

    private static Map<String, Object> record(String station, long seq, String kind, String session) {
        Map<String, Object> r = new HashMap<>();
        r.put("stationId", station);
        r.put("sequenceNumber", seq);
        r.put("kind", kind);
        r.put("sessionId", session);
        r.put("outletId", "1");
        r.put("user", Map.of("type", "RFID", "token", "04A1"));
        r.put("startTime", START.toString());
        r.put("startEnergyWh", 1000);
        if (kind.equals("STOP")) {
            r.put("stopTime", START.plusSeconds(3000).toString());
            r.put("stopEnergyWh", 9000);
        }
        return r;
    }

    @Test
    void startAndStopRecordsAreAppliedOnceEach() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        String path = "/api/v1/stations/" + id + "/session-records";

        Api.Response start = api.post(path, station, record(id, 10, "START", "s1"));
        Api.Response startAgain = api.post(path, station, record(id, 10, "START", "s1"));
        assertThat(start.status()).isEqualTo(201);
        assertThat(startAgain.status()).isEqualTo(200);
        assertThat(startAgain.json().get("stored").asBoolean()).isFalse();
        assertThat(session(id).get("state").asString()).isEqualTo("CHARGING");

        assertThat(api.post(path, station, record(id, 11, "STOP", "s1")).status()).isEqualTo(201);
        assertThat(api.post(path, station, record(id, 11, "STOP", "s1")).status()).isEqualTo(200);
        JsonNode s = session(id);
        assertThat(s.get("state").asString()).isEqualTo("FINISHED");
        assertThat(s.get("stopEnergyWh").asDouble()).isEqualTo(9000);
        assertThat(jdbc.sql("SELECT count(*) FROM session_records WHERE station_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void stopOfASessionTheCioNeverHeardOfCreatesIt() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        assertThat(api.post("/api/v1/stations/" + id + "/session-records", station, record(id, 1, "STOP", "offline-1"))
                .status()).isEqualTo(201);
        JsonNode s = api.get("/api/v1/admin/stations/" + id + "/sessions/offline-1", ADMIN).json().get("session");
        assertThat(s.get("state").asString()).isEqualTo("FINISHED");
        assertThat(s.get("user").get("token").asString()).isEqualTo("04A1");
    }

    @Test
    void inconsistentStopIsRefused() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Map<String, Object> bad = record(id, 1, "STOP", "s1");
        bad.put("stopEnergyWh", 10);
        Api.Response r = api.post("/api/v1/stations/" + id + "/session-records", station, bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("stopEnergyWh (10.0) must not be below startEnergyWh");
        assertThat(jdbc.sql("SELECT count(*) FROM session_records WHERE station_id = ?").param(id).query(Integer.class)
                .single()).isZero();
    }

    private JsonNode session(String station) {
        return api.get("/api/v1/admin/stations/" + station + "/sessions/s1", ADMIN).json().get("session");
    }
}
