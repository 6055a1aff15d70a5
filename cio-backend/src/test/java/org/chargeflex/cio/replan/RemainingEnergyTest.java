package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.replan.ReplanFixture.Ev;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.session.ChargingSession;
import org.chargeflex.cio.session.SessionRepository;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The re-planner reads the remaining energy of all sessions of a target in one statement ({@link RemainingEnergy#of(List)});
 * it must give the figures of the one-session form ({@link RemainingEnergy#of(ChargingSession)}): the demand less what
 * the outlet's meter counted since the last charging request (the newest schedule version the re-planner did not
 * make), from the last reading at or before it, else the session's start register, else its first reading.
 */
class RemainingEnergyTest extends IntegrationTest {
    private static final double DEMAND_WH = 20_000;

    @Autowired
    RemainingEnergy remaining;
    @Autowired
    SessionRepository sessions;
    @Autowired
    ScheduleRepository schedules;

    @Test
    void theBulkRemainingEnergyGivesTheFiguresOfThePerSessionOne() throws InterruptedException {
        // readings before and after the request: the one before is the baseline
        Ev beforeAndAfter = ev();
        Instant requested = requestedAt(beforeAndAfter);
        ReplanFixture.meter(api, beforeAndAfter, 10, requested.minusSeconds(3600), 1_000.0, requested.minusSeconds(60),
                1_500.0, requested.plusSeconds(1), 4_000.0, requested.plusSeconds(2), 6_500.0);
        // no reading at all: nothing delivered
        Ev none = ev();
        // readings after the request only, with a start register: the register is the baseline
        Ev startRegister = ev();
        startRecord(startRegister, 2_000);
        Instant since = requestedAt(startRegister);
        ReplanFixture.meter(api, startRegister, 10, since.plusSeconds(1), 2_500.0, since.plusSeconds(2), 4_500.0);
        // readings after the request only, no start register: the first reading is the baseline
        Ev firstReading = ev();
        since = requestedAt(firstReading);
        ReplanFixture.meter(api, firstReading, 10, since.plusSeconds(1), 3_000.0, since.plusSeconds(2), 3_700.0);
        // the newest version is the re-planner's: the request's version before it is where the count starts
        Ev replanned = ev();
        Thread.sleep(20);
        ReplanFixture.request(api, replanned.stationId(), replanned.station(), replanned.outletId(),
                replanned.sessionId(), DEMAND_WH, 11_000, Duration.ofHours(4));
        List<StoredSchedule> versions = schedules.history(replanned.stationId(), replanned.sessionId());
        jdbc.sql("INSERT INTO replan_versions (schedule_id, planned_at, delivered_wh) VALUES (?, ?, 0)")
                .params(versions.get(1).id(), java.sql.Timestamp.from(versions.get(1).createdAt())).update();
        Instant first = versions.get(0).createdAt();
        Instant between = first.plus(Duration.between(first, versions.get(1).createdAt()).dividedBy(2));
        ReplanFixture.meter(api, replanned, 10, first.minusSeconds(3600), 1_000.0, between, 3_000.0,
                versions.get(1).createdAt().plusSeconds(1), 4_000.0);

        List<ChargingSession> all = List.of(session(beforeAndAfter), session(none), session(startRegister),
                session(firstReading), session(replanned));
        List<RemainingEnergy.Remaining> bulk = remaining.of(all);

        Map<String, Double> delivered = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            RemainingEnergy.Remaining one = remaining.of(all.get(i));
            assertThat(bulk.get(i)).as("session %s", all.get(i).stationId()).isEqualTo(one);
            delivered.put(all.get(i).stationId(), one.deliveredWh());
        }
        assertThat(delivered).containsEntry(beforeAndAfter.stationId(), 5_000.0)
                .containsEntry(none.stationId(), 0.0)
                .containsEntry(startRegister.stationId(), 2_500.0)
                .containsEntry(firstReading.stationId(), 700.0)
                .containsEntry(replanned.stationId(), 3_000.0);
        assertThat(bulk.get(0).remainingWh()).isEqualTo(DEMAND_WH - 5_000);
        assertThat(bulk.get(1).remainingWh()).isEqualTo(DEMAND_WH);
    }

    @Test
    void aSessionThatDoesNotExistHasNothingDelivered() {
        Ev ev = ev();
        ChargingSession real = session(ev);
        ChargingSession gone = new ChargingSession(real.stationId(), "gone", real.outletId(), null, 1_000.0, 11_000.0,
                null, null, null, null, real.state(), null, null, null, null, real.createdAt(), real.updatedAt());

        assertThat(remaining.of(List.of(gone, real))).containsExactly(remaining.of(gone), remaining.of(real))
                .first().isEqualTo(new RemainingEnergy.Remaining(1_000, 0));
    }

    /** A session with a charging request of {@link #DEMAND_WH} at a station of its own. */
    private Ev ev() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        return ReplanFixture.request(api, id, station, "1", "s1", DEMAND_WH, 11_000, Duration.ofHours(4));
    }

    private Instant requestedAt(Ev ev) {
        return schedules.current(ev.stationId(), ev.sessionId()).orElseThrow().createdAt();
    }

    private ChargingSession session(Ev ev) {
        return sessions.find(ev.stationId(), ev.sessionId()).orElseThrow();
    }

    private void startRecord(Ev ev, double startEnergyWh) {
        Map<String, Object> r = new HashMap<>();
        r.put("stationId", ev.stationId());
        r.put("sequenceNumber", 1);
        r.put("kind", "START");
        r.put("sessionId", ev.sessionId());
        r.put("outletId", ev.outletId());
        r.put("user", Map.of("type", "RFID", "token", "04A1B2C3"));
        r.put("startTime", Instant.now().toString());
        r.put("startEnergyWh", startEnergyWh);
        assertThat(api.post("/api/v1/stations/" + ev.stationId() + "/session-records", ev.station(), r).status())
                .isEqualTo(201);
    }
}
