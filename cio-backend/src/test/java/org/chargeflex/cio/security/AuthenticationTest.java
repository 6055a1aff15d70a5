package org.chargeflex.cio.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends IntegrationTest {

    @Test
    void requestWithoutCredentialsGets401ProblemAskingForBasic() {
        for (String path : List.of("/api/v1/admin/stations", "/api/v1/stations/X/meter-values", "/v3/api-docs",
                "/no/such/path")) {
            Api.Response r = api.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("www-authenticate")).isEqualTo("Basic realm=\"ChargeFlex CIO\"");
            assertThat(r.header("content-type")).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void wrongPasswordGets401() {
        assertThat(api.get("/api/v1/admin/stations", new Credentials("admin", "wrong")).status()).isEqualTo(401);
    }

    @Test
    void readOnlyUserMayReadButNotWriteAndGets403Problem() {
        Credentials reader = createUser(unique("reader"), "READ_ONLY");
        assertThat(api.get("/api/v1/admin/stations", reader).status()).isEqualTo(200);
        Api.Response write = api.put("/api/v1/admin/grid-connection-points/G1", reader,
                Map.of("name", "x", "maxPowerW", 1000));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("content-type")).startsWith("application/problem+json");
        assertThat(write.json().get("detail").asString()).contains(reader.user());
        assertThat(api.get("/api/v1/admin/users", reader).status()).isEqualTo(403);
    }

    @Test
    void dnoMaySetGridLimitsButNotRegisterStations() {
        Credentials dno = createUser(unique("dno"), "DNO");
        String gcp = unique("GCP");
        assertThat(api.put("/api/v1/admin/grid-connection-points/" + gcp, dno, Map.of("name", "x", "maxPowerW", 5000))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/stations", dno, Map.of("id", unique("ST"),
                "station", Map.of("name", "x", "maxPowerW", 1000))).status()).isEqualTo(403);
    }

    @Test
    void stationCredentialIsNotAnOperatorCredential() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        assertThat(api.get("/api/v1/admin/stations", station).status()).isEqualTo(401);
    }

    @Test
    void operatorCredentialIsNotAStationCredential() {
        String id = unique("ST");
        registerStation(id, 22_000, null);
        assertThat(api.get("/api/v1/stations/" + id + "/sessions/s/schedule", ADMIN).status()).isEqualTo(401);
    }

    @Test
    void stationCannotActForAnotherStationByPath() {
        Credentials a = registerStation(unique("ST"), 22_000, null);
        String b = unique("ST");
        registerStation(b, 22_000, null);
        Api.Response r = api.post("/api/v1/stations/" + b + "/meter-values", a, Requests.meterBatch(b,
                List.of(Requests.meterValue(1, Instant.now(), 1, 1))));
        assertThat(r.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM meter_values WHERE station_id = ?").param(b).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void stationCannotActForAnotherStationByBody() {
        String a = unique("ST");
        Credentials ca = registerStation(a, 22_000, null);
        String b = unique("ST");
        registerStation(b, 22_000, null);
        Api.Response r = api.post("/api/v1/stations/" + a + "/meter-values", ca, Requests.meterBatch(b,
                List.of(Requests.meterValue(1, Instant.now(), 1, 1))));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asString()).contains("may not send data for station '" + b + "'");
    }

    @Test
    void newUserGetsAGeneratedPasswordOnceAndOnlyItsHashIsStored() {
        String name = unique("op");
        Api.Response created = api.post("/api/v1/admin/users", ADMIN, Map.of("name", name, "roles", List.of("OPERATOR")));
        assertThat(created.status()).isEqualTo(201);
        String password = created.json().get("password").asString();
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE name = ?").param(name).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(api.get("/api/v1/admin/users", new Credentials(name, password)).json().findValuesAsString("name"))
                .contains(name, "admin");
    }

    @Test
    void deletedUserCanNoLongerLogIn() {
        Credentials user = createUser(unique("gone"), "READ_ONLY");
        assertThat(api.get("/api/v1/admin/stations", user).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/admin/users/" + user.user(), ADMIN).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/admin/stations", user).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/admin/users/" + user.user(), ADMIN).status()).isEqualTo(404);
    }

    private Credentials createUser(String name, String role) {
        Api.Response r = api.post("/api/v1/admin/users", ADMIN, Map.of("name", name, "roles", List.of(role)));
        assertThat(r.status()).isEqualTo(201);
        return new Credentials(name, r.json().get("password").asString());
    }
}
