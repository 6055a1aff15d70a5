package org.chargeflex.cio.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StationRegistrationTest extends IntegrationTest {

    @Test
    void operatorRegistersAStationWithOutletsAndReadsItBack() {
        String id = unique("ST");
        registerGridConnectionPoint("GCP-" + id, 100_000);
        registerStation(id, 22_000, "GCP-" + id);

        JsonNode station = api.get("/api/v1/admin/stations/" + id, ADMIN).json();
        assertThat(station.get("gridConnectionPoint").asString()).isEqualTo("GCP-" + id);
        assertThat(station.get("maxPowerW").asDouble()).isEqualTo(22_000);
        assertThat(station.get("hasCredential").asBoolean()).isTrue();
        assertThat(station.get("outlets")).hasSize(2);
        assertThat(api.get("/api/v1/admin/stations", ADMIN).json().findValuesAsString("id")).contains(id);
    }

    @Test
    void stationSecretIsStoredHashedAndRotationRevokesTheOldOne() {
        String id = unique("ST");
        Credentials first = registerStation(id, 22_000, null);
        String hash = jdbc.sql("SELECT credential_hash FROM stations WHERE id = ?").param(id).query(String.class).single();
        assertThat(hash).startsWith("{hmac-sha256}").doesNotContain(first.password()); // salted HMAC: see StationSecrets
        assertThat(api.get("/api/v1/stations/" + id + "/sessions/none/schedule", first).status()).isEqualTo(404);

        Api.Response rotated = api.post("/api/v1/admin/stations/" + id + "/credential", ADMIN, null);
        Credentials second = new Credentials(id, rotated.json().get("secret").asString());

        assertThat(second.password()).isNotEqualTo(first.password()).hasSize(43);
        assertThat(api.get("/api/v1/stations/" + id + "/sessions/none/schedule", first).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/stations/" + id + "/sessions/none/schedule", second).status()).isEqualTo(404);
    }

    @Test
    void duplicateStationIdIsAConflict() {
        String id = unique("ST");
        registerStation(id, 22_000, null);
        Api.Response again = api.post("/api/v1/admin/stations", ADMIN,
                Map.of("id", id, "station", Map.of("name", "x", "maxPowerW", 1000)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("content-type")).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains(id);
    }

    @Test
    void unknownGridConnectionPointIsRefusedAndNothingIsStored() {
        String id = unique("ST");
        Api.Response r = api.post("/api/v1/admin/stations", ADMIN,
                Map.of("id", id, "station", Map.of("name", "x", "maxPowerW", 1000, "gridConnectionPoint", "NOPE")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("grid connection point 'NOPE' is not registered");
        assertThat(api.get("/api/v1/admin/stations/" + id, ADMIN).status()).isEqualTo(404);
    }

    @Test
    void invalidStationFieldsAreListedInTheProblem() {
        Api.Response r = api.post("/api/v1/admin/stations", ADMIN, Map.of("id", "bad id", "station",
                Map.of("name", "", "maxPowerW", -5, "latitude", 91, "restBaseUrl", "ftp://x")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .contains("id", "station.name", "station.maxPowerW", "station.latitude", "station.restBaseUrl");
    }

    @Test
    void operatorUpdatesAStationAndItsOutlets() {
        String id = unique("ST");
        registerStation(id, 22_000, null);
        Api.Response updated = api.put("/api/v1/admin/stations/" + id, ADMIN,
                Map.of("name", "Renamed", "maxPowerW", 44_000, "restBaseUrl", "https://st.example:8443/"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("restBaseUrl").asString()).isEqualTo("https://st.example:8443");

        Api.Response outlet = api.put("/api/v1/admin/stations/" + id + "/outlets/3", ADMIN,
                Map.of("id", "3", "maxPowerW", 3700, "phases", 1));
        assertThat(outlet.json().get("outlets").findValuesAsString("id")).containsExactly("1", "2", "3");
        assertThat(api.delete("/api/v1/admin/stations/" + id + "/outlets/2", ADMIN).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/admin/stations/" + id, ADMIN).json().get("outlets").findValuesAsString("id"))
                .isEqualTo(List.of("1", "3"));
    }
}
