package org.chargeflex.cio.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.StandInStation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelAccessTest extends IntegrationTest {
    private static final String STATION_USER = "cio";
    private static final String STATION_PASSWORD = "station-rest-password";
    private StandInStation standIn;
    private String id;

    @BeforeEach
    void setUp() throws IOException {
        standIn = new StandInStation(STATION_USER, STATION_PASSWORD);
        standIn.set("outlet1/current_limit", "16");
        id = unique("ST");
        registerStation(api, id, 22_000, null, standIn.baseUrl());
        assertThat(api.put("/api/v1/admin/stations/" + id + "/access-credential", ADMIN,
                Map.of("username", STATION_USER, "password", STATION_PASSWORD)).status()).isEqualTo(204);
    }

    @AfterEach
    void tearDown() {
        standIn.close();
    }

    @Test
    void operatorReadsAndWritesAStationChannelByLabel() {
        String path = "/api/v1/admin/stations/" + id + "/channels/outlet1/current_limit";
        Api.Response read = api.get(path, ADMIN);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("record").get("value").asInt()).isEqualTo(16);

        Api.Response write = api.put(path, ADMIN, "{\"record\":{\"value\":10}}");
        assertThat(write.status()).isEqualTo(200);
        assertThat(standIn.value("outlet1/current_limit")).isEqualTo("10");
        assertThat(api.get(path, ADMIN).json().get("record").get("value").asInt()).isEqualTo(10);
    }

    @Test
    void stationErrorsArePassedOn() {
        Api.Response r = api.get("/api/v1/admin/stations/" + id + "/channels/no/such", ADMIN);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).isEqualTo("no channel no/such");
    }

    @Test
    void accessPasswordIsStoredEncrypted() {
        String stored = jdbc.sql("SELECT access_password_enc FROM stations WHERE id = ?").param(id).query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(STATION_PASSWORD);
        assertThat(api.get("/api/v1/admin/stations/" + id, ADMIN).body()).doesNotContain(STATION_PASSWORD);
    }

    @Test
    void unreachableStationIs502Problem() {
        standIn.close();
        Api.Response r = api.get("/api/v1/admin/stations/" + id + "/channels/outlet1/current_limit", ADMIN);
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void pathTraversalInALabelIsRefused() {
        Api.Response r = api.get("/api/v1/admin/stations/" + id + "/channels/outlet1/%2E%2E/secret", ADMIN);
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void channelAccessIsForOperatorsOnly() {
        String name = unique("ro");
        String password = api.post("/api/v1/admin/users", ADMIN,
                Map.of("name", name, "roles", java.util.List.of("READ_ONLY"))).json().get("password").asString();
        assertThat(api.get("/api/v1/admin/stations/" + id + "/channels/outlet1/current_limit",
                new Api.Credentials(name, password)).status()).isEqualTo(403);
    }
}
