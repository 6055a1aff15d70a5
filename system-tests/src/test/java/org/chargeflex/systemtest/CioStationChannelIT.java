package org.chargeflex.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.chargeflex.systemtest.harness.Await;
import org.chargeflex.systemtest.harness.CioAdmin;
import org.chargeflex.systemtest.harness.CioBackend;
import org.chargeflex.systemtest.harness.Http;
import org.chargeflex.systemtest.harness.StationInstance;
import org.chargeflex.systemtest.harness.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5, operator channel access: the real CIO backend (child process, embedded PostgreSQL) reads and writes the
 * channels of a real station firmware (Felix, virtual driver, REST server) over HTTP with the credential it stores.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CioStationChannelIT {
    static final String STATION_ID = "ST-CHANNELS-1";
    static final String CHANNELS = """
            {"drivers":[{"id":"virtual","devices":[
              {"id":"outlet1","deviceAddress":"outlet1","channels":[
                {"label":"outlet1/current_limit","channelAddress":"register","valueType":"DOUBLE","unit":"A",
                 "parameters":{"name":"current_limit","initial":"16"},"samplingIntervalMillis":200,"writable":true},
                {"label":"outlet1/enabled","channelAddress":"register","valueType":"BOOLEAN",
                 "parameters":{"name":"enabled","initial":"true"},"samplingIntervalMillis":200,"writable":true},
                {"label":"outlet1/max_current","channelAddress":"constant","valueType":"LONG","unit":"A",
                 "parameters":{"value":"32"},"samplingIntervalMillis":200}]}]}]}
            """;

    static CioBackend cio;
    static CioAdmin admin;
    static StationInstance station;

    @BeforeAll
    static void startCioAndStation() throws Exception {
        Path work = Workspace.fresh("CioStationChannelIT");
        cio = CioBackend.prepare(work.resolve("cio"));
        CompletableFuture<CioBackend> cioUp = CompletableFuture.supplyAsync(cio::start); // meanwhile: the station
        station = StationInstance.prepare(work.resolve("station"))
                .writeConf("conf/channels.json", CHANNELS)
                .start();
        cioUp.join();
        admin = new CioAdmin(cio);
        admin.registerStation(STATION_ID, station.restBaseUrl(), 22_000, List.of("1"));
        admin.setAccessCredential(STATION_ID, StationInstance.CIO_USER, station.cioPassword());
    }

    @AfterAll
    static void stopAll() {
        if (station != null) {
            station.close();
        }
        if (cio != null) {
            cio.close();
        }
    }

    @Test
    @Order(1)
    void operatorReadsAStationChannelThroughTheCio() {
        Http.Response viaCio = admin.readChannel(STATION_ID, "outlet1/max_current");

        assertThat(viaCio.status()).as(viaCio.toString()).isEqualTo(200);
        assertThat(viaCio.json().get("label").asText()).isEqualTo("outlet1/max_current");
        assertThat(viaCio.json().at("/record/value").asLong()).isEqualTo(32);
        assertThat(viaCio.json().at("/record/flag").asText()).isEqualTo("VALID");
    }

    @Test
    @Order(2)
    void operatorWritesAWritableChannelAndTheValueReachesTheStation() {
        assertThat(station.freshValue("outlet1/current_limit")).isEqualTo("16.0");

        Http.Response write = admin.writeChannel(STATION_ID, "outlet1/current_limit", "10.5");

        assertThat(write.status()).as(write.toString()).isEqualTo(200);
        assertThat(write.json().get("accepted").asBoolean()).isTrue();
        assertThat(station.freshValue("outlet1/current_limit")).isEqualTo("10.5");
        Await.until("the CIO reads the written value back from the station", Duration.ofSeconds(10),
                () -> admin.readChannel(STATION_ID, "outlet1/current_limit").json().at("/record/value").asDouble() == 10.5);

        assertThat(admin.writeChannel(STATION_ID, "outlet1/enabled", "false").status()).isEqualTo(200);
        assertThat(station.freshValue("outlet1/enabled")).isEqualTo("false");
    }

    @Test
    @Order(3)
    void theStationsRefusalsArePassedOnAndChangeNothing() {
        Http.Response readOnly = admin.writeChannel(STATION_ID, "outlet1/max_current", "40");
        assertThat(readOnly.status()).isEqualTo(405);
        assertThat(readOnly.contentType()).startsWith("application/problem+json");
        assertThat(station.freshValue("outlet1/max_current")).isEqualTo("32");

        Http.Response wrongType = admin.writeChannel(STATION_ID, "outlet1/current_limit", "\"lots\"");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("type").asText()).endsWith("wrong-value-type");
        assertThat(station.freshValue("outlet1/current_limit")).isEqualTo("10.5");

        assertThat(admin.readChannel(STATION_ID, "outlet9/nothing").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void theStationEnforcesTheRolesOfTheCredentialTheCioUses() {
        admin.setAccessCredential(STATION_ID, StationInstance.READER, station.readerPassword());
        try {
            assertThat(admin.readChannel(STATION_ID, "outlet1/current_limit").status()).isEqualTo(200);
            Http.Response write = admin.writeChannel(STATION_ID, "outlet1/current_limit", "6");
            assertThat(write.status()).isEqualTo(403);
            assertThat(station.freshValue("outlet1/current_limit")).isEqualTo("10.5");

            admin.setAccessCredential(STATION_ID, StationInstance.CIO_USER, "not-the-password");
            assertThat(admin.readChannel(STATION_ID, "outlet1/current_limit").status()).isEqualTo(401);
        } finally {
            admin.setAccessCredential(STATION_ID, StationInstance.CIO_USER, station.cioPassword());
        }
    }

    @Test
    @Order(5)
    void aStationThatIsDownIsAnsweredWithAProblemBody() {
        station.stop(); // the last test: the station stays down

        Http.Response down = admin.readChannel(STATION_ID, "outlet1/current_limit");
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.json().get("type").asText()).isEqualTo("urn:chargeflex:problem:station-unreachable");
        assertThat(down.json().get("status").asInt()).isEqualTo(502);
        assertThat(down.json().get("detail").asText()).contains("cannot be reached");

        Http.Response writeDown = admin.writeChannel(STATION_ID, "outlet1/current_limit", "8");
        assertThat(writeDown.status()).isEqualTo(502);
        assertThat(writeDown.contentType()).startsWith("application/problem+json");
    }
}
