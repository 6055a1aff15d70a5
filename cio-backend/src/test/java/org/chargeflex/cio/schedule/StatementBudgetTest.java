package org.chargeflex.cio.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.chargeflex.cio.support.StatementCounter;
import org.chargeflex.cio.support.StatementCounter.Counts;
import org.junit.jupiter.api.Test;

/**
 * Guards the database work of the station API's hot paths (found by the load benchmark: a charging request once took
 * 19 statements on 9 connection checkouts). Counted on the real application over HTTP, for a station on a grid
 * connection point with other open sessions, after the station's first request (which may also record that it was
 * seen). Raise a budget only with a reason: every statement is a round trip on the request's critical path.
 *
 * <p>A charging request: the station's credential, its grid connection point and outlets, the responsible
 * management service (none) and the site's planning come from the registry caches ({@code system.RegistryCache}, none
 * of them a statement); then the transaction of its planning batch ({@code BatchPlanner}; alone here, so the figures
 * are those of a batch of one): its advisory locks, then the plan generations of its target and its finished sessions
 * (1; the locks were a statement of their own until session 8 of issue 5);
 * the limits and the open sessions' plans come from this instance's copy, which its previous request on the grid
 * connection point left current ({@code PlanSnapshots}; reading them would be one more); store the batch's requests
 * with their plans (1: one statement for the whole batch upserts the session rows with the request data and their new
 * current plans and inserts the schedules; the request data and the plan used to be two writes of the row, 4
 * statements). A 304 poll: the current
 * schedule (1). A session record: one statement stores it, moves a STOP's target's plan generation and applies it to the
 * session (was 3).
 */
class StatementBudgetTest extends IntegrationTest {
    static final int CHARGING_REQUEST_STATEMENTS = 2;
    static final int CHARGING_REQUEST_CHECKOUTS = 1;
    static final int POLL_STATEMENTS = 1;
    static final int SESSION_RECORD_STATEMENTS = 1;

    @Test
    void chargingRequestUsesAtMostItsBudgetOfStatements() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 100_000);
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, gcp);
        Credentials neighbour = registerStation(unique("ST"), 22_000, gcp);
        Instant departure = Instant.now().plus(Duration.ofHours(4));
        assertThat(api.post(path(neighbour.user()), neighbour,
                Requests.chargingRequest(neighbour.user(), "1", "n1", 10_000, 11_000, departure)).status()).isEqualTo(200);
        assertThat(api.post(path(id), station, Requests.chargingRequest(id, "1", "s1", 20_000, 11_000, departure))
                .status()).isEqualTo(200);

        Counts newSession = count(() -> assertThat(api.post(path(id), station,
                Requests.chargingRequest(id, "2", "s2", 20_000, 11_000, departure)).status()).isEqualTo(200));
        Counts replan = count(() -> assertThat(api.post(path(id), station,
                Requests.chargingRequest(id, "1", "s1", 15_000, 11_000, departure)).status()).isEqualTo(200));

        assertThat(newSession.statements()).as("statements of a new session's request: %s", newSession)
                .isLessThanOrEqualTo(CHARGING_REQUEST_STATEMENTS);
        assertThat(replan.statements()).as("statements of a re-plan: %s", replan)
                .isLessThanOrEqualTo(CHARGING_REQUEST_STATEMENTS);
        assertThat(newSession.checkouts()).as("connection checkouts: %s", newSession)
                .isLessThanOrEqualTo(CHARGING_REQUEST_CHECKOUTS);
        assertThat(replan.commits()).as("commits of a re-plan: %s", replan).isEqualTo(1);
    }

    @Test
    void pollWithTheCurrentEtagUsesAtMostItsBudgetOfStatements() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        String etag = api.post(path(id), station, Requests.chargingRequest(id, "1", "s1", 20_000, 11_000,
                Instant.now().plus(Duration.ofHours(4)))).header("etag");
        String poll = "/api/v1/stations/" + id + "/sessions/s1/schedule";

        Counts notModified = count(() -> assertThat(api.get(poll, station, "If-None-Match", etag).status())
                .isEqualTo(304));

        assertThat(notModified.statements()).as("statements of a 304 poll: %s", notModified)
                .isLessThanOrEqualTo(POLL_STATEMENTS);
        assertThat(notModified.commits()).as("a poll writes nothing: %s", notModified).isZero();
    }

    @Test
    void sessionRecordIsOneStatementThatMovesAStopsPlanGenerationBeforeItsSession() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 100_000);
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, gcp);
        assertThat(api.post(path(id), station, Requests.chargingRequest(id, "1", "s1", 20_000, 11_000,
                Instant.now().plus(Duration.ofHours(4)))).status()).isEqualTo(200);
        long before = planGeneration("g:" + gcp);
        String records = "/api/v1/stations/" + id + "/session-records";

        Counts start = count(() -> assertThat(api.post(records, station, Requests.sessionRecord(id, 1, "START", "s1"))
                .status()).isEqualTo(201));
        long afterStart = planGeneration("g:" + gcp);
        Counts stop = count(() -> assertThat(api.post(records, station, Requests.sessionRecord(id, 2, "STOP", "s1"))
                .status()).isEqualTo(201));
        Counts again = count(() -> assertThat(api.post(records, station, Requests.sessionRecord(id, 2, "STOP", "s1"))
                .status()).isEqualTo(200));

        assertThat(start.statements()).as("a START: %s", start).isEqualTo(SESSION_RECORD_STATEMENTS);
        assertThat(stop.statements()).as("a STOP: %s", stop).isEqualTo(SESSION_RECORD_STATEMENTS);
        assertThat(again.statements()).as("a STOP sent again: %s", again).isEqualTo(SESSION_RECORD_STATEMENTS);
        assertThat(afterStart).as("a START changes nothing the limits read").isEqualTo(before);
        assertThat(planGeneration("g:" + gcp)).as("the STOP moved its target's generation once").isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT state FROM sessions WHERE station_id = ? AND id = 's1'").param(id)
                .query(String.class).single()).isEqualTo("FINISHED");
    }

    private static Counts count(Runnable request) {
        StatementCounter.reset();
        request.run();
        return StatementCounter.counts();
    }

    private static String path(String station) {
        return "/api/v1/stations/" + station + "/charging-requests";
    }
}
