package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.StatementCounter;
import org.chargeflex.cio.support.StatementCounter.Counts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guards the database work of the background re-planner (found by the load benchmark: loading one grid connection
 * point of 20 stations took about 200 statements, a few per station and per session). Counted on the real application
 * for one round of {@link ReplanWorker} that re-plans one grid connection point whose sessions all get a new version.
 * Raise the budget only with a reason; it must never depend on the number of stations or sessions.
 *
 * <p>A round: the dirty stations' grid connection points (1); the target (the point (1), its stations with their outlets
 * (1)); in the target's transaction the re-planner's try-lock (1); the joint plan without the planning locks: the
 * curtailments of the point and its stations (1), the open sessions (1), their current schedules (1), their remaining
 * energy (1); then the planning locks (1), the target read again under the locks (2), to check that the plan still
 * fits the curtailments (1) and the current schedules (1), the plan generations of the target, so that every
 * instance's copy of its plans is stale (1, {@code station.PlanGenerations}), the new schedule versions (1 batch) and
 * the re-planner's records of them (1 batch); the site's planning comes from memory ({@code system.RegistryCache}).
 * (14 before the plan was made outside the planning locks: {@link ReplanOutsideThePlanningLocksTest}.)
 */
class ReplanStatementBudgetTest extends IntegrationTest {
    static final int REPLAN_ROUND_STATEMENTS = 16;
    /** Open sessions, current schedules, baselines, metered energy ({@link MeterDeviation#deviating}). */
    static final int DEVIATION_ROUND_STATEMENTS = 4;

    @Autowired
    ReplanWorker worker;

    @Test
    void replanOfAGridConnectionPointTakesTheSameStatementsForAnyNumberOfSessions() {
        Counts small = replanRound(5, 40_000);
        Counts large = replanRound(10, 40_000);

        assertThat(small.statements()).as("statements of a round re-planning 5 stations x 2 sessions: %s", small)
                .isLessThanOrEqualTo(REPLAN_ROUND_STATEMENTS);
        assertThat(large.statements()).as("10 stations x 2 sessions (5 x 2: %s): %s", small, large)
                .isEqualTo(small.statements());
        assertThat(large.commits()).as("one transaction per target: %s", large).isEqualTo(1);
    }

    @Test
    void meterDeviationCheckTakesTheSameStatementsForAnyNumberOfStations() {
        Counts few = deviationRound(3);
        Counts many = deviationRound(8);

        assertThat(few.statements()).as("a round checking 3 stations with new meter values: %s", few)
                .isLessThanOrEqualTo(DEVIATION_ROUND_STATEMENTS);
        assertThat(many.statements()).as("8 stations (3: %s): %s", few, many).isEqualTo(few.statements());
    }

    /**
     * Stations without a grid connection point, each with a session that follows its schedule and a meter batch, and
     * counts the round that checks them (no deviation: nothing is re-planned).
     */
    private Counts deviationRound(int stations) {
        List<ReplanFixture.Ev> evs = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            String id = unique("ST");
            evs.add(ReplanFixture.request(api, id, registerStation(id, 22_000, null), "1", "s", 10_000, 11_000,
                    Duration.ofHours(2)));
        }
        worker.runOnce(); // the arrivals' re-plan
        Instant now = Instant.now();
        for (ReplanFixture.Ev ev : evs) {
            ReplanFixture.meter(api, ev, 1, now.minusSeconds(3600), 10_000.0, now, 10_000.0);
        }

        StatementCounter.reset();
        ReplanWorker.Round round = worker.runOnce();
        Counts counts = StatementCounter.counts();

        assertThat(round.targets()).as("no station deviates").isZero();
        return counts;
    }

    /**
     * Registers a grid connection point with {@code stations} stations, each with two sessions that the request path
     * planned one after the other (so the joint re-plan shares the point anew and stores a version for each), and
     * counts one round of the re-planner.
     */
    private Counts replanRound(int stations, double gridLimitW) {
        worker.runOnce(); // what other tests left marked
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, gridLimitW);
        Instant departure = Instant.now().plus(Duration.ofHours(4));
        for (int i = 0; i < stations; i++) {
            String id = unique("ST");
            Credentials station = registerStation(id, 22_000, gcp);
            ReplanFixture.request(api, id, station, "1", "a", 30_000, 11_000, departure);
            ReplanFixture.request(api, id, station, "2", "b", 30_000, 11_000, departure);
        }

        StatementCounter.reset();
        ReplanWorker.Round round = worker.runOnce();
        Counts counts = StatementCounter.counts();

        assertThat(round.targets()).as("the one grid connection point").isEqualTo(1);
        assertThat(round.replannedSessions()).as("every session gets a new version").isEqualTo(2 * stations);
        return counts;
    }
}
