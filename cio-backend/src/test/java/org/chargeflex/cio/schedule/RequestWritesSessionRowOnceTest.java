package org.chargeflex.cio.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.EvParameters;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponse;

/**
 * Guards that a planning batch writes each request's session row once (request data and new current plan in one
 * statement, {@link RequestPlanRepository}): two writes per request were two heap tuples and long HOT chains under
 * load (bench/RESULTS.md, issue 5). Also that a request whose session has finished fails alone with 409 while the
 * others of its batch are planned and committed. The batch is handed to the application's {@link BatchPlanner} inside
 * a transaction of the test, so that the connection's table statistics not yet reported
 * ({@code pg_stat_xact_user_tables}, which also hold what the connection's earlier transactions did in the last
 * moments) count its row writes exactly, as the difference from before the batch, whatever else the database does.
 */
class RequestWritesSessionRowOnceTest extends IntegrationTest {
    @Autowired
    private BatchPlanner planner;
    @Autowired
    private PlanningTargets targets;
    @Autowired
    private TransactionTemplate transaction;

    private record Writes(long inserted, long updated) {
    }

    @Test
    void aBatchWritesEachSessionRowOnceAndAFinishedSessionFailsAlone() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 100_000);
        String a = unique("ST");
        String b = unique("ST");
        Credentials stationA = registerStation(a, 22_000, gcp);
        Credentials stationB = registerStation(b, 22_000, gcp);
        Instant departure = Instant.now().plus(Duration.ofHours(4));
        assertThat(api.post(path(a), stationA, Requests.chargingRequest(a, "1", "done", 5_000, 11_000, departure))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/stations/" + a + "/session-records", stationA, stop(a, "done")).status())
                .isEqualTo(201);
        assertThat(api.post(path(b), stationB, Requests.chargingRequest(b, "1", "open", 5_000, 11_000, departure))
                .status()).isEqualTo(200);

        List<PlanningJob> batch = List.of(job(a, "done", departure), job(b, "open", departure),
                job(b, "new", departure));
        Object[] result = new Object[2];
        transaction.executeWithoutResult(tx -> {
            Writes before = sessionWrites();
            result[0] = planner.plan(batch, 60);
            Writes after = sessionWrites();
            result[1] = new Writes(after.inserted() - before.inserted(), after.updated() - before.updated());
        });
        @SuppressWarnings("unchecked")
        List<PlanningLanes.Outcome<StoredSchedule>> outcomes = (List<PlanningLanes.Outcome<StoredSchedule>>) result[0];

        assertThat(outcomes.get(0).failure()).isInstanceOf(ErrorResponse.class);
        assertThat(((ErrorResponse) outcomes.get(0).failure()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(((ErrorResponse) outcomes.get(0).failure()).getBody().getDetail()).contains("has finished");
        assertThat(outcomes.get(1).failure()).isNull();
        assertThat(outcomes.get(1).result().version()).isEqualTo(2);
        assertThat(outcomes.get(2).failure()).isNull();
        assertThat(outcomes.get(2).result().version()).isEqualTo(1);
        assertThat(result[1]).as("session rows written by the batch: one insert (new), one update (open)")
                .isEqualTo(new Writes(1, 1));

        assertThat(row(a, "done")).containsEntry("state", "FINISHED").containsEntry("schedule_version", 1);
        assertThat(row(b, "open")).containsEntry("schedule_version", 2);
        assertThat(row(b, "new")).containsEntry("schedule_version", 1).containsEntry("state", "PLANNED");
        assertThat(schedules(a, "done")).isEqualTo(1);
        assertThat(schedules(b, "open")).isEqualTo(2);
        assertThat(schedules(b, "new")).isEqualTo(1);
    }

    @Test
    void twoRequestsOfOneSessionInABatchAreStoredAsSuccessiveVersions() {
        // one statement stores a batch and cannot update a session row twice: the second request of a session goes
        // into a second statement, as the next version of the first
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 100_000);
        String a = unique("ST");
        registerStation(a, 22_000, gcp);
        Instant departure = Instant.now().plus(Duration.ofHours(10)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        List<PlanningLanes.Outcome<StoredSchedule>> outcomes = transaction.execute(tx -> planner.plan(
                List.of(job(a, "twice", departure, 2_000), job(a, "other", departure, 30_000),
                        job(a, "twice", departure, 60_000)), 60));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes.stream().map(o -> o.result().plan().periods()).distinct())
                .as("different demands, different periods: a slice of another request's would show").hasSize(3);
        assertThat(outcomes.get(0).result().version()).isEqualTo(1);
        assertThat(outcomes.get(1).result().version()).isEqualTo(1);
        assertThat(outcomes.get(2).result().version()).isEqualTo(2);
        assertThat(row(a, "twice")).containsEntry("schedule_version", 2).containsEntry("state", "PLANNED");
        assertThat(schedules(a, "twice")).isEqualTo(2);
        for (PlanningLanes.Outcome<StoredSchedule> o : outcomes) {
            StoredSchedule s = o.result();
            Map<String, Object> stored = jdbc.sql("""
                    SELECT version, start_time, valid_until, array_to_string(period_offsets_s, ',') AS offsets,
                           array_to_string(period_max_power_w, ',') AS powers
                    FROM schedules WHERE id = ?""").param(s.id()).query().singleRow();
            assertThat(stored.get("version")).isEqualTo(s.version());
            assertThat(microseconds(stored.get("start_time"))).isEqualTo(microseconds(s.plan().startTime()));
            assertThat(microseconds(stored.get("valid_until"))).isEqualTo(microseconds(s.plan().validUntil()));
            assertThat(stored.get("offsets")).as("the request's own periods, in order").isEqualTo(s.plan().periods()
                    .stream().map(p -> Long.toString(p.offsetSeconds())).collect(Collectors.joining(",")));
            assertThat(stored.get("powers")).isEqualTo(jdbc.sql("SELECT array_to_string(CAST(? AS float8[]), ',')")
                    .param(ScheduleRepository.powers(s.plan().periods())).query(String.class).single());
        }
        assertThat(jdbc.sql("SELECT planned_departure FROM sessions WHERE station_id = ? AND id = 'twice'").param(a)
                .query(Timestamp.class).single().toInstant()).isEqualTo(departure);
    }

    /** A time stamp to the microsecond, as PostgreSQL keeps it (rounded). */
    private static long microseconds(Object time) {
        Instant t = time instanceof Timestamp ts ? ts.toInstant() : (Instant) time;
        return Math.round(t.getEpochSecond() * 1e6 + t.getNano() / 1e3);
    }

    private PlanningJob job(String stationId, String sessionId, Instant departure) {
        return job(stationId, sessionId, departure, 8_000);
    }

    private PlanningJob job(String stationId, String sessionId, Instant departure, double energyWh) {
        ChargingRequest request = new ChargingRequest(stationId, "1", sessionId,
                new UserIdentification(UserIdentification.Type.RFID, "04A1B2C3"),
                new EvParameters(energyWh, 11_000.0, null, null, null, 3, departure), null);
        PlanningTargets.Target target = targets.find(stationId, "1").orElseThrow();
        return new PlanningJob(request, target, EvPowerLimits.maxPowerW(request.ev()),
                EvPowerLimits.plannedMinPowerW(request.ev()), Optional.empty());
    }

    /** The rows of {@code sessions} inserted and updated by this connection and not yet reported to the statistics. */
    private Writes sessionWrites() {
        return jdbc.sql("SELECT n_tup_ins, n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'sessions'")
                .query((rs, n) -> new Writes(rs.getLong("n_tup_ins"), rs.getLong("n_tup_upd"))).single();
    }

    private Map<String, Object> row(String stationId, String sessionId) {
        return jdbc.sql("SELECT state, schedule_version FROM sessions WHERE station_id = ? AND id = ?")
                .params(stationId, sessionId).query().singleRow();
    }

    private int schedules(String stationId, String sessionId) {
        return jdbc.sql("SELECT count(*) FROM schedules WHERE station_id = ? AND session_id = ?")
                .params(stationId, sessionId).query(Integer.class).single();
    }

    private static Map<String, Object> stop(String stationId, String sessionId) {
        Instant start = Instant.now().minusSeconds(600);
        return Map.of("stationId", stationId, "sequenceNumber", 1, "kind", "STOP", "sessionId", sessionId,
                "outletId", "1", "startTime", start.toString(), "startEnergyWh", 0,
                "stopTime", start.plusSeconds(300).toString(), "stopEnergyWh", 100);
    }

    private static String path(String station) {
        return "/api/v1/stations/" + station + "/charging-requests";
    }
}
