package org.chargeflex.station.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.itest.TestStation.awaitTrue;
import static org.chargeflex.station.itest.TestStation.json;
import static org.chargeflex.station.itest.TestStation.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The charging application and the CIO client in the real distribution, against a stand-in CIO over HTTP: both
 * bundles resolve and start, the session channels of the 'charging' driver are readable over REST, and a session
 * driven through virtual channels gets a schedule, applies it as a current limit and is reported.
 */
class ChargingAppIT {
    static final String CHANNELS = """
            {"drivers":[
             {"id":"virtual","devices":[{"id":"board","deviceAddress":"board","channels":[
               {"label":"outlet1/cp_state","channelAddress":"register","parameters":{"name":"cp","initial":"A"},
                "valueType":"STRING","listening":true,"writable":true,"samplingIntervalMillis":1000},
               {"label":"outlet1/user_id","channelAddress":"register","parameters":{"name":"uid"},
                "valueType":"STRING","listening":true,"writable":true},
               {"label":"outlet1/current_limit","channelAddress":"register","parameters":{"name":"limit","initial":"0"},
                "valueType":"DOUBLE","unit":"A","listening":true,"writable":true},
               {"label":"outlet1/contactor","channelAddress":"register","parameters":{"name":"contactor","initial":"false"},
                "valueType":"BOOLEAN","listening":true,"writable":true},
               {"label":"outlet1/energy","channelAddress":"constant","parameters":{"value":"1234"},
                "valueType":"DOUBLE","unit":"Wh","samplingIntervalMillis":200},
               {"label":"outlet1/power","channelAddress":"constant","parameters":{"value":"7000"},
                "valueType":"DOUBLE","unit":"W","samplingIntervalMillis":200},
               {"label":"outlet1/voltage_l1","channelAddress":"constant","parameters":{"value":"230"},
                "valueType":"DOUBLE","unit":"V","samplingIntervalMillis":200}]}]},
             {"id":"charging","devices":[
               {"id":"outlet1-session","deviceAddress":"1","channels":[
                 {"label":"outlet1/session/state","channelAddress":"session/state","valueType":"STRING","listening":true},
                 {"label":"outlet1/session/session_id","channelAddress":"session/session_id","valueType":"STRING","listening":true},
                 {"label":"outlet1/session/schedule_id","channelAddress":"session/schedule_id","valueType":"STRING","listening":true},
                 {"label":"outlet1/session/applied_limit_a","channelAddress":"session/applied_limit_a","valueType":"DOUBLE","unit":"A","listening":true},
                 {"label":"outlet1/session/limit_source","channelAddress":"session/limit_source","valueType":"STRING","listening":true},
                 {"label":"outlet1/session/last_transition","channelAddress":"session/last_transition","valueType":"STRING","listening":true}]},
               {"id":"station-outbox","deviceAddress":"station","channels":[
                 {"label":"station/outbox/pending","channelAddress":"outbox/pending","valueType":"LONG","listening":true},
                 {"label":"station/outbox/dropped_samples","channelAddress":"outbox/dropped_samples","valueType":"LONG","listening":true}]}]}
            ]}
            """;
    static final String SECRET = "station-secret-for-the-it";

    @TempDir
    static Path home;
    static TestStation station;
    static HttpServer cio;
    static final List<String> sessionRecords = new CopyOnWriteArrayList<>();
    static final Set<Long> meterSeqs = ConcurrentHashMap.newKeySet();
    static final List<String> badAuth = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cio.createContext("/api/v1/stations/ST-IT/", ChargingAppIT::handle);
        cio.start();
        station = TestStation.prepare(home);
        Files.writeString(home.resolve("conf/channels.json"), CHANNELS);
        Files.writeString(home.resolve("conf/org.chargeflex.station.cioclient.cfg"), """
                baseUrl=http://127.0.0.1:%d
                allowPlainHttp=true
                stationId=ST-IT
                stationSecret=%s
                retryMinMillis=100
                retryMaxMillis=1000
                """.formatted(cio.getAddress().getPort(), SECRET));
        Files.writeString(home.resolve("conf/org.chargeflex.station.charging.outlet-1.cfg"), """
                outletId=1
                cpStateLabel=outlet1/cp_state
                currentLimitLabel=outlet1/current_limit
                contactorLabel=outlet1/contactor
                energyLabel=outlet1/energy
                powerLabel=outlet1/power
                voltageL1Label=outlet1/voltage_l1
                userIdLabel=outlet1/user_id
                maxCurrentA=32
                fallbackCurrentA=6
                maxOfflineSeconds=60
                meterIntervalMillis=500
                tickMillis=100
                """);
        station.start();
    }

    @AfterAll
    static void stop() {
        if (station != null) {
            station.close();
        }
        if (cio != null) {
            cio.stop(0);
        }
    }

    private static void handle(HttpExchange x) throws IOException {
        try (x) {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String expected = "Basic " + Base64.getEncoder().encodeToString(("ST-IT:" + SECRET).getBytes(
                    StandardCharsets.UTF_8));
            if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                badAuth.add(x.getRequestURI().getPath());
                reply(x, 401, null, "{}");
                return;
            }
            String path = x.getRequestURI().getPath();
            if (path.endsWith("/charging-requests")) {
                String sessionId = TestStation.JSON.readTree(body).get("sessionId").asText();
                Instant start = Instant.now().minusSeconds(1);
                reply(x, 200, "\"it-1\"", """
                        {"scheduleId":"it-1","sessionId":"%s","startTime":"%s",
                         "periods":[{"offsetSeconds":0,"maxPowerW":11040}],"validUntil":"%s","pollIntervalSeconds":1}
                        """.formatted(sessionId, start, start.plusSeconds(3600)));
            } else if (path.endsWith("/schedule")) {
                reply(x, 304, "\"it-1\"", null);
            } else if (path.endsWith("/meter-values")) {
                TestStation.JSON.readTree(body).get("items").forEach(i -> meterSeqs.add(i.get("sequenceNumber").asLong()));
                reply(x, 200, null, "{}");
            } else if (path.endsWith("/session-records")) {
                JsonNode r = TestStation.JSON.readTree(body);
                sessionRecords.add(r.get("kind").asText() + ":" + r.get("sequenceNumber").asLong());
                reply(x, 201, null, "{}");
            } else {
                reply(x, 404, null, "{}");
            }
        }
    }

    private static void reply(HttpExchange x, int status, String etag, String body) throws IOException {
        if (etag != null) {
            x.getResponseHeaders().add("ETag", etag);
        }
        byte[] out = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = x.getResponseBody()) {
                os.write(out);
            }
        }
    }

    static String text(String label) {
        return json(station.get("/rest/channels/" + label, operator())).at("/record/value").asText();
    }

    static void write(String label, String jsonValue) {
        assertThat(station.put("/rest/channels/" + label, operator(), "{\"record\":{\"value\":" + jsonValue + "}}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void bothBundlesAreActiveAndTheSessionChannelsAreReadable() throws Exception {
        for (String bsn : List.of("org.chargeflex.station.cioclient", "org.chargeflex.station.charging",
                "org.chargeflex.cio.contract")) {
            assertThat(bundleState(bsn)).as(bsn).isEqualTo(Bundle.ACTIVE);
        }
        awaitTrue("session state published", Duration.ofSeconds(20), () -> "IDLE".equals(
                text("outlet1/session/state")));
        assertThat(json(station.get("/rest/channels/station/outbox/dropped_samples", operator()))
                .at("/record/value").asLong()).isZero();
    }

    @Test
    void aSessionGetsItsScheduleAppliedAndIsReportedToTheCio() throws Exception {
        awaitTrue("idle", Duration.ofSeconds(20), () -> "IDLE".equals(text("outlet1/session/state")));
        write("outlet1/cp_state", "\"B\"");
        awaitTrue("EV connected", Duration.ofSeconds(10), () -> "EV_CONNECTED".equals(text("outlet1/session/state")));
        write("outlet1/user_id", "\"04A1B2C3\"");
        awaitTrue("limit applied", Duration.ofSeconds(15), () -> "16.0".equals(text("outlet1/current_limit")));
        assertThat(text("outlet1/session/schedule_id")).isEqualTo("it-1");
        assertThat(text("outlet1/session/limit_source")).isEqualTo("SCHEDULE");
        write("outlet1/cp_state", "\"C\"");
        awaitTrue("charging", Duration.ofSeconds(10), () -> "CHARGING".equals(text("outlet1/session/state")));
        awaitTrue("contactor closed", Duration.ofSeconds(10), () -> "true".equals(text("outlet1/contactor")));
        write("outlet1/cp_state", "\"A\"");
        awaitTrue("session reported", Duration.ofSeconds(15), () -> sessionRecords.size() == 2
                && Set.of("IDLE", "SESSION_REPORTED").contains(text("outlet1/session/state")));
        assertThat(sessionRecords.get(0)).startsWith("START:");
        assertThat(sessionRecords.get(1)).startsWith("STOP:");
        awaitTrue("limit back to 0", Duration.ofSeconds(10), () -> "0.0".equals(text("outlet1/current_limit")));
        awaitTrue("outbox drained", Duration.ofSeconds(15), () -> json(station.get(
                "/rest/channels/station/outbox/pending", operator())).at("/record/value").asLong() == 0);
        List<Long> all = new ArrayList<>(meterSeqs);
        sessionRecords.forEach(r -> all.add(Long.parseLong(r.substring(r.indexOf(':') + 1))));
        assertThat(all).doesNotHaveDuplicates();
        assertThat(meterSeqs).hasSizeGreaterThanOrEqualTo(2);
        assertThat(badAuth).isEmpty();
    }

    private static int bundleState(String symbolicName) {
        for (Bundle b : station.framework().bundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b.getState();
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
