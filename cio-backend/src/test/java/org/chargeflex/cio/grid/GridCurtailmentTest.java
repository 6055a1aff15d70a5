package org.chargeflex.cio.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DNO curtailments over real HTTP on the running application and the embedded PostgreSQL. */
class GridCurtailmentTest extends IntegrationTest {
    static final String BASE = "/api/v1/admin/grid/curtailments";
    private Credentials dno;

    /** A station's session: where it is planned and how to poll it. */
    record Session(String stationId, Credentials station, String sessionId) {
        String poll() {
            return "/api/v1/stations/" + stationId + "/sessions/" + sessionId + "/schedule";
        }
    }

    @BeforeEach
    void dnoAccount() {
        dno = account(api, "DNO");
    }

    static Credentials account(Api api, String role) {
        String name = unique("dno");
        String password = api.post("/api/v1/admin/users", ADMIN, Map.of("name", name, "roles", List.of(role)))
                .json().get("password").asString();
        return new Credentials(name, password);
    }

    static Session request(Api api, String stationId, Credentials station, String outlet, String sessionId,
            double evMaxPowerW) {
        Api.Response r = api.post("/api/v1/stations/" + stationId + "/charging-requests", station,
                Requests.chargingRequest(stationId, outlet, sessionId, 60_000, evMaxPowerW,
                        Instant.now().plus(Duration.ofHours(2))));
        assertThat(r.status()).isEqualTo(200);
        return new Session(stationId, station, sessionId);
    }

    static Map<String, Object> curtailment(double limitW, boolean emergency, String origin) {
        Map<String, Object> body = new HashMap<>();
        body.put("limitW", limitW);
        body.put("emergency", emergency);
        body.put("origin", origin);
        return body;
    }

    /**
     * The highest power of the session's current schedule from now on (a re-planned schedule keeps its past periods,
     * see docs/cio-backend.md, "Rolling re-optimisation").
     */
    static double peak(JsonNode schedule) {
        long now = Instant.now().getEpochSecond() - Instant.parse(schedule.get("startTime").asString()).getEpochSecond();
        JsonNode periods = schedule.get("periods");
        double peak = 0;
        for (int i = 0; i < periods.size(); i++) {
            boolean over = i + 1 < periods.size() && periods.get(i + 1).get("offsetSeconds").asLong() <= now;
            if (!over) {
                peak = Math.max(peak, periods.get(i).get("maxPowerW").asDouble());
            }
        }
        return peak;
    }

    /** Two stations (22 kW each) on a 50 kW grid connection point, three sessions asking for 11 + 22 + 22 kW. */
    private List<Session> busyGridConnectionPoint(String gcp) {
        registerGridConnectionPoint(gcp, 50_000);
        String a = unique("ST");
        String b = unique("ST");
        Credentials ca = registerStation(a, 22_000, gcp);
        Credentials cb = registerStation(b, 22_000, gcp);
        return List.of(request(api, a, ca, "1", "s1", 11_000), request(api, a, ca, "2", "s2", 22_000),
                request(api, b, cb, "2", "s3", 22_000));
    }

    @Test
    void curtailingAGridConnectionPointReplansItsOngoingSessionsUnderTheLimit() {
        String gcp = unique("GCP");
        List<Session> sessions = busyGridConnectionPoint(gcp);
        List<String> etags = new ArrayList<>();
        double before = 0;
        for (Session s : sessions) {
            Api.Response r = api.get(s.poll(), s.station());
            etags.add(r.header("etag"));
            before += peak(r.json());
        }
        assertThat(before).isEqualTo(44_000); // 11 + 11 (station A's 22 kW) + 22

        Api.Response r = api.put(BASE + "/grid-connection-points/" + gcp, dno,
                curtailment(20_000, false, "iec104 10.0.0.7:40000 C_SE_NC_1 IOA 900"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.get("scope").asString()).isEqualTo("GRID_CONNECTION_POINT");
        assertThat(c.get("target").asString()).isEqualTo(gcp);
        assertThat(c.get("limitW").asDouble()).isEqualTo(20_000);
        assertThat(c.get("effectiveLimitW").asDouble()).isEqualTo(20_000);
        assertThat(c.get("emergency").asBoolean()).isFalse();
        assertThat(c.get("emergencyDelivered").asBoolean()).isFalse();
        assertThat(c.get("requestedBy").asString()).isEqualTo(dno.user());
        assertThat(c.get("origin").asString()).isEqualTo("iec104 10.0.0.7:40000 C_SE_NC_1 IOA 900");
        assertThat(c.get("replannedSessions").asInt()).isEqualTo(3);
        assertThat(Instant.parse(c.get("appliedAt").asString())).isBefore(Instant.now().plusSeconds(1));

        double after = 0;
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            Api.Response poll = api.get(s.poll(), s.station(), "If-None-Match", etags.get(i));
            assertThat(poll.status()).as("a new schedule version for " + s).isEqualTo(200);
            assertThat(poll.header("etag")).isNotEqualTo(etags.get(i));
            double peak = peak(poll.json());
            assertThat(peak).as("every session keeps a share").isPositive().isLessThanOrEqualTo(20_000);
            after += peak;
        }
        assertThat(after).isLessThanOrEqualTo(20_000).isGreaterThan(19_990);

        // a session that starts later is planned under the curtailment too
        Session late = request(api, sessions.get(2).stationId(), sessions.get(2).station(), "1", "s4", 11_000);
        assertThat(after + peak(api.get(late.poll(), late.station()).json())).isLessThanOrEqualTo(20_000);
        assertThat(api.get(BASE, dno).json()).anySatisfy(listed -> {
            assertThat(listed.get("target").asString()).isEqualTo(gcp);
            assertThat(listed.get("limitW").asDouble()).isEqualTo(20_000);
        });
    }

    @Test
    void liftingRestoresTheRegisteredLimitAndReplansAgain() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Session s = request(api, id, station, "1", "s1", 11_000);
        assertThat(peak(api.get(s.poll(), station).json())).isEqualTo(11_000);

        Api.Response curtailed = api.put(BASE + "/stations/" + id, dno, curtailment(5_000, false, "test"));
        assertThat(curtailed.status()).isEqualTo(200);
        assertThat(curtailed.json().get("scope").asString()).isEqualTo("STATION");
        Api.Response under = api.get(s.poll(), station);
        assertThat(peak(under.json())).isEqualTo(5_000);

        assertThat(api.delete(BASE + "/stations/" + id + "?origin=scada-1", dno).status()).isEqualTo(204);

        Api.Response restored = api.get(s.poll(), station);
        assertThat(restored.header("etag")).isNotEqualTo(under.header("etag"));
        assertThat(peak(restored.json())).isEqualTo(11_000);
        assertThat(api.get(BASE, dno).json()).noneSatisfy(c -> assertThat(c.get("target").asString()).isEqualTo(id));
        Api.Response again = api.delete(BASE + "/stations/" + id, dno);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void aNewCurtailmentReplacesTheOldOne() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Session s = request(api, id, station, "1", "s1", 11_000);
        api.put(BASE + "/stations/" + id, dno, curtailment(3_000, false, "first"));
        api.put(BASE + "/stations/" + id, ADMIN, curtailment(8_000, false, "second"));

        assertThat(peak(api.get(s.poll(), station).json())).isEqualTo(8_000);
        List<JsonNode> mine = new ArrayList<>();
        api.get(BASE, ADMIN).json().forEach(c -> {
            if (c.get("target").asString().equals(id)) {
                mine.add(c);
            }
        });
        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.get("limitW").asDouble()).isEqualTo(8_000);
            assertThat(c.get("requestedBy").asString()).isEqualTo(ADMIN.user());
            assertThat(c.get("origin").asString()).isEqualTo("second");
        });
    }

    @Test
    void theCommandLogRecordsEveryCommandWithOriginUserAndOutcomeNewestFirst() {
        String id = unique("ST");
        registerStation(id, 22_000, null);
        api.put(BASE + "/stations/" + id, dno, curtailment(6_000, false, "iec61850 10.0.0.5:50123 ChaPwrLim"));
        assertThat(api.put(BASE + "/stations/" + id, dno, curtailment(30_000, false, "iec61850 10.0.0.5:50123 ChaPwrLim"))
                .status()).isEqualTo(400);
        api.delete(BASE + "/stations/" + id + "?origin=iec104%2010.0.0.7", dno);

        List<JsonNode> mine = new ArrayList<>();
        api.get("/api/v1/admin/grid/commands?limit=1000", dno).json().forEach(c -> {
            if (c.get("target").asString().equals(id)) {
                mine.add(c);
            }
        });
        assertThat(mine).hasSize(3);
        assertThat(mine).extracting(c -> c.get("outcome").asString()).containsExactly("LIFTED", "REFUSED", "APPLIED");
        assertThat(mine).extracting(c -> c.get("action").asString()).containsExactly("LIFT", "CURTAIL", "CURTAIL");
        assertThat(mine).allSatisfy(c -> assertThat(c.get("requestedBy").asString()).isEqualTo(dno.user()));
        assertThat(mine).extracting(c -> c.get("origin").asString()).containsExactly("iec104 10.0.0.7",
                "iec61850 10.0.0.5:50123 ChaPwrLim", "iec61850 10.0.0.5:50123 ChaPwrLim");
        assertThat(mine.get(1).get("detail").asString()).contains("exceeds the station's registered maximum");
        assertThat(mine.get(2).get("limitW").asDouble()).isEqualTo(6_000);
        assertThat(mine.get(2).get("effectiveLimitW").asDouble()).isEqualTo(6_000);
        assertThat(Instant.parse(mine.get(2).get("at").asString())).isBefore(Instant.now().plusSeconds(1));

        long first = mine.get(2).get("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("UPDATE grid_commands SET origin = 'forged' WHERE id = ?").param(first).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM grid_commands WHERE id = ?").param(first).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void theOpenApiDocumentNamesTheGridPaths() {
        JsonNode paths = api.get("/v3/api-docs", ADMIN).json().get("paths");
        assertThat(paths.propertyNames()).contains(BASE, BASE + "/stations/{stationId}",
                BASE + "/grid-connection-points/{gcpId}", "/api/v1/admin/grid/commands");
    }
}
