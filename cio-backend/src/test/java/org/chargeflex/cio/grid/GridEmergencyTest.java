package org.chargeflex.cio.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.StandInStation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Emergency curtailments reach the stations' {@code station/grid_limit_w} channel over their REST API (a real local
 * HTTP server standing in for the station), and a station that does not answer does not fail the command.
 */
class GridEmergencyTest extends IntegrationTest {
    private static final String USER = "cio";
    private static final String PASSWORD = "station-rest-password";
    private static final String CHANNEL = "station/grid_limit_w";
    private StandInStation standIn;
    /** Accepts TCP connections (into its backlog) but never answers. */
    private ServerSocket silent;
    private Credentials dno;

    @BeforeEach
    void setUp() throws IOException {
        standIn = new StandInStation(USER, PASSWORD);
        standIn.set(CHANNEL, "-1");
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        dno = GridCurtailmentTest.account(api, "DNO");
    }

    @AfterEach
    void tearDown() throws IOException {
        standIn.close();
        silent.close();
    }

    private String stationAt(String baseUrl, String gcp) {
        String id = unique("ST");
        registerStation(api, id, 22_000, gcp, baseUrl);
        assertThat(api.put("/api/v1/admin/stations/" + id + "/access-credential", ADMIN,
                Map.of("username", USER, "password", PASSWORD)).status()).isEqualTo(204);
        return id;
    }

    private List<JsonNode> commands(String target) {
        List<JsonNode> mine = new ArrayList<>();
        api.get("/api/v1/admin/grid/commands?limit=1000", dno).json().forEach(c -> {
            if (c.get("target").asString().equals(target)) {
                mine.add(c);
            }
        });
        return mine;
    }

    @Test
    void anEmergencyLimitIsWrittenToTheStationAndLiftingWritesMinusOne() {
        String id = stationAt(standIn.baseUrl(), null);

        Api.Response r = api.put(GridCurtailmentTest.BASE + "/stations/" + id, dno,
                GridCurtailmentTest.curtailment(7_000, true, "iec61850 ChaPwrLim"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("emergency").asBoolean()).isTrue();
        assertThat(r.json().get("emergencyDelivered").asBoolean()).isTrue();
        assertThat(standIn.value(CHANNEL)).isEqualTo("7000");
        assertThat(api.get(GridCurtailmentTest.BASE, dno).json()).anySatisfy(c -> {
            assertThat(c.get("target").asString()).isEqualTo(id);
            assertThat(c.get("emergencyDelivered").asBoolean()).isTrue();
        });

        assertThat(api.delete(GridCurtailmentTest.BASE + "/stations/" + id, dno).status()).isEqualTo(204);

        assertThat(standIn.value(CHANNEL)).isEqualTo("-1");
        assertThat(commands(id)).extracting(c -> c.get("emergencyDelivered").asBoolean()).containsExactly(true, true);
    }

    @Test
    void aNonEmergencyCurtailmentReplacingAnEmergencyOneLiftsTheStationsLimit() {
        String id = stationAt(standIn.baseUrl(), null);
        api.put(GridCurtailmentTest.BASE + "/stations/" + id, dno, GridCurtailmentTest.curtailment(7_000, true, "a"));
        assertThat(standIn.value(CHANNEL)).isEqualTo("7000");

        Api.Response r = api.put(GridCurtailmentTest.BASE + "/stations/" + id, dno,
                GridCurtailmentTest.curtailment(9_000, false, "b"));

        assertThat(r.json().get("emergencyDelivered").asBoolean()).isTrue(); // the lift reached the station
        assertThat(standIn.value(CHANNEL)).isEqualTo("-1");
    }

    @Test
    void aStationThatDoesNotAnswerGivesEmergencyDeliveredFalseAndTheCurtailmentStillHolds() {
        String id = stationAt("http://127.0.0.1:" + silent.getLocalPort(), null);

        Api.Response r = api.put(GridCurtailmentTest.BASE + "/stations/" + id, dno,
                GridCurtailmentTest.curtailment(4_000, true, "iec104 C_SE_NC_1"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("emergencyDelivered").asBoolean()).isFalse();
        assertThat(r.json().get("limitW").asDouble()).isEqualTo(4_000);
        assertThat(api.get(GridCurtailmentTest.BASE, dno).json()).anySatisfy(c -> {
            assertThat(c.get("target").asString()).isEqualTo(id);
            assertThat(c.get("emergencyDelivered").asBoolean()).isFalse();
        });
        assertThat(commands(id)).singleElement().satisfies(c -> {
            assertThat(c.get("outcome").asString()).isEqualTo("APPLIED");
            assertThat(c.get("emergencyDelivered").asBoolean()).isFalse();
        });
        assertThat(jdbc.sql("SELECT detail FROM grid_emergency_writes WHERE station_id = ?").param(id)
                .query(String.class).single()).contains("within 2000 ms");
    }

    @Test
    void aGridConnectionPointEmergencyGivesEachStationAShareAndReportsTheStationThatFailed() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        String answering = stationAt(standIn.baseUrl(), gcp);
        String dead = stationAt("http://127.0.0.1:" + silent.getLocalPort(), gcp);
        String unreachable = unique("ST");
        registerStation(api, unreachable, 22_000, gcp, null); // no REST base URL at all

        Api.Response r = api.put(GridCurtailmentTest.BASE + "/grid-connection-points/" + gcp, dno,
                GridCurtailmentTest.curtailment(9_000, true, "iec61850 GCP"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("emergencyDelivered").asBoolean()).isFalse();
        assertThat(standIn.value(CHANNEL)).isEqualTo("3000"); // no sessions: 9 kW shared evenly by three stations
        Map<String, Boolean> delivered = new java.util.HashMap<>();
        jdbc.sql("SELECT station_id, delivered FROM grid_emergency_writes WHERE station_id IN (?, ?, ?)")
                .params(answering, dead, unreachable)
                .query(rs -> {
                    delivered.put(rs.getString(1), rs.getBoolean(2));
                });
        assertThat(delivered).containsExactlyInAnyOrderEntriesOf(Map.of(answering, true, dead, false, unreachable, false));
    }
}
