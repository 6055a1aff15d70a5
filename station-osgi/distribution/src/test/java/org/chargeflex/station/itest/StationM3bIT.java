package org.chargeflex.station.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.itest.TestStation.awaitTrue;
import static org.chargeflex.station.itest.TestStation.json;
import static org.chargeflex.station.itest.TestStation.operator;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.chargeflex.m3b.protocol.PwmDuty;
import org.chargeflex.m3b.simulator.EvSpec;
import org.chargeflex.m3b.simulator.M3bSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The real Felix distribution with the M3B driver bundle, connected to the simulated board over TCP (and, where socat
 * is installed, to a second simulated board on a pseudo-terminal through jSerialComm), driven over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StationM3bIT {
    private static final String OUTLET_CHANNELS = """
            {"label":"outlet1/cp_state","channelAddress":"cp_state","valueType":"STRING",
             "parameters":{"outlet":"1"},"listening":true,"samplingIntervalMillis":500},
            {"label":"outlet1/current_limit","channelAddress":"current_limit","valueType":"DOUBLE","unit":"A",
             "parameters":{"outlet":"1"},"listening":true,"writable":true},
            {"label":"outlet1/contactor","channelAddress":"contactor","valueType":"BOOLEAN",
             "parameters":{"outlet":"1"},"listening":true,"writable":true},
            {"label":"outlet1/current_l1","channelAddress":"current_l1","valueType":"DOUBLE","unit":"A",
             "parameters":{"outlet":"1"},"listening":true},
            {"label":"outlet1/energy","channelAddress":"energy","valueType":"LONG","unit":"Wh",
             "parameters":{"outlet":"1"},"listening":true,"samplingIntervalMillis":500}""";

    @TempDir
    static Path home;
    static M3bSimulator sim;
    static M3bSimulator serialSim;
    static TestStation station;

    @BeforeAll
    static void start() throws Exception {
        sim = M3bSimulator.builder().outlets(1).timeScale(60).tickMillis(20).build().startTcp(0);
        String devices = device("board1", "tcp://127.0.0.1:" + sim.tcpPort(), "", OUTLET_CHANNELS);
        if (M3bSimulator.ptySupported()) {
            serialSim = M3bSimulator.builder().outlets(1).build();
            Path pty = serialSim.startPty(home.resolve("ttyM3B"));
            devices += ",\n" + device("board2", pty.toString(), ",\"baudRate\":\"115200\",\"parity\":\"none\"",
                    """
                    {"label":"board2/cp_state","channelAddress":"cp_state","valueType":"STRING",
                     "parameters":{"outlet":"1"},"samplingIntervalMillis":300}""");
        }
        station = TestStation.prepare(home);
        Files.writeString(home.resolve("conf/channels.json"),
                "{\"drivers\":[{\"id\":\"m3b\",\"devices\":[\n" + devices + "\n]}]}");
        Files.writeString(home.resolve("conf/org.chargeflex.station.datamanager.cfg"), """
                channelsFile=conf/channels.json
                historyDirectory=data/history
                historyMaxRecords=1000
                channelsFilePollMillis=500
                driverTimeoutMillis=3000
                reconnectMinMillis=200
                reconnectMaxMillis=1000
                """);
        station.start();
        awaitTrue("cp_state read from the simulated board", Duration.ofSeconds(20),
                () -> "VALID".equals(json(station.get("/rest/channels/outlet1/cp_state", operator()))
                        .at("/record/flag").asText()));
    }

    private static String device(String id, String address, String moreSettings, String channels) {
        return "{\"id\":\"" + id + "\",\"deviceAddress\":\"" + address + "\",\"settings\":{\"maxCurrent\":\"32\","
                + "\"meterIntervalMillis\":\"200\",\"heartbeatIntervalMillis\":\"500\"" + moreSettings + "},"
                + "\"channels\":[" + channels + "]}";
    }

    @AfterAll
    static void stop() {
        if (station != null) {
            station.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (serialSim != null) {
            serialSim.close();
        }
    }

    private static JsonNode fresh(String label) {
        HttpResponse<String> r = station.get("/rest/channels/" + label + "?fresh=true", operator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("record");
    }

    private static void awaitCp(String state) throws InterruptedException {
        awaitTrue("CP state " + state, Duration.ofSeconds(15),
                () -> state.equals(fresh("outlet1/cp_state").get("value").asText()));
    }

    @Test
    @Order(1)
    void theM3bBundlesRunInFelix() {
        for (String bsn : new String[] {"org.chargeflex.station.driver.m3b", "org.chargeflex.m3b.protocol",
                "com.fazecast.jSerialComm"}) {
            Bundle b = Arrays.stream(station.framework().bundleContext().getBundles())
                    .filter(x -> bsn.equals(x.getSymbolicName())).findFirst()
                    .orElseThrow(() -> new AssertionError("bundle " + bsn + " is not installed"));
            assertThat(b.getState()).as(bsn).isEqualTo(Bundle.ACTIVE);
        }
    }

    @Test
    @Order(2)
    void readsTheCpStateOfThePluggedInEv() throws Exception {
        assertThat(fresh("outlet1/cp_state").get("value").asText()).isEqualTo("A");
        sim.plugIn(1, EvSpec.builder().soc(0.3).maxCurrent(32).reactionDelayMillis(100).build());
        awaitCp("B");
    }

    @Test
    @Order(3)
    void aWrittenLimitReachesTheBoardsPwmAndTheEvChargesBelowIt() throws Exception {
        HttpResponse<String> w = station.put("/rest/channels/outlet1/current_limit", operator(),
                "{\"record\":{\"value\":16}}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
        assertThat(json(w).get("accepted").asBoolean()).isTrue();
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(PwmDuty.forCurrentLimit(16));
        assertThat(sim.outlet(1).status().pwm().currentLimit()).isEqualTo(15.96);
        assertThat(fresh("outlet1/current_limit").get("value").asDouble()).isEqualTo(15.96);

        awaitCp("C");
        HttpResponse<String> close = station.put("/rest/channels/outlet1/contactor", operator(),
                "{\"record\":{\"value\":true}}");
        assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
        assertThat(sim.outlet(1).status().contactorClosed()).isTrue();
        awaitTrue("EV draws current", Duration.ofSeconds(10),
                () -> json(station.get("/rest/channels/outlet1/current_l1", operator())).at("/record/value")
                        .asDouble() > 0);
        assertThat(fresh("outlet1/current_l1").get("value").asDouble()).isBetween(6.0, 15.96);

        long energy = fresh("outlet1/energy").get("value").asLong();
        awaitTrue("energy grows", Duration.ofSeconds(15), () -> json(station.get("/rest/channels/outlet1/energy",
                operator())).at("/record/value").asLong() > energy);
    }

    @Test
    @Order(4)
    void aLimitAboveTheHardwareMaximumIsRefusedAndTheBoardKeepsItsPwm() {
        PwmDuty before = sim.outlet(1).status().pwm();
        HttpResponse<String> w = station.put("/rest/channels/outlet1/current_limit", operator(),
                "{\"record\":{\"value\":40}}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(400);
        assertThat(w.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json(w).get("flag").asText()).isEqualTo("INVALID_VALUE");
        assertThat(json(w).get("accepted").asBoolean()).isFalse();
        assertThat(sim.outlet(1).status().pwm()).isEqualTo(before);
        assertThat(fresh("outlet1/current_limit").get("value").asDouble()).isEqualTo(15.96);
    }

    @Test
    @Order(5)
    void aSerialPortWorksInFelixThroughJSerialCommsNativeLibrary() throws Exception {
        assumeTrue(serialSim != null, "socat is not installed: skipping the serial (pty) part (apt-get install socat)");
        awaitTrue("board2 answers over the serial port", Duration.ofSeconds(20), () -> {
            JsonNode r = json(station.get("/rest/channels/board2/cp_state", operator())).get("record");
            return "VALID".equals(r.get("flag").asText()) && "A".equals(r.get("value").asText());
        });
    }
}
