package org.chargeflex.station.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.itest.TestStation.awaitTrue;
import static org.chargeflex.station.itest.TestStation.bearer;
import static org.chargeflex.station.itest.TestStation.json;
import static org.chargeflex.station.itest.TestStation.operator;
import static org.chargeflex.station.itest.TestStation.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The real Felix distribution with the virtual driver, driven over HTTP. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StationFirmwareIT {
    static final String CHANNELS = """
            {"drivers":[{"id":"virtual","devices":[
              {"id":"outlet1","deviceAddress":"outlet1","channels":[
                {"label":"outlet1/meter/power","channelAddress":"ramp","valueType":"DOUBLE","unit":"W",
                 "parameters":{"min":"0","max":"11000","periodMillis":"10000"},"samplingIntervalMillis":200},
                {"label":"outlet1/meter/energy","channelAddress":"constant","valueType":"LONG","unit":"Wh",
                 "parameters":{"value":"1234"},"samplingIntervalMillis":200},
                {"label":"outlet1/current_limit","channelAddress":"register","valueType":"DOUBLE","unit":"A",
                 "parameters":{"name":"limit","initial":"16"},"samplingIntervalMillis":200,"writable":true},
                {"label":"outlet1/can_frame","channelAddress":"register","valueType":"BYTE_ARRAY",
                 "parameters":{"name":"can"},"writable":true},
                {"label":"outlet1/slow","channelAddress":"slow","valueType":"LONG",
                 "parameters":{"name":"slow","delayMillis":"3000"},"writable":true}]},
              {"id":"station","deviceAddress":"station","channels":[
                {"label":"station/enabled","channelAddress":"register","valueType":"BOOLEAN",
                 "parameters":{"name":"enabled","initial":"true"},"samplingIntervalMillis":500,"writable":true}]}
            ]}]}
            """;

    @TempDir
    static Path home;
    static TestStation station;

    @BeforeAll
    static void start() throws Exception {
        station = TestStation.prepare(home);
        Files.writeString(home.resolve("conf/channels.json"), CHANNELS);
        Files.writeString(home.resolve("conf/org.chargeflex.station.datamanager.cfg"), """
                channelsFile=conf/channels.json
                historyDirectory=data/history
                historyMaxRecords=1000
                channelsFilePollMillis=500
                driverTimeoutMillis=1000
                reconnectMinMillis=200
                reconnectMaxMillis=1000
                """);
        station.start();
        awaitTrue("first samples", Duration.ofSeconds(20), () -> "VALID".equals(
                json(station.get("/rest/channels/outlet1/meter/power", operator())).at("/record/flag").asText()));
    }

    @AfterAll
    static void stop() {
        if (station != null) {
            station.close();
        }
    }

    @Test
    @Order(1)
    void listsAllChannelsSortedWithTheirRecords() {
        HttpResponse<String> r = station.get("/rest/channels", operator());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        json(r).get("channels").forEach(c -> labels.add(c.get("label").asText()));
        assertThat(labels).containsExactly("outlet1/can_frame", "outlet1/current_limit", "outlet1/meter/energy",
                "outlet1/meter/power", "outlet1/slow", "station/enabled");
    }

    @Test
    @Order(2)
    void readsOneChannelAndADirectory() {
        JsonNode energy = json(station.get("/rest/channels/outlet1/meter/energy", viewer()));
        assertThat(energy.at("/record/flag").asText()).isEqualTo("VALID");
        assertThat(energy.at("/record/value").asLong()).isEqualTo(1234);
        assertThat(energy.get("unit").asText()).isEqualTo("Wh");

        List<String> labels = new ArrayList<>();
        json(station.get("/rest/channels/outlet1/meter", viewer())).get("channels")
                .forEach(c -> labels.add(c.get("label").asText()));
        assertThat(labels).containsExactly("outlet1/meter/energy", "outlet1/meter/power");
    }

    @Test
    @Order(3)
    void thePapersChannelFormAnswersAnArrayOfOneRecord() {
        HttpResponse<String> r = station.get("/rest/channel/outlet1/meter/energy", bearer());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode arr = json(r);
        assertThat(arr.isArray()).isTrue();
        assertThat(arr.get(0).get("label").asText()).isEqualTo("outlet1/meter/energy");
        assertThat(arr.get(0).get("flag").asText()).isEqualTo("VALID");
        assertThat(arr.get(0).get("value").asLong()).isEqualTo(1234);
        assertThat(arr.get(0).get("timestamp").asLong()).isPositive();
    }

    @Test
    @Order(4)
    void writesGoThroughTheDriverAndAreReadBack() throws Exception {
        HttpResponse<String> w = station.put("/rest/channels/outlet1/current_limit", operator(),
                "{\"record\":{\"value\":10.5}}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
        assertThat(json(w).get("flag").asText()).isEqualTo("VALID");
        assertThat(json(w).get("accepted").asBoolean()).isTrue();
        JsonNode fresh = json(station.get("/rest/channels/outlet1/current_limit?fresh=true", operator()));
        assertThat(fresh.at("/record/value").asDouble()).isEqualTo(10.5);

        HttpResponse<String> bytes = station.put("/rest/channels/outlet1/can_frame", operator(),
                "{\"record\":{\"value\":\"AQID\"}}");
        assertThat(bytes.statusCode()).as(bytes.body()).isEqualTo(200);
        assertThat(json(station.get("/rest/channels/outlet1/can_frame?fresh=true", operator()))
                .at("/record/value").asText()).isEqualTo("AQID");
    }

    @Test
    @Order(5)
    void historyKeepsSamplesAndHonoursTheTimeWindow() throws Exception {
        long t0 = System.currentTimeMillis();
        awaitTrue("some history", Duration.ofSeconds(10), () -> json(station.get(
                "/rest/channels/outlet1/meter/power/history?from=" + t0, operator())).get("records").size() >= 3);
        JsonNode records = json(station.get("/rest/channels/outlet1/meter/power/history?from=" + t0 + "&until="
                + System.currentTimeMillis(), operator())).get("records");
        long previous = 0;
        for (JsonNode r : records) {
            assertThat(r.get("timestamp").asLong()).isGreaterThanOrEqualTo(Math.max(previous, t0));
            previous = r.get("timestamp").asLong();
        }
        HttpResponse<String> empty = station.get("/rest/channels/outlet1/meter/power/history?from=0&until=1",
                operator());
        assertThat(json(empty).get("records").size()).isZero();
        HttpResponse<String> bad = station.get("/rest/channels/outlet1/meter/power/history?from=later", operator());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    @Order(6)
    void unauthenticatedAndWrongCredentialsAre401AndMissingRoleIs403() {
        HttpResponse<String> none = station.get("/rest/channels", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(station.get("/rest/channels", TestStation.basic("operator", "wrong-password-xx")).statusCode())
                .isEqualTo(401);
        assertThat(station.get("/rest/channels", "Bearer not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> viewerWrite = station.put("/rest/channels/outlet1/current_limit", viewer(),
                "{\"record\":{\"value\":8}}");
        assertThat(viewerWrite.statusCode()).isEqualTo(403);
        assertThat(viewerWrite.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(station.put("/rest/channels/outlet1/current_limit", bearer(), "{\"record\":{\"value\":8}}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void badBodiesAre400ProblemsAndChangeNothing() {
        double before = json(station.get("/rest/channels/outlet1/current_limit?fresh=true", operator()))
                .at("/record/value").asDouble();
        HttpResponse<String> malformed = station.put("/rest/channels/outlet1/current_limit", operator(), "{\"record\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("status").asInt()).isEqualTo(400);
        assertThat(json(malformed).get("title").asText()).isNotBlank();
        HttpResponse<String> wrongType = station.put("/rest/channels/outlet1/current_limit", operator(),
                "{\"record\":{\"value\":\"sixteen\"}}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        HttpResponse<String> noValue = station.put("/rest/channels/outlet1/current_limit", operator(), "{\"record\":{}}");
        assertThat(noValue.statusCode()).isEqualTo(400);
        assertThat(json(station.get("/rest/channels/outlet1/current_limit?fresh=true", operator()))
                .at("/record/value").asDouble()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void unknownChannelIs404AndReadOnlyChannelRefusesWrites() {
        HttpResponse<String> unknown = station.get("/rest/channels/outlet9/nothing", operator());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("status").asInt()).isEqualTo(404);
        HttpResponse<String> readOnly = station.put("/rest/channels/outlet1/meter/power", operator(),
                "{\"record\":{\"value\":1}}");
        assertThat(readOnly.statusCode()).isIn(405, 409);
    }

    @Test
    @Order(9)
    void aDriverThatDoesNotAnswerInTimeIs504WithTheTimeoutFlag() {
        HttpResponse<String> r = station.put("/rest/channels/outlet1/slow", operator(), "{\"record\":{\"value\":1}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(json(r).get("flag").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    @Order(10)
    void aStoppedDriverFlagsItsChannelsAnd502sWritesThenRecovers() throws Exception {
        Bundle driver = bundle("org.chargeflex.station.driver.virtual");
        driver.stop();
        try {
            awaitTrue("channels flagged DRIVER_UNAVAILABLE", Duration.ofSeconds(10), () -> "DRIVER_UNAVAILABLE".equals(
                    json(station.get("/rest/channels/station/enabled", operator())).at("/record/flag").asText()));
            HttpResponse<String> w = station.put("/rest/channels/station/enabled", operator(),
                    "{\"record\":{\"value\":false}}");
            assertThat(w.statusCode()).as(w.body()).isEqualTo(502);
            assertThat(json(w).get("flag").asText()).isEqualTo("DRIVER_UNAVAILABLE");
        } finally {
            driver.start();
        }
        awaitTrue("channels valid again", Duration.ofSeconds(15), () -> "VALID".equals(
                json(station.get("/rest/channels/station/enabled", operator())).at("/record/flag").asText()));
        assertThat(station.put("/rest/channels/station/enabled", operator(), "{\"record\":{\"value\":false}}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void channelFileChangesApplyWithoutRestartingFelix() throws Exception {
        long felixStarted = station.framework().framework().getLastModified();
        String changed = CHANNELS.replace("{\"label\":\"station/enabled\"",
                "{\"label\":\"station/temperature\",\"channelAddress\":\"constant\",\"valueType\":\"DOUBLE\","
                        + "\"parameters\":{\"value\":\"41.5\"},\"samplingIntervalMillis\":200},"
                        + "{\"label\":\"station/enabled\"");
        Files.writeString(home.resolve("conf/channels.json"), changed);
        awaitTrue("new channel sampled", Duration.ofSeconds(15), () -> json(station.get(
                "/rest/channels/station/temperature", operator())).at("/record/value").asDouble() == 41.5);

        // a broken file is refused whole: the running configuration stays
        Files.writeString(home.resolve("conf/channels.json"), "{\"drivers\":[{\"id\":\"virtual\",\"devices\":[");
        Thread.sleep(1500);
        assertThat(station.get("/rest/channels/station/temperature", operator()).statusCode()).isEqualTo(200);

        // a ConfigAdmin change through FileInstall: point the data manager at another channel file
        Files.writeString(home.resolve("conf/other-channels.json"), CHANNELS.replace("station/enabled", "station/on"));
        String cfg = Files.readString(home.resolve("conf/org.chargeflex.station.datamanager.cfg"))
                .replace("channelsFile=conf/channels.json", "channelsFile=conf/other-channels.json");
        Files.writeString(home.resolve("conf/org.chargeflex.station.datamanager.cfg"), cfg);
        awaitTrue("configuration switched", Duration.ofSeconds(15),
                () -> station.get("/rest/channels/station/on", operator()).statusCode() == 200
                        && station.get("/rest/channels/station/temperature", operator()).statusCode() == 404);
        assertThat(station.framework().framework().getLastModified()).isEqualTo(felixStarted);
        assertThat(station.framework().framework().getState()).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    @Order(12)
    void usersFileChangesApplyAtRunTime() throws Exception {
        String users = Files.readString(home.resolve("conf/users.json"));
        Files.writeString(home.resolve("conf/users.json"), users.replace("\"name\":\"viewer\"", "\"name\":\"guest\""));
        awaitTrue("viewer removed", Duration.ofSeconds(10),
                () -> station.get("/rest/channels", viewer()).statusCode() == 401);
        Files.writeString(home.resolve("conf/users.json"), users);
        awaitTrue("viewer back", Duration.ofSeconds(10),
                () -> station.get("/rest/channels", viewer()).statusCode() == 200);
    }

    @Test
    @Order(13)
    void historySurvivesARestart() throws Exception {
        long now = System.currentTimeMillis();
        int before = json(station.get("/rest/channels/outlet1/meter/energy/history?from=0&until=" + now, operator()))
                .get("records").size();
        assertThat(before).isPositive();
        station.stop();
        station.start();
        JsonNode after = json(station.get("/rest/channels/outlet1/meter/energy/history?from=0&until=" + now,
                operator())).get("records");
        assertThat(after.size()).isGreaterThanOrEqualTo(before);
    }

    private static Bundle bundle(String symbolicName) {
        for (Bundle b : station.framework().bundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
