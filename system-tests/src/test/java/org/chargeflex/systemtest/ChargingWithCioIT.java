package org.chargeflex.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.chargeflex.systemtest.harness.Await;
import org.chargeflex.systemtest.harness.ChargingRig;
import org.chargeflex.systemtest.harness.CioAdmin;
import org.chargeflex.systemtest.harness.CioBackend;
import org.chargeflex.systemtest.harness.CioDatabase;
import org.chargeflex.systemtest.harness.FleetStandIn;
import org.chargeflex.systemtest.harness.Http;
import org.chargeflex.systemtest.harness.Schedules.Step;
import org.chargeflex.systemtest.harness.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 4 on the real components: the CIO backend (child process, HTTPS with a self-signed certificate the station
 * trusts, embedded PostgreSQL), the station firmware (Felix, M3B driver, charging application, CIO client) and the
 * simulated M3B board with an EV. Schedules with steps come from a fleet management service the CIO forwards to
 * (a stand-in; the CIO validates its answers and stores them as the session's schedule versions).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChargingWithCioIT {
    static final String STATION_ID = "ST-CHARGE-1";
    static final double FALLBACK_A = 6;
    static final long MAX_OFFLINE_S = 5;
    static final Duration STEP = Duration.ofSeconds(20);

    static CioBackend cio;
    static CioAdmin admin;
    static CioDatabase db;
    static FleetStandIn fleet;
    static ChargingRig rig;
    static String stationSecret;

    @BeforeAll
    static void startEverything() throws Exception {
        Path work = Workspace.fresh("ChargingWithCioIT");
        cio = CioBackend.prepare(work.resolve("cio")).withTls();
        CompletableFuture<CioBackend> cioUp = CompletableFuture.supplyAsync(cio::start); // meanwhile: the station
        fleet = new FleetStandIn();
        rig = ChargingRig.start(work.resolve("station"), FALLBACK_A, MAX_OFFLINE_S);
        cioUp.join();
        admin = new CioAdmin(cio);
        db = new CioDatabase(cio);
        admin.registerStation(STATION_ID, null, 22_000, List.of("1"));
        stationSecret = admin.issueStationCredential(STATION_ID);
        admin.registerFleetService(fleet.url(), ChargingRig.RFID);
        rig.connectCio(cio.baseUrl(), STATION_ID, stationSecret, cio.tls());
        Await.until("the outlet is idle", STEP, () -> "IDLE".equals(rig.channel("outlet1/session/state").asText()));
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable c : new AutoCloseable[] {rig, fleet, cio}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterEach
    void everyTestEndsWithTheCioUpAndTheOutletFree() {
        if (!cio.running()) {
            cio.start();
        }
        if (!rig.station.running()) {
            rig.station.restart();
        }
        if (rig.sim.outlet(1).evSoc() >= 0) {
            rig.unplugAndAwaitReport();
        }
    }

    @Test
    @Order(1)
    void aFullSessionFollowsAScheduleThatChangesTheCurrentInStepsAndIsReported() {
        fleet.answerSteps(List.of(new Step(0, 16), new Step(6, 10), new Step(12, 8)), 600, 3);
        int from = rig.sampleCount();
        double energyBefore = rig.sim.outlet(1).energyWh();

        rig.plugIn();
        rig.awaitLimit("first period", 16, STEP);
        Await.until("the EV charges (contactor closed, current flowing)", STEP,
                () -> rig.sim.outlet(1).status().contactorClosed() && rig.sim.outlet(1).meter().current(1) > 1);
        rig.awaitLimit("second period", 10, STEP);
        rig.awaitLimit("third period", 8, STEP);
        String sessionId = rig.channel("outlet1/session/session_id").asText();
        rig.unplugAndAwaitReport();

        assertThat(rig.levelsSince(from)).as("PWM limits at the board, in order").containsExactly(0L, 16L, 10L, 8L, 0L);
        assertThat(rig.sim.outlet(1).energyWh()).isGreaterThan(energyBefore);

        JsonNode details = admin.session(STATION_ID, sessionId);
        assertThat(details.at("/session/state").asText()).isEqualTo("FINISHED");
        assertThat(details.at("/session/user/token").asText()).isEqualTo(ChargingRig.RFID);
        assertThat(details.at("/session/stopEnergyWh").asDouble())
                .isGreaterThan(details.at("/session/startEnergyWh").asDouble());
        assertThat(details.get("schedules")).isNotEmpty();
        assertThat(details.get("schedules").get(0).get("origin").asText()).isEqualTo("FORWARDED");
        List<JsonNode> values = sessionMeterValues(sessionId);
        assertThat(values).as("meter values of the session at the CIO").hasSizeGreaterThan(5);
        assertThat(values.get(values.size() - 1).get("energyWh").asDouble())
                .isGreaterThan(values.get(0).get("energyWh").asDouble());
        assertEverySequenceNumberArrivedOnce();
    }

    @Test
    @Order(2)
    void aScheduleUpdateMidSessionReachesTheBoard() {
        fleet.answerSteps(List.of(new Step(0, 16)), 600, 3);
        rig.plugIn();
        rig.awaitLimit("first schedule", 16, STEP);
        String firstScheduleId = rig.channel("outlet1/session/schedule_id").asText();
        int from = rig.sampleCount();

        // the fleet service changes its plan; a re-plan of the same session (the station's own request again) makes
        // the CIO store a new schedule version, which the station must pick up by polling
        fleet.answerSteps(List.of(new Step(0, 8)), 600, 3);
        JsonNode stationRequest = fleet.requests().get(fleet.requests().size() - 1).get("request");
        Http.Response replan = cio.as(STATION_ID, stationSecret)
                .post("/api/v1/stations/" + STATION_ID + "/charging-requests", stationRequest.toString());
        assertThat(replan.status()).as(replan.toString()).isEqualTo(200);
        String newScheduleId = replan.json().get("scheduleId").asText();
        assertThat(newScheduleId).isNotEqualTo(firstScheduleId);

        rig.awaitLimit("updated schedule", 8, STEP);
        Await.until("the station reports the new schedule id", STEP,
                () -> newScheduleId.equals(rig.channel("outlet1/session/schedule_id").asText()));
        assertThat(rig.levelsSince(from)).containsExactly(16L, 8L);
    }

    @Test
    @Order(3)
    void whileTheCioIsKilledTheLastLimitHoldsThenTheFallbackAndAllMeterValuesArriveAfterwards() {
        fleet.answerSteps(List.of(new Step(0, 10)), 600, 3);
        rig.plugIn();
        rig.awaitLimit("schedule", 10, STEP);
        Instant killed = Instant.now();
        int from = rig.sampleCount();

        cio.kill();
        rig.awaitLimit("fallback after the offline allowance", FALLBACK_A, STEP);
        Await.until("meter values pile up in the outbox", STEP,
                () -> rig.channel("station/outbox/pending").asLong() >= 10);
        Await.until("the station reports the fallback as the limit's source", STEP,
                () -> "FALLBACK".equals(rig.channel("outlet1/session/limit_source").asText()));
        // the session that lived through the outage (a plug-in may first open a short-lived session)
        String sessionId = rig.channel("outlet1/session/session_id").asText();
        assertThat(rig.pwm.maxSince(killed)).as("never above the last limit while the CIO is down")
                .isLessThanOrEqualTo(10 + ChargingRig.TOLERANCE_A);
        assertThat(rig.levelsSince(from)).containsExactly(10L, 6L);

        cio.start();
        Await.until("the outbox is delivered after the outage", Duration.ofSeconds(30),
                () -> rig.channel("station/outbox/pending").asLong() == 0);
        rig.awaitLimit("the schedule again once the CIO answers", 10, STEP);
        rig.unplugAndAwaitReport();

        assertThat(rig.pwm.maxSince(killed)).isLessThanOrEqualTo(10 + ChargingRig.TOLERANCE_A);
        Await.until("the session's meter values are stored at the CIO", STEP,
                () -> !sessionMeterValues(sessionId).isEmpty());
        assertEverySequenceNumberArrivedOnce();
        assertThat(admin.session(STATION_ID, sessionId).at("/session/state").asText()).isEqualTo("FINISHED");
    }

    @Test
    @Order(4)
    void aStationThatLosesPowerWithAFullQueueLosesNothing() {
        fleet.answerSteps(List.of(new Step(0, 12)), 600, 3);
        rig.plugIn();
        rig.awaitLimit("schedule", 12, STEP);

        // the CIO refuses the station from now on (its credential is rotated), so the queue grows
        String rotated = admin.issueStationCredential(STATION_ID);
        Await.until("meter values pile up in the outbox", STEP,
                () -> rig.channel("station/outbox/pending").asLong() >= 10);
        // the session that is open now (a plug-in may first open a short-lived session)
        String sessionId = rig.channel("outlet1/session/session_id").asText();
        long queuedUpTo = rig.channel("station/outbox/last_seq").asLong();
        Instant stopped = Instant.now();
        rig.station.kill(); // power loss: the queue is on disk only
        stationSecret = rotated;
        rig.connectCio(cio.baseUrl(), STATION_ID, stationSecret, cio.tls()); // the operator fixes the credential
        rig.station.startProcess();

        Await.until("the outbox is delivered", Duration.ofSeconds(30),
                () -> rig.channel("station/outbox/pending").asLong() == 0
                        && rig.channel("station/outbox/delivered_seq").asLong() > queuedUpTo);
        rig.unplugAndAwaitReport();

        assertThat(rig.channel("station/outbox/dropped_samples").asLong()).isZero();
        assertEverySequenceNumberArrivedOnce();
        // the values queued before the restart arrived under their own numbers (none lost, no number given out twice)
        List<JsonNode> queuedBefore = new ArrayList<>();
        admin.meterValues(STATION_ID).forEach(v -> {
            if (v.get("sequenceNumber").asLong() <= queuedUpTo && sessionId.equals(v.path("sessionId").asText())) {
                queuedBefore.add(v);
            }
        });
        assertThat(queuedBefore).isNotEmpty().allSatisfy(v ->
                assertThat(Instant.parse(v.get("measuredAt").asText())).isBefore(stopped));
        assertThat(admin.session(STATION_ID, sessionId).at("/session/state").asText()).isEqualTo("FINISHED");
    }

    /** Every sequence number the station gave out is stored at the CIO exactly once, and no sample under two. */
    static void assertEverySequenceNumberArrivedOnce() {
        long last = rig.channel("station/outbox/last_seq").asLong();
        List<Long> meter = db.sequenceNumbers("meter_values", STATION_ID);
        List<Long> records = db.sequenceNumbers("session_records", STATION_ID);
        List<Long> all = new ArrayList<>(meter);
        all.addAll(records);
        all.sort(null);
        assertThat(all).as("meter values and session records at the CIO, by sequence number")
                .containsExactlyElementsOf(LongStream.rangeClosed(0, last).boxed().toList());
        assertThat(db.meterValuesStoredTwice(STATION_ID)).as("samples stored under two sequence numbers").isZero();
    }

    static List<JsonNode> sessionMeterValues(String sessionId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : admin.meterValues(STATION_ID)) {
            if (sessionId.equals(v.path("sessionId").asText())) {
                out.add(v);
            }
        }
        return out;
    }
}
