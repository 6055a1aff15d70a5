package org.chargeflex.cio.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.chargeflex.cio.optimizer.SitePlanningSource;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.optimizer.model.Objective;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The site planning API over real HTTP on the embedded PostgreSQL: read back, validation, roles. */
class SitePlanningTest extends IntegrationTest {
    @Autowired
    SitePlanningSource planners;

    private static final String T0 = "2026-11-25T22:00:00Z";
    private static final String T1 = "2026-11-26T06:00:00Z";

    private String path(String gcp) {
        return "/api/v1/admin/grid-connection-points/" + gcp + "/planning";
    }

    private Credentials account(String role) {
        String name = role.toLowerCase().replace('_', '-') + "-" + unique("u").substring(2);
        String password = api.post("/api/v1/admin/users", ADMIN, Map.of("name", name, "roles", List.of(role))).json()
                .get("password").asString();
        return new Credentials(name, password);
    }

    @Test
    void aSiteHasPeakWithoutSeriesUntilSetAndReadsBackWhatWasSet() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        Api.Response empty = api.get(path(gcp), ADMIN);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("objective").asString()).isEqualTo("PEAK");
        assertThat(empty.json().get("prices").size()).isZero();

        Api.Response set = api.put(path(gcp), ADMIN, Map.of("objective", "TARIFF",
                "prices", List.of(Map.of("from", T0, "pricePerKWh", 0.12), Map.of("from", T1, "pricePerKWh", 0.35)),
                "baseLoad", List.of(Map.of("from", T0, "valueW", 8000))));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        Api.Response read = api.get(path(gcp), ADMIN);
        assertThat(read.json().get("objective").asString()).isEqualTo("TARIFF");
        assertThat(read.json().get("prices").get(1).get("pricePerKWh").asDouble()).isEqualTo(0.35);
        assertThat(read.json().get("prices").get(1).get("from").asString()).isEqualTo(T1);
        assertThat(read.json().get("baseLoad").get(0).get("valueW").asDouble()).isEqualTo(8000);

        // a field left out stays; an empty list clears
        assertThat(api.put(path(gcp), ADMIN, Map.of("baseLoad", List.of())).status()).isEqualTo(200);
        read = api.get(path(gcp), ADMIN);
        assertThat(read.json().get("objective").asString()).isEqualTo("TARIFF");
        assertThat(read.json().get("prices").size()).isEqualTo(2);
        assertThat(read.json().get("baseLoad").size()).isZero();
    }

    /**
     * Regression: a change of a site's planning once started from, and answered with, the planners' in-memory copy,
     * which is emptied only after the change commits (a second change could lose the first one's objective).
     */
    @Test
    void aChangeStartsFromAndAnswersWithTheStoredPlanningNotThePlannersCopy() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        assertThat(planners.planning(gcp).objective()).isEqualTo(Objective.PEAK); // the planners' copy holds PEAK

        Api.Response set = api.put(path(gcp), ADMIN, Map.of("objective", "TARIFF",
                "prices", List.of(Map.of("from", T0, "pricePerKWh", 0.12))));
        assertThat(set.json().get("objective").asString()).as(set.body()).isEqualTo("TARIFF");
        assertThat(planners.planning(gcp).objective()).as("the copy after the commit").isEqualTo(Objective.TARIFF);

        Api.Response more = api.put(path(gcp), ADMIN, Map.of("baseLoad", List.of(Map.of("from", T0, "valueW", 8000))));
        assertThat(more.json().get("objective").asString()).as(more.body()).isEqualTo("TARIFF");
        assertThat(more.json().get("prices").size()).isEqualTo(1);
        assertThat(more.json().get("baseLoad").size()).isEqualTo(1);
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        List<Map<String, Object>> bad = List.of(
                Map.of("objective", "CHEAPEST"),
                Map.of("objective", "TARIFF"),
                Map.of("objective", "RENEWABLE", "prices", List.of(Map.of("from", T0, "pricePerKWh", 0.1))),
                Map.of("prices", List.of(Map.of("from", T1, "pricePerKWh", 0.1), Map.of("from", T0, "pricePerKWh", 0.2))),
                Map.of("prices", List.of(Map.of("from", T0, "pricePerKWh", 0.1), Map.of("from", T0, "pricePerKWh", 0.2))),
                Map.of("prices", List.of(Map.of("from", T0, "pricePerKWh", 1000))),
                Map.of("baseLoad", List.of(Map.of("from", T0, "valueW", -5))),
                Map.of("renewableForecast", List.of(Map.of("from", T0, "valueW", 2e9))),
                Map.of("renewableForecast", List.of(Map.of("valueW", 1000))),
                Map.of("baseLoad", List.of(Map.of("from", "1970-01-01T00:00:00Z", "valueW", 1000))),
                Map.of("baseLoad", List.of(Map.of("from", "tomorrow", "valueW", 1000))));
        for (Map<String, Object> body : bad) {
            Api.Response r = api.put(path(gcp), ADMIN, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(body.toString()).startsWith("application/problem+json");
        }
        Api.Response read = api.get(path(gcp), ADMIN);
        assertThat(read.json().get("objective").asString()).isEqualTo("PEAK");
        assertThat(read.json().get("prices").size() + read.json().get("baseLoad").size()
                + read.json().get("renewableForecast").size()).isZero();
        assertThat(api.put(path(unique("GCP")), ADMIN, Map.of("objective", "PEAK")).status()).isEqualTo(404);
        assertThat(api.get(path(unique("GCP")), ADMIN).status()).isEqualTo(404);
    }

    @Test
    void fleetOperatorsSetObjectiveForecastAndPricesDnosTheBaseLoadOthersRead() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        Credentials fleet = account("FLEET_OPERATOR");
        Credentials dno = account("DNO");
        Credentials reader = account("READ_ONLY");
        List<Map<String, Object>> forecast = List.of(Map.of("from", T0, "valueW", 12_000));
        List<Map<String, Object>> base = List.of(Map.of("from", T0, "valueW", 3_000));

        assertThat(api.put(path(gcp), fleet, Map.of("objective", "RENEWABLE", "renewableForecast", forecast)).status())
                .isEqualTo(200);
        Api.Response denied = api.put(path(gcp), fleet, Map.of("baseLoad", base));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("baseLoad");
        assertThat(api.put(path(gcp), dno, Map.of("baseLoad", base)).status()).isEqualTo(200);
        assertThat(api.put(path(gcp), dno, Map.of("objective", "PEAK", "baseLoad", base)).status()).isEqualTo(403);
        assertThat(api.put(path(gcp), reader, Map.of("objective", "PEAK")).status()).isEqualTo(403);
        assertThat(api.put(path(gcp), null, Map.of("objective", "PEAK")).status()).isEqualTo(401);

        Api.Response read = api.get(path(gcp), reader);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("objective").asString()).as("the denied requests changed nothing").isEqualTo("RENEWABLE");
        assertThat(read.json().get("renewableForecast").get(0).get("valueW").asDouble()).isEqualTo(12_000);
        assertThat(read.json().get("baseLoad").get(0).get("valueW").asDouble()).isEqualTo(3_000);
    }
}
