package org.chargeflex.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chargeflex.systemtest.harness.Await;
import org.chargeflex.systemtest.harness.ChargingRig;
import org.chargeflex.systemtest.harness.Schedules;
import org.chargeflex.systemtest.harness.Schedules.Step;
import org.chargeflex.systemtest.harness.StandInCio;
import org.chargeflex.systemtest.harness.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 4, malformed schedules: the real CIO validates every schedule before a station sees it, so the station is
 * pointed at a stand-in CIO that answers its polls with broken or out-of-range schedules. The station (Felix, M3B
 * driver, charging application, CIO client) with the simulated board must refuse each one and keep its limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedScheduleIT {
    static final String STATION_ID = "ST-STANDIN-1";
    static final String SECRET = "stand-in-station-secret-0123456789";
    static final Duration STEP = Duration.ofSeconds(20);

    static StandInCio cio;
    static ChargingRig rig;

    @BeforeAll
    static void start() throws Exception {
        Path work = Workspace.fresh("MalformedScheduleIT");
        cio = new StandInCio(STATION_ID, SECRET);
        rig = ChargingRig.start(work.resolve("station"), 6, 30);
        rig.connectCio(cio.baseUrl(), STATION_ID, SECRET, null);
        Await.until("the outlet is idle", STEP, () -> "IDLE".equals(rig.channel("outlet1/session/state").asText()));
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
        if (cio != null) {
            cio.close();
        }
    }

    @AfterEach
    void freeTheOutlet() {
        if (rig.sim.outlet(1).evSoc() >= 0) {
            rig.unplugAndAwaitReport();
        }
    }

    /** Broken schedule bodies for a session; each is a contract violation the station must detect itself. */
    static List<String> malformed(String sessionId) {
        Instant now = Instant.now();
        Instant end = now.plusSeconds(600);
        String ok = "{\"offsetSeconds\":0,\"maxPowerW\":5520}";
        return List.of(
                body("bad-1", sessionId, now, "[{\"offsetSeconds\":30,\"maxPowerW\":5520}]", end, 1),
                body("bad-2", sessionId, now, "[" + ok + ",{\"offsetSeconds\":0,\"maxPowerW\":4140}]", end, 1),
                body("bad-3", sessionId, now, "[{\"offsetSeconds\":0,\"maxPowerW\":-4140}]", end, 1),
                body("bad-4", sessionId, now, "[{\"offsetSeconds\":0,\"maxPowerW\":1.0E9}]", end, 1),
                body("bad-5", sessionId, now, "[" + ok + "]", now.minusSeconds(60), 1),
                body("bad-6", sessionId, now, "[]", end, 1),
                body("bad-7", sessionId, now, "[" + ok + "]", end, 0),
                "{\"scheduleId\":\"bad-8\",\"sessionId\":\"" + sessionId + "\",\"periods\":[" + ok,
                "{\"scheduleId\":\"bad-9\",\"sessionId\":\"" + sessionId + "\",\"startTime\":\"yesterday\",\"periods\":["
                        + ok + "],\"validUntil\":\"" + end + "\",\"pollIntervalSeconds\":1}");
    }

    static String body(String id, String sessionId, Instant start, String periods, Instant validUntil, int poll) {
        return "{\"scheduleId\":\"" + id + "\",\"sessionId\":\"" + sessionId + "\",\"startTime\":\"" + start
                + "\",\"periods\":" + periods + ",\"validUntil\":\"" + validUntil + "\",\"pollIntervalSeconds\":"
                + poll + "}";
    }

    static StandInCio.Answer valid(String id, String sessionId, double amps) {
        Instant now = Instant.now();
        return new StandInCio.Answer(200, Schedules.schedule(id, sessionId, now, List.of(new Step(0, amps)),
                now.plusSeconds(600), 1, 3), "\"" + id + "\"");
    }

    @Test
    @Order(1)
    void malformedScheduleUpdatesAreRefusedAndThePreviousLimitIsKept() {
        cio.onChargingRequest(request -> valid("good-1", request.get("sessionId").asText(), 10));
        cio.onPoll(sessionId -> valid("good-1", sessionId, 10));
        rig.plugIn();
        rig.awaitLimit("the first, valid schedule", 10, STEP);
        String sessionId = rig.channel("outlet1/session/session_id").asText();
        long refusedBefore = rig.channel("outlet1/session/refused_schedules").asLong();
        int from = rig.sampleCount();

        List<String> bad = malformed(sessionId);
        AtomicInteger served = new AtomicInteger();
        cio.onPoll(s -> {
            int i = served.getAndIncrement();
            return new StandInCio.Answer(200, bad.get(i % bad.size()), "\"bad-etag-" + i + "\"");
        });
        Await.value("every malformed schedule served and refused", Duration.ofSeconds(40),
                () -> served.get() + " served, "
                        + (rig.channel("outlet1/session/refused_schedules").asLong() - refusedBefore) + " refused",
                s -> served.get() >= bad.size()
                        && rig.channel("outlet1/session/refused_schedules").asLong() - refusedBefore >= bad.size());

        assertThat(rig.levelsSince(from)).as("the board's limit while malformed schedules came in").containsExactly(10L);
        assertThat(rig.channel("outlet1/session/schedule_id").asText()).isEqualTo("good-1");
        assertThat(rig.channel("outlet1/session/last_refusal").asText()).isNotBlank();

        // a valid update afterwards is applied: the refusals were not a dead poll loop
        cio.onPoll(s -> valid("good-2", s, 8));
        rig.awaitLimit("the next valid schedule", 8, STEP);
        Await.until("the station reports the valid schedule's id", STEP,
                () -> "good-2".equals(rig.channel("outlet1/session/schedule_id").asText()));
    }

    @Test
    @Order(2)
    void anOutOfRangeFirstScheduleIsNeverApplied() {
        cio.onChargingRequest(request -> new StandInCio.Answer(200, body("huge-1", request.get("sessionId").asText(),
                Instant.now(), "[{\"offsetSeconds\":0,\"maxPowerW\":1.0E9}]", Instant.now().plusSeconds(600), 1),
                "\"huge-1\""));
        cio.onPoll(s -> new StandInCio.Answer(200, body("huge-1", s, Instant.now(),
                "[{\"offsetSeconds\":0,\"maxPowerW\":1.0E9}]", Instant.now().plusSeconds(600), 1), "\"huge-1\""));
        long refusedBefore = rig.channel("outlet1/session/refused_schedules").asLong();
        long callsBefore = cio.scheduleCalls();
        Instant plugged = Instant.now();

        rig.plugIn();
        Await.until("the schedule is refused", STEP,
                () -> rig.channel("outlet1/session/refused_schedules").asLong() > refusedBefore);
        Await.until("the station keeps asking (and refusing)", STEP,
                () -> cio.scheduleCalls() > callsBefore + 3
                        && rig.channel("outlet1/session/refused_schedules").asLong() > refusedBefore + 3);

        assertThat(rig.pwm.maxSince(plugged)).as("the limit never follows the refused schedule")
                .isLessThanOrEqualTo(6 + ChargingRig.TOLERANCE_A);
        assertThat(rig.channel("outlet1/session/schedule_id").asText()).isNotEqualTo("huge-1");
    }
}
