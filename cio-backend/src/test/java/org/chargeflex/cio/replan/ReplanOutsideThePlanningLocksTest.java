package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.cio.replan.ReplanFixture.current;
import static org.chargeflex.cio.replan.ReplanFixture.maxSum;
import static org.chargeflex.cio.replan.ReplanFixture.powerNow;
import static org.chargeflex.cio.replan.ReplanFixture.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.chargeflex.cio.replan.ReplanFixture.Ev;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.station.PlanningLocks;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background re-planner plans a target without the planning locks and stores the plan under them only if it
 * still fits ({@link TargetReplanner#propose}, {@link TargetReplanner#storeIfCurrent}): guards that a charging
 * request, a departure or a curtailment between the two never leads to schedules above a limit or to a request's
 * plan being overwritten. The steps are run one by one here, with real charging requests over HTTP between them.
 *
 * <p>Each test: a grid connection point of 30 kW with three 22 kW stations; session s1 at station a asks first and
 * gets 22 kW, s2 at station b gets the 8 kW left; the joint plan then shares 15 kW each.
 */
class ReplanOutsideThePlanningLocksTest extends IntegrationTest {
    private static final String CURTAILMENTS = "/api/v1/admin/grid/curtailments";

    @Autowired
    TargetReplanner replanner;
    @Autowired
    ReplanWorker worker;
    @Autowired
    PlanningLocks locks;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ScheduleRepository schedules;

    private String gcp;
    private String c;
    private Credentials cc;
    private Instant departure;
    private Ev s1;
    private Ev s2;

    @BeforeEach
    void twoSessionsPlannedOneAfterTheOther() {
        worker.runOnce(); // what other tests left marked
        gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        String a = unique("ST");
        String b = unique("ST");
        c = unique("ST");
        Credentials ca = registerStation(a, 22_000, gcp);
        Credentials cb = registerStation(b, 22_000, gcp);
        cc = registerStation(c, 22_000, gcp);
        departure = Instant.now().plus(Duration.ofHours(2));
        s1 = request(api, a, ca, "2", "s1", 60_000, 22_000, departure);
        s2 = request(api, b, cb, "2", "s2", 60_000, 22_000, departure);
        assertThat(powerNow(schedules, s1)).isEqualTo(22_000);
        assertThat(powerNow(schedules, s2)).isEqualTo(8_000);
    }

    @Test
    void aPlanThatStillFitsWithANewArrivalIsStoredAndTheArrivalKeepsItsPlan() {
        Proposal proposal = propose();
        Ev s3 = request(api, c, cc, "2", "s3", 60_000, 22_000, departure); // nothing left for it: 0 W
        StoredSchedule arrival = current(schedules, s3);

        OptionalInt stored = storeIfCurrent(proposal);

        assertThat(stored).as("15 + 15 + 0 kW fit under 30 kW").hasValue(2);
        assertThat(current(schedules, s1).version()).isEqualTo(2);
        assertThat(current(schedules, s2).version()).isEqualTo(2);
        assertThat(powerNow(schedules, s1)).isEqualTo(15_000);
        assertThat(current(schedules, s3)).as("the arrival's schedule stays").isEqualTo(arrival);
        assertThat(maxSum(schedules, List.of(s1, s2, s3))).isLessThanOrEqualTo(30_000);
    }

    @Test
    void aPlanThatNoLongerFitsWithANewArrivalIsNotStored() {
        ReplanFixture.stop(api, s1, 1);
        Proposal proposal = propose(); // s2 alone: 22 kW
        Ev s3 = request(api, c, cc, "2", "s3", 60_000, 22_000, departure); // 30 - 8 kW committed by s2: 22 kW
        assertThat(powerNow(schedules, s3)).isEqualTo(22_000);

        OptionalInt stored = storeIfCurrent(proposal);

        assertThat(stored).as("22 + 22 kW would break the 30 kW").isEmpty();
        assertThat(current(schedules, s2).version()).as("nothing stored").isEqualTo(1);
        assertThat(maxSum(schedules, List.of(s2, s3))).isLessThanOrEqualTo(30_000);

        int replanned = underLocks(fresh -> replanner.replan(fresh, false)); // what the worker then does
        assertThat(replanned).isEqualTo(2);
        assertThat(maxSum(schedules, List.of(s2, s3))).isLessThanOrEqualTo(30_000).isGreaterThan(29_000);
    }

    @Test
    void aSessionThatARequestPlannedAgainMeanwhileKeepsTheRequestsPlan() {
        Proposal proposal = propose();
        request(api, s2.stationId(), s2.station(), "2", "s2", 20_000, 22_000, departure); // 30 - 22 kW: 8 kW
        StoredSchedule requested = current(schedules, s2);
        assertThat(requested.version()).isEqualTo(2);

        OptionalInt stored = storeIfCurrent(proposal);

        assertThat(stored).as("only s1: 15 + 8 kW fit").hasValue(1);
        assertThat(current(schedules, s1).version()).isEqualTo(2);
        assertThat(powerNow(schedules, s1)).isEqualTo(15_000);
        assertThat(current(schedules, s2)).as("the request's version, not the proposal's").isEqualTo(requested);
    }

    @Test
    void aPlanMadeBeforeACurtailmentIsNotStored() {
        Proposal proposal = propose();
        Credentials dno = ReplanFixture.dnoAccount(api);
        assertThat(api.put(CURTAILMENTS + "/grid-connection-points/" + gcp, dno,
                Map.of("limitW", 12_000, "origin", "test")).status()).isEqualTo(200); // re-plans under the locks
        StoredSchedule curtailed = current(schedules, s1);

        assertThat(storeIfCurrent(proposal)).as("the limit changed").isEmpty();
        assertThat(current(schedules, s1)).isEqualTo(curtailed);
        assertThat(maxSum(schedules, List.of(s1, s2))).isLessThanOrEqualTo(12_000);
    }

    @Test
    void aRoundWithNothingChangedMeanwhilePlansOnce() {
        ReplanWorker.Round round = worker.runOnce();

        assertThat(round.targets()).isEqualTo(1);
        assertThat(round.replannedSessions()).isEqualTo(2);
        assertThat(round.recomputedTargets()).as("the plan made without the locks was stored").isZero();
        assertThat(powerNow(schedules, s1)).isEqualTo(15_000);
        assertThat(powerNow(schedules, s2)).isEqualTo(15_000);
    }

    private Proposal propose() {
        TargetReplanner.Target target = replanner.gridTarget(gcp).orElseThrow();
        return transaction.execute(tx -> replanner.propose(target, false)).orElseThrow();
    }

    private OptionalInt storeIfCurrent(Proposal proposal) {
        return underLocks(fresh -> replanner.storeIfCurrent(fresh, proposal));
    }

    /** Runs {@code step} with the target read under its planning locks, in one transaction. */
    private <T> T underLocks(java.util.function.Function<TargetReplanner.Target, T> step) {
        return transaction.execute(tx -> {
            TargetReplanner.Target before = replanner.gridTarget(gcp).orElseThrow();
            locks.lock(before.stations().stream().map(Station::id).toList(), gcp);
            return step.apply(replanner.gridTarget(gcp).orElseThrow());
        });
    }
}
