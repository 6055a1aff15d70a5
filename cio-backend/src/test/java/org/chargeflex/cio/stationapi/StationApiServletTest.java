package org.chargeflex.cio.stationapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The station API's own servlet over real HTTP (Tomcat, Spring Security's station chain, embedded PostgreSQL): the
 * answers, ETags and RFC 9457 problems that Spring MVC gave before the station API left it, and what it adds (405,
 * 415, a check of the station that does not rely on the security chain alone).
 */
class StationApiServletTest extends IntegrationTest {
    private static final String PROBLEM = "application/problem+json";

    private String stationId;
    private Credentials station;

    @BeforeEach
    void station() {
        stationId = unique("SA");
        station = registerStation(stationId, 22_000, null);
    }

    private String base() {
        return "/api/v1/stations/" + stationId;
    }

    private Map<String, Object> request(String sessionId) {
        return Requests.chargingRequest(stationId, "1", sessionId, 10_000, 11_000,
                Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void chargingRequestAnswersTheScheduleWithItsEtagAndPollsAreAnswered304ForIt() {
        Api.Response r = api.post(base() + "/charging-requests", station, request("s1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("application/json");
        String etag = r.header("etag");
        assertThat(etag).isEqualTo("\"" + r.json().get("scheduleId").asString() + "\"");
        assertThat(r.header("cache-control")).isEqualTo("no-cache");
        assertThat(r.json().get("periods").get(0).get("maxPowerW").asDouble()).isPositive();

        Api.Response poll = api.get(base() + "/sessions/s1/schedule", station);
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.header("etag")).isEqualTo(etag);
        Api.Response same = api.get(base() + "/sessions/s1/schedule", station, "If-None-Match", etag);
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("etag")).isEqualTo(etag);
        assertThat(api.get(base() + "/sessions/s1/schedule", station, "If-None-Match", "\"older\", W/" + etag)
                .status()).isEqualTo(304);
        assertThat(api.get(base() + "/sessions/s1/schedule", station, "If-None-Match", "\"older\"").status())
                .isEqualTo(200);
    }

    @Test
    void missingEvLimitIsA400ProblemNamingTheField() {
        String body = Api.JSON.writeValueAsString(request("s2")).replace("\"maxPowerW\":11000.0,", "")
                .replace(",\"maxPowerW\":11000.0", "");
        Api.Response r = api.post(base() + "/charging-requests", station, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith(PROBLEM);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:chargeflex:problem:invalid-body");
        assertThat(r.json().get("detail").asString()).isEqualTo("ev.maxPowerW or ev.maxCurrentA is required");
        assertThat(r.json().get("instance").asString()).isEqualTo(base() + "/charging-requests");
        assertThat(api.get(base() + "/sessions/s2/schedule", station).status()).isEqualTo(404);
    }

    @Test
    void wrongTypeNamesThePathAndBrokenJsonOrNoBodyAre400() {
        String body = Api.JSON.writeValueAsString(request("s3")).replace("\"phases\":3", "\"phases\":\"three\"");
        Api.Response r = api.post(base() + "/charging-requests", station, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).startsWith("ev.phases: ");
        assertThat(api.post(base() + "/charging-requests", station, "{\"stationId\":").status()).isEqualTo(400);
        Api.Response empty = api.send("POST", base() + "/charging-requests", station, null,
                "Content-Type", "application/json");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).isEqualTo("the body is missing or is not valid JSON");
        Api.Response nullBody = api.post(base() + "/meter-values", station, "null");
        assertThat(nullBody.status()).isEqualTo(400);
        assertThat(nullBody.json().get("detail").asString()).isEqualTo("the body is missing or is not valid JSON");
    }

    @Test
    void anotherStationInTheBodyIs403AndNothingIsPlanned() {
        Map<String, Object> body = request("s4");
        body.put("stationId", "ST-OTHER");
        Api.Response r = api.post(base() + "/charging-requests", station, body);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asString())
                .isEqualTo("station '" + stationId + "' may not send data for station 'ST-OTHER'");
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE station_id = ?").param(stationId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherStationsPathIs403ProblemAnOperatorAndNoCredentialAre401() {
        String other = unique("SB");
        registerStation(other, 22_000, null);
        Api.Response r = api.get("/api/v1/stations/" + other + "/sessions/s1/schedule", station);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("content-type")).startsWith(PROBLEM);
        assertThat(api.get(base() + "/sessions/s1/schedule", ADMIN).status()).isEqualTo(401);
        Api.Response anonymous = api.get(base() + "/sessions/s1/schedule", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("www-authenticate")).isEqualTo("Basic realm=\"ChargeFlex CIO\"");
        assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
        assertThat(api.get(base() + "/no-such-thing", null).status()).isEqualTo(401);
    }

    @Test
    void unknownPathIs404WrongMethodIs405AndAnotherMediaTypeIs415() {
        Api.Response missing = api.get(base() + "/no-such-thing", station);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("content-type")).startsWith(PROBLEM);
        assertThat(api.get(base() + "/sessions/s1/schedule/", station).status()).isEqualTo(404);

        Api.Response method = api.get(base() + "/charging-requests", station);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("allow")).isEqualTo("POST");
        assertThat(method.json().get("type").asString()).isEqualTo("urn:chargeflex:problem:method-not-allowed");

        Api.Response media = api.send("POST", base() + "/charging-requests", station, null,
                "Content-Type", "text/plain");
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.header("accept")).isEqualTo("application/json");
    }

    @Test
    void everyCallNotesThatTheStationWasSeen() {
        assertThat(jdbc.sql("SELECT last_seen_at IS NULL FROM stations WHERE id = ?").param(stationId)
                .query(Boolean.class).single()).isTrue();
        assertThat(api.get(base() + "/sessions/none/schedule", station).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT last_seen_at IS NOT NULL FROM stations WHERE id = ?").param(stationId)
                .query(Boolean.class).single()).isTrue();
    }
}
