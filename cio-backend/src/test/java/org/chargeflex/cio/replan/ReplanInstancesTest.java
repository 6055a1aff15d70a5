package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.cio.replan.ReplanFixture.current;
import static org.chargeflex.cio.replan.ReplanFixture.maxSum;
import static org.chargeflex.cio.replan.ReplanFixture.powerNow;
import static org.chargeflex.cio.replan.ReplanFixture.request;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.chargeflex.cio.replan.ReplanFixture.Ev;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A second application instance on the same database, with the background re-planner running (debounce 300 ms) and a
 * minimum session power of 4.2 kW; the shared context's re-planner runs only when a test calls it.
 */
class ReplanInstancesTest extends IntegrationTest {
    private static SecondInstance second;
    private static Api secondApi;

    @Autowired
    ReplanWorker worker;
    @Autowired
    DirtyTargets dirty;
    @Autowired
    ScheduleRepository schedules;
    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start("cio-backend-replan", "cio.replan.debounce=300ms", "cio.replan.min-interval=0s",
                "chargeflex.grid.minimum-session-power-w=4200");
        secondApi = second.api();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theBackgroundReplannerGivesALateArrivalUnderACurtailmentTheMinimumSessionPower() throws InterruptedException {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        String a = unique("ST");
        String b = unique("ST");
        Credentials ca = registerStation(a, 22_000, gcp);
        Credentials cb = registerStation(b, 22_000, gcp);
        Instant departure = Instant.now().plus(Duration.ofHours(2));
        List<Ev> evs = new ArrayList<>(List.of(request(secondApi, a, ca, "1", "s1", 60_000, 11_000, departure),
                request(secondApi, a, ca, "2", "s2", 60_000, 22_000, departure)));
        Credentials dno = ReplanFixture.dnoAccount(secondApi);
        assertThat(secondApi.put("/api/v1/admin/grid/curtailments/grid-connection-points/" + gcp, dno,
                Map.of("limitW", 12_000, "origin", "test")).status()).isEqualTo(200);

        Ev late = request(secondApi, b, cb, "2", "late", 60_000, 22_000, departure);
        evs.add(late);
        StoredSchedule first = current(schedules, late);
        assertThat(powerNow(schedules, late)).as("the request path: what the others left of 3 x 4.2 kW")
                .isLessThan(4_200);

        // the station polls until its schedule changes; the background re-planner of that instance provides it
        Instant giveUp = Instant.now().plusSeconds(60); // a guard against hanging, not a timing requirement
        while (current(schedules, late).version() == first.version() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(current(schedules, late).version()).as("re-planned in the background").isGreaterThan(first.version());

        for (Ev ev : evs) {
            assertThat(powerNow(schedules, ev)).as(ev.sessionId()).isGreaterThanOrEqualTo(4_200);
        }
        assertThat(maxSum(schedules, evs)).isLessThanOrEqualTo(3 * 4_200);
    }

    @Test
    void aTargetLockedByAnotherInstanceIsSkippedAndReplannedInTheNextRound() throws Exception {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Ev a = request(api, id, station, "2", "s1", 60_000, 22_000, Duration.ofHours(3));
        Ev b = request(api, id, station, "1", "s2", 60_000, 11_000, Duration.ofHours(3));
        StoredSchedule before = current(schedules, b);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(6146, hashtext(?))")) {
                lock.setString(1, "station:" + id); // what a re-plan of this station on another instance holds
                lock.execute();
            }
            dirty.markStation(id);
            assertThat(worker.runOnce().busyTargets()).isEqualTo(1);
            assertThat(current(schedules, b)).as("not re-planned while the other holds the target").isEqualTo(before);
            other.commit();
        }
        assertThat(worker.runOnce().busyTargets()).isZero();
        assertThat(current(schedules, b).version()).isEqualTo(before.version() + 1);
        assertThat(maxSum(schedules, List.of(a, b))).isLessThanOrEqualTo(22_000);
    }

    @Test
    void bothInstancesReplanningOneTargetAtOnceStoreEachChangeOnceAndKeepTheLimit() throws Exception {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        List<String> ids = List.of(unique("ST"), unique("ST"));
        List<Credentials> credentials = List.of(registerStation(ids.get(0), 22_000, gcp),
                registerStation(ids.get(1), 22_000, gcp));
        ReplanWorker secondWorker = second.context().getBean(ReplanWorker.class);
        DirtyTargets secondDirty = second.context().getBean(DirtyTargets.class);
        List<Ev> evs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                int s = round % 2;
                evs.add(request(round % 2 == 0 ? api : secondApi, ids.get(s), credentials.get(s), round < 2 ? "1" : "2",
                        "s" + round, 40_000, 22_000, Duration.ofHours(2)));
                List<Integer> versions = evs.stream().map(ev -> current(schedules, ev).version()).toList();
                dirty.markGridConnectionPoint(gcp);
                secondDirty.markGridConnectionPoint(gcp);
                Future<?> one = pool.submit(worker::runOnce);
                Future<?> two = pool.submit(secondWorker::runOnce);
                one.get();
                two.get();
                while (secondWorker.isRunning() && secondBusy(secondDirty)) {
                    Thread.sleep(50); // a skipped target is re-planned by the second's next background round
                }
                for (int i = 0; i < evs.size(); i++) {
                    assertThat(current(schedules, evs.get(i)).version()).as("round " + round + ", " + evs.get(i))
                            .isLessThanOrEqualTo(versions.get(i) + 1);
                }
                assertThat(maxSum(schedules, evs)).as("round " + round).isLessThanOrEqualTo(30_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the second instance still has marks (its background thread takes them within a debounce period). */
    private static boolean secondBusy(DirtyTargets secondDirty) {
        return secondDirty.pending();
    }
}
