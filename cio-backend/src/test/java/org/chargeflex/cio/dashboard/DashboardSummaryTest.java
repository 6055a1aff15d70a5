package org.chargeflex.cio.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dashboard's data and page over real HTTP against the running application and the embedded PostgreSQL. */
class DashboardSummaryTest extends IntegrationTest {

    @Test
    void summaryAggregatesMeterValuesPerGridPointAndShowsSessionsWithScheduleAndMeasuredPower() {
        DashboardScenario s = DashboardScenario.seed(api, jdbc);
        Credentials reader = readOnlyUser();

        Api.Response r = api.get("/api/v1/admin/dashboard/summary?hours=1&sessions=100", reader);

        assertThat(r.status()).isEqualTo(200);
        JsonNode summary = r.json();
        assertThat(summary.get("bucketSeconds").asInt()).isEqualTo(60);

        JsonNode a = find(summary.get("stations"), "id", s.stationA);
        assertThat(a.get("name").asString()).isEqualTo("Hauptbahnhof P1");
        assertThat(a.get("latitude").asDouble()).isEqualTo(52.5251);
        assertThat(a.get("longitude").asDouble()).isEqualTo(13.3694);
        assertThat(a.get("gridConnectionPoint").asString()).isEqualTo(s.gridPoint);
        assertThat(a.get("online").asBoolean()).isTrue();
        assertThat(a.get("openSessions").asInt()).isEqualTo(1);
        // outlet 1's newest value plus outlet 2's (0 W)
        assertThat(a.get("measuredPowerW").asDouble()).isCloseTo(s.powerA(DashboardScenario.MINUTES - 1), within(1e-6));
        // C's newest value is older than three poll intervals: it does not count as live power
        assertThat(find(summary.get("stations"), "id", s.stationC).get("measuredPowerW").asDouble()).isZero();

        JsonNode gcp = find(summary.get("gridConnectionPoints"), "id", s.gridPoint);
        assertThat(gcp.get("maxPowerW").asDouble()).isEqualTo(DashboardScenario.LIMIT_W);
        assertThat(gcp.get("stations").asInt()).isEqualTo(3);
        int last = DashboardScenario.MINUTES - 1;
        assertThat(gcp.get("measuredPowerW").asDouble()).isCloseTo(s.powerA(last) + s.powerB(last), within(1e-6));

        JsonNode series = find(summary.get("aggregatePower"), "gridConnectionPoint", s.gridPoint);
        assertThat(series.get("total").asBoolean()).isFalse();
        assertThat(series.get("limitW").asDouble()).isEqualTo(DashboardScenario.LIMIT_W);
        List<JsonNode> points = list(series.get("points"));
        assertThat(points).hasSize(DashboardScenario.MINUTES);
        for (int i = 0; i < DashboardScenario.MINUTES; i++) {
            assertThat(Instant.parse(points.get(i).get("at").asString())).isEqualTo(s.at(i));
            assertThat(points.get(i).get("powerW").asDouble()).as("minute %d", i).isCloseTo(s.aggregate(i), within(1e-6));
        }
        JsonNode total = list(summary.get("aggregatePower")).stream().filter(p -> p.get("total").asBoolean())
                .findFirst().orElseThrow();
        assertThat(total.get("points").size()).isGreaterThanOrEqualTo(DashboardScenario.MINUTES);

        JsonNode sessionA = session(summary, s.stationA, s.sessionA);
        assertThat(sessionA.get("state").asString()).isEqualTo("CHARGING");
        assertThat(sessionA.get("outletId").asString()).isEqualTo("1");
        assertThat(sessionA.get("outletMaxPowerW").asDouble()).isEqualTo(22_000);
        List<JsonNode> measured = list(sessionA.get("measured"));
        assertThat(measured).hasSize(DashboardScenario.MINUTES);
        assertThat(measured.get(7).get("powerW").asDouble()).isCloseTo(s.powerA(7), within(1e-6));
        List<JsonNode> schedule = list(sessionA.get("schedule"));
        assertThat(schedule).extracting(p -> p.get("version").asInt()).contains(1, 2);
        assertThat(Instant.parse(schedule.get(0).get("from").asString())).isBeforeOrEqualTo(s.at(0));
        for (int i = 1; i < schedule.size(); i++) {
            // the effective schedule is a sequence in time: each version ends where the next begins (or earlier)
            assertThat(Instant.parse(schedule.get(i).get("from").asString()))
                    .isAfterOrEqualTo(Instant.parse(schedule.get(i - 1).get("to").asString()));
        }
        assertThat(schedule).allSatisfy(p -> assertThat(p.get("maxPowerW").asDouble()).isBetween(0.0, 22_000.0));

        JsonNode sessionB = session(summary, s.stationB, s.sessionB);
        assertThat(list(sessionB.get("measured"))).hasSize(DashboardScenario.MINUTES)
                .allSatisfy(p -> assertThat(p.get("powerW").asDouble()).isLessThanOrEqualTo(s.scheduledB));

        // The session on show is included first even when the limit leaves no room for older ones.
        JsonNode pinned = api.get("/api/v1/admin/dashboard/summary?hours=1&sessions=1&session=" + s.stationB + "/"
                + s.sessionB, reader).json().get("sessions");
        assertThat(pinned.size()).isEqualTo(1);
        assertThat(pinned.get(0).get("stationId").asString()).isEqualTo(s.stationB);
    }

    @Test
    void pageAndDataRefuseRequestsWithoutOperatorCredentials() {
        Credentials station = registerStation(unique("ST"), 22_000, null);
        for (String path : List.of("/dashboard", "/dashboard/", "/dashboard/index.html", "/dashboard/app.js",
                "/api/v1/admin/dashboard/summary")) {
            Api.Response anonymous = api.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.header("www-authenticate")).as(path).isEqualTo("Basic realm=\"ChargeFlex CIO\"");
            assertThat(anonymous.body()).as(path).doesNotContain("<html");
            assertThat(api.get(path, new Credentials("admin", "wrong")).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, station).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void readOnlyUserGetsThePageAndItsScriptsWithAContentSecurityPolicy() {
        Credentials reader = readOnlyUser();
        Api.Response redirect = api.get("/dashboard", reader);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("location")).endsWith("/dashboard/index.html");

        Api.Response page = api.get("/dashboard/index.html", reader);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"station-table\"", "id=\"aggregate-plot\"", "src=\"app.js\"");
        assertThat(page.header("content-security-policy")).contains("default-src 'self'");
        for (String asset : List.of("app.js", "plot.js", "map.js", "svg.js", "dashboard.css")) {
            assertThat(api.get("/dashboard/" + asset, reader).status()).as(asset).isEqualTo(200);
        }
    }

    private Credentials readOnlyUser() {
        String name = unique("viewer");
        Api.Response r = api.post("/api/v1/admin/users", ADMIN, Map.of("name", name, "roles", List.of("READ_ONLY")));
        assertThat(r.status()).isEqualTo(201);
        return new Credentials(name, r.json().get("password").asString());
    }

    private static JsonNode session(JsonNode summary, String station, String session) {
        return list(summary.get("sessions")).stream()
                .filter(n -> n.get("stationId").asString().equals(station) && n.get("sessionId").asString().equals(session))
                .findFirst().orElseThrow(() -> new AssertionError("no session " + station + "/" + session));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return list(array).stream().filter(n -> n.hasNonNull(field) && n.get(field).asString().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " = " + value + " in " + array));
    }

    private static List<JsonNode> list(JsonNode array) {
        return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
    }
}
