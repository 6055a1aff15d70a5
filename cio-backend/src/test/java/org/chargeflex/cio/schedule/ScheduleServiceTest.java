package org.chargeflex.cio.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScheduleServiceTest extends IntegrationTest {

    private String requestPath(String station) {
        return "/api/v1/stations/" + station + "/charging-requests";
    }

    @Test
    void scheduleSpreadsTheDemandUntilDepartureWithinTheEvLimit() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Instant departure = Instant.now().plus(Duration.ofHours(4));

        Api.Response r = api.post(requestPath(id), station, Requests.chargingRequest(id, "1", "s1", 20_000, 11_000, departure));

        assertThat(r.status()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("sessionId").asString()).isEqualTo("s1");
        assertThat(s.get("periods")).hasSize(1);
        double power = s.get("periods").get(0).get("maxPowerW").asDouble();
        assertThat(power).isBetween(4_990.0, 5_000.0); // 20 kWh over ~4 h, rounded down
        assertThat(Instant.parse(s.get("validUntil").asString())).isEqualTo(departure.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(s.get("pollIntervalSeconds").asInt()).isEqualTo(60);
        assertThat(r.header("etag")).isEqualTo("\"" + s.get("scheduleId").asString() + "\"");
    }

    @Test
    void demandAboveTheLimitsIsCappedByTheOutlet() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Api.Response r = api.post(requestPath(id), station,
                Requests.chargingRequest(id, "1", "s1", 80_000, 50_000, Instant.now().plus(Duration.ofHours(1))));
        assertThat(r.json().get("periods").get(0).get("maxPowerW").asDouble()).isEqualTo(11_000); // outlet 1: 11 kW
    }

    @Test
    void pollWithTheCurrentEtagGets304AndANewPlanGetsANewEtag() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Instant departure = Instant.now().plus(Duration.ofHours(4));
        String etag = api.post(requestPath(id), station,
                Requests.chargingRequest(id, "1", "s1", 20_000, 11_000, departure)).header("etag");
        String poll = "/api/v1/stations/" + id + "/sessions/s1/schedule";

        Api.Response unchanged = api.get(poll, station, "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        Api.Response full = api.get(poll, station);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("etag")).isEqualTo(etag);

        api.post(requestPath(id), station, Requests.chargingRequest(id, "1", "s1", 10_000, 11_000, departure));
        Api.Response changed = api.get(poll, station, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("etag")).isNotEqualTo(etag);
        assertThat(changed.json().get("periods").get(0).get("maxPowerW").asDouble()).isBetween(2_490.0, 2_500.0);
        assertThat(jdbc.sql("SELECT max(version) FROM schedules WHERE station_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void gridConnectionPointLimitIsSharedAmongSessionsOfItsStations() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 15_000);
        String a = unique("ST");
        String b = unique("ST");
        Credentials ca = registerStation(a, 22_000, gcp);
        Credentials cb = registerStation(b, 22_000, gcp);
        Instant soon = Instant.now().plus(Duration.ofHours(1));

        double first = api.post(requestPath(a), ca, Requests.chargingRequest(a, "2", "s1", 50_000, 22_000, soon))
                .json().get("periods").get(0).get("maxPowerW").asDouble();
        double second = api.post(requestPath(b), cb, Requests.chargingRequest(b, "2", "s1", 50_000, 22_000, soon))
                .json().get("periods").get(0).get("maxPowerW").asDouble();

        assertThat(first).isEqualTo(15_000);
        assertThat(second).isZero();
        assertThat(first + second).isLessThanOrEqualTo(15_000);
    }

    @Test
    void stationLimitIsSharedAmongItsOutlets() {
        String id = unique("ST");
        Credentials station = registerStation(id, 16_000, null);
        Instant soon = Instant.now().plus(Duration.ofHours(1));
        double first = api.post(requestPath(id), station, Requests.chargingRequest(id, "1", "s1", 50_000, 11_000, soon))
                .json().get("periods").get(0).get("maxPowerW").asDouble();
        double second = api.post(requestPath(id), station, Requests.chargingRequest(id, "2", "s2", 50_000, 22_000, soon))
                .json().get("periods").get(0).get("maxPowerW").asDouble();
        assertThat(first).isEqualTo(11_000);
        assertThat(second).isEqualTo(5_000);
    }

    @Test
    void finishedSessionIsNotPlannedAgain() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Instant now = Instant.now();
        api.post(requestPath(id), station, Requests.chargingRequest(id, "1", "s1", 5_000, 11_000, now.plusSeconds(3600)));
        api.post("/api/v1/stations/" + id + "/session-records", station, Map.of("stationId", id, "sequenceNumber", 1,
                "kind", "STOP", "sessionId", "s1", "outletId", "1", "startTime", now.toString(), "startEnergyWh", 0,
                "stopTime", now.plusSeconds(60).toString(), "stopEnergyWh", 100));
        Api.Response again = api.post(requestPath(id), station,
                Requests.chargingRequest(id, "1", "s1", 5_000, 11_000, now.plusSeconds(3600)));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void unknownOutletIs422AndUnknownSessionScheduleIs404() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Api.Response r = api.post(requestPath(id), station,
                Requests.chargingRequest(id, "9", "s1", 5_000, 11_000, Instant.now().plusSeconds(3600)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("outlet '9' is not registered");
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE station_id = ?").param(id).query(Integer.class).single())
                .isZero();
        assertThat(api.get("/api/v1/stations/" + id + "/sessions/nope/schedule", station).status()).isEqualTo(404);
    }

    @Test
    void departureBeyondYear9999Is422AndTheNextRequestIsPlanned() {
        // guards the batch's one store statement: such a time could not be stored and would fail the whole batch
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Map<String, Object> body = Requests.chargingRequest(id, "1", "s1", 5_000, 11_000, Instant.now());
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) body.get("ev");
        ev.put("plannedDeparture", 253_402_300_800L); // 10000-01-01T00:00:00Z in epoch seconds

        Api.Response r = api.post(requestPath(id), station, body);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("outside the years 1970 to 9999");
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE station_id = ?").param(id).query(Integer.class).single())
                .isZero();
        assertThat(api.post(requestPath(id), station, Requests.chargingRequest(id, "1", "s1", 5_000, 11_000,
                Instant.now().plusSeconds(3600))).status()).isEqualTo(200);
    }

    @Test
    void malformedRequestNamesTheFieldAndStoresNothing() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Map<String, Object> body = Requests.chargingRequest(id, "1", "s1", 5_000, 11_000, Instant.now().plusSeconds(3600));
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) body.get("ev");
        ev.put("phases", 5);
        Api.Response r = api.post(requestPath(id), station, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("ev.phases must be 1, 2 or 3, was 5");
        assertThat(api.post(requestPath(id), station, "{not json").status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE station_id = ?").param(id).query(Integer.class).single())
                .isZero();
    }

    @Test
    void operatorSeesTheSessionWithItsScheduleHistoryAndTheStationAsOnline() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Instant departure = Instant.now().plus(Duration.ofHours(2));
        api.post(requestPath(id), station, Requests.chargingRequest(id, "1", "s1", 10_000, 11_000, departure));
        api.post(requestPath(id), station, Requests.chargingRequest(id, "1", "s1", 8_000, 11_000, departure));

        JsonNode details = api.get("/api/v1/admin/stations/" + id + "/sessions/s1", ADMIN).json();
        assertThat(details.get("session").get("state").asString()).isEqualTo("PLANNED");
        assertThat(details.get("schedules").findValuesAsString("origin")).containsExactly("PLANNER", "PLANNER");

        JsonNode status = api.get("/api/v1/admin/stations/" + id + "/status", ADMIN).json();
        assertThat(status.get("online").asBoolean()).isTrue();
        assertThat(status.get("openSessions").asInt()).isEqualTo(1);
        assertThat(status.get("plannedPowerW").asDouble()).isBetween(3_990.0, 4_000.0);
    }
}
