package org.chargeflex.cio.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.FakeManagementService;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ForwardingTest extends IntegrationTest {
    private FakeManagementService service;
    private String stationId;
    private Credentials station;
    private String rfid;
    private Instant departure;

    @BeforeEach
    void setUp() throws IOException {
        service = new FakeManagementService();
        stationId = unique("ST");
        station = registerStation(stationId, 22_000, null);
        rfid = unique("RF").replace("-", "");
        departure = Instant.now().plus(Duration.ofHours(3));
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    /** A proposal of 6 kW for 30 min, then 3 kW until the departure (valid under every limit here). */
    private static String goodAnswer(JsonNode request) {
        Instant now = Instant.parse(request.get("now").asString());
        Instant until = Instant.parse(request.get("request").get("ev").get("plannedDeparture").asString());
        return "{\"startTime\":\"" + now + "\",\"periods\":[{\"offsetSeconds\":0,\"maxPowerW\":6000},"
                + "{\"offsetSeconds\":1800,\"maxPowerW\":3000}],\"validUntil\":\"" + until + "\"}";
    }

    private long registerFleetService(String path, int timeoutMs) {
        Map<String, Object> form = new HashMap<>(Map.of("name", unique("fleet"), "kind", "FLEET",
                "url", service.url(path), "timeoutMs", timeoutMs));
        long id = api.post("/api/v1/admin/management-services", ADMIN, form).json().get("id").asLong();
        assertThat(api.put("/api/v1/admin/management-services/" + id + "/members/RFID/" + rfid, ADMIN, null).status())
                .isEqualTo(200);
        return id;
    }

    private JsonNode requestSchedule(String managementUrl) {
        Api.Response r = api.post("/api/v1/stations/" + stationId + "/charging-requests", station,
                Requests.chargingRequest(stationId, "1", "s1", rfid, 20_000, 11_000, departure, managementUrl));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private JsonNode lastLogEntry() {
        JsonNode log = api.get("/api/v1/admin/forwarding-log?stationId=" + stationId, ADMIN).json();
        assertThat(log.size()).isPositive();
        return log.get(0);
    }

    private String storedOrigin() {
        return jdbc.sql("SELECT origin FROM schedules WHERE station_id = ? ORDER BY version DESC LIMIT 1")
                .param(stationId).query(String.class).single();
    }

    @Test
    void fleetServiceAnswerBecomesTheSchedule() {
        service.answering(ForwardingTest::goodAnswer);
        registerFleetService("/good", 2000);

        JsonNode schedule = requestSchedule(null);

        assertThat(schedule.get("periods").findValues("maxPowerW")).extracting(JsonNode::asDouble).containsExactly(6000.0, 3000.0);
        assertThat(storedOrigin()).isEqualTo("FORWARDED");
        assertThat(lastLogEntry().get("outcome").asString()).isEqualTo("ACCEPTED");
        JsonNode forwarded = service.received().get(0);
        assertThat(forwarded.get("request").get("sessionId").asString()).isEqualTo("s1");
        assertThat(forwarded.get("limits").get("maxPowerW").asDouble()).isEqualTo(11_000);
        assertThat(forwarded.get("limits").get("outletMaxPowerW").asDouble()).isEqualTo(11_000);
    }

    @Test
    void slowServiceTimesOutAndTheCioPlansItself() {
        service.answering(ForwardingTest::goodAnswer).slow();
        registerFleetService("/slow", 200);

        JsonNode schedule = requestSchedule(null);

        assertThat(schedule.get("periods")).hasSize(1);
        assertThat(storedOrigin()).isEqualTo("PLANNER");
        JsonNode entry = lastLogEntry();
        assertThat(entry.get("outcome").asString()).isEqualTo("TIMEOUT");
        assertThat(entry.get("detail").asString()).contains("200 ms");
    }

    @Test
    void answerAboveTheEvLimitIsRefusedAndTheCioPlansItself() {
        service.answering(r -> "{\"startTime\":\"" + r.get("now").asString() + "\",\"periods\":[{\"offsetSeconds\":0,"
                + "\"maxPowerW\":50000}],\"validUntil\":\"" + departure + "\"}");
        registerFleetService("/greedy", 2000);

        JsonNode schedule = requestSchedule(null);

        assertThat(schedule.get("periods").get(0).get("maxPowerW").asDouble()).isLessThanOrEqualTo(11_000);
        assertThat(storedOrigin()).isEqualTo("PLANNER");
        JsonNode entry = lastLogEntry();
        assertThat(entry.get("outcome").asString()).isEqualTo("INVALID_ANSWER");
        assertThat(entry.get("detail").asString()).contains("periods[0].maxPowerW 50000.0 W exceeds the limit of 11000.0 W");
    }

    @Test
    void answerThatIsNoScheduleIsRefused() {
        service.answering(r -> "{\"periods\": \"lots\"}");
        registerFleetService("/garbage", 2000);

        requestSchedule(null);

        assertThat(storedOrigin()).isEqualTo("PLANNER");
        assertThat(lastLogEntry().get("outcome").asString()).isEqualTo("INVALID_ANSWER");
    }

    @Test
    void unregisteredUrlNamedInTheRequestIsNeverCalled() {
        service.answering(ForwardingTest::goodAnswer);

        requestSchedule(service.url("/unregistered"));

        assertThat(service.received()).isEmpty();
        assertThat(storedOrigin()).isEqualTo("PLANNER");
        JsonNode entry = lastLogEntry();
        assertThat(entry.get("outcome").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(entry.get("url").asString()).isEqualTo(service.url("/unregistered"));
    }

    @Test
    void registeredUrlNamedInTheRequestIsAsked() {
        service.answering(ForwardingTest::goodAnswer);
        String url = service.url("/personal");
        api.post("/api/v1/admin/management-services", ADMIN,
                Map.of("name", unique("personal"), "kind", "FLEET", "url", url));

        requestSchedule(url);

        assertThat(service.received()).hasSize(1);
        assertThat(storedOrigin()).isEqualTo("FORWARDED");
    }

    @Test
    void dnoServiceOfTheGridConnectionPointIsAskedWithTheGridHeadroom() {
        service.answering(ForwardingTest::goodAnswer);
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 9_000);
        stationId = unique("ST");
        station = registerStation(stationId, 22_000, gcp);
        long id = api.post("/api/v1/admin/management-services", ADMIN,
                Map.of("name", unique("dno"), "kind", "DNO", "url", service.url("/dno"))).json().get("id").asLong();
        assertThat(api.put("/api/v1/admin/management-services/" + id + "/grid-connection-points/" + gcp, ADMIN, null)
                .status()).isEqualTo(200);

        requestSchedule(null);

        assertThat(storedOrigin()).isEqualTo("FORWARDED");
        JsonNode forwarded = service.received().get(0);
        assertThat(forwarded.get("gridConnectionPoint").asString()).isEqualTo(gcp);
        assertThat(forwarded.get("limits").get("gridHeadroomW").asDouble()).isEqualTo(9_000);
        assertThat(forwarded.get("limits").get("maxPowerW").asDouble()).isEqualTo(9_000);
    }
}
