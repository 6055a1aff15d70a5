package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.cio.replan.ReplanFixture.current;
import static org.chargeflex.cio.replan.ReplanFixture.maxSum;
import static org.chargeflex.cio.replan.ReplanFixture.plannedWh;
import static org.chargeflex.cio.replan.ReplanFixture.powerNow;
import static org.chargeflex.cio.replan.ReplanFixture.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.replan.ReplanFixture.Ev;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rolling re-optimisation over real HTTP on the running application and the embedded PostgreSQL. The shared context's
 * background thread does not run (debounce 1 h); each test runs the re-planner's rounds itself, which makes them
 * deterministic ({@link BackgroundReplanTest} shows the thread doing it by itself).
 */
class RollingReoptimisationTest extends IntegrationTest {
    private static final String CURTAILMENTS = "/api/v1/admin/grid/curtailments";

    @Autowired
    ReplanWorker worker;
    @Autowired
    ScheduleRepository schedules;

    @Test
    void aLateArrivalUnderACurtailmentGetsItsFairShareInTheNextRound() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        String a = unique("ST");
        String b = unique("ST");
        Credentials ca = registerStation(a, 22_000, gcp);
        Credentials cb = registerStation(b, 22_000, gcp);
        Instant departure = Instant.now().plus(Duration.ofHours(2));
        List<Ev> evs = new ArrayList<>(List.of(request(api, a, ca, "2", "s1", 60_000, 22_000, departure),
                request(api, b, cb, "2", "s2", 60_000, 22_000, departure)));
        worker.runOnce();
        Credentials dno = ReplanFixture.dnoAccount(api);
        assertThat(api.put(CURTAILMENTS + "/grid-connection-points/" + gcp, dno,
                Map.of("limitW", 12_000, "origin", "test")).status()).isEqualTo(200);

        Ev late = request(api, b, cb, "1", "late", 60_000, 11_000, departure);
        evs.add(late);
        assertThat(powerNow(schedules, late)).as("the request path leaves it what the others left: nothing").isZero();

        worker.runOnce();

        // none of the three can get its 60 kWh: each gets the same energy, a third of 12 kW x 2 h (the plan's slots
        // run up to one slot past the departure)
        double[] energies = evs.stream().mapToDouble(ev -> plannedWh(schedules, ev)).toArray();
        for (double wh : energies) {
            assertThat(wh).isBetween(7_500.0, 8_500.0);
        }
        assertThat(java.util.Arrays.stream(energies).max().getAsDouble() - java.util.Arrays.stream(energies).min()
                .getAsDouble()).as("equal shares (the slot in progress counts whole for the optimiser)").isLessThan(200);
        assertThat(maxSum(schedules, evs)).isLessThanOrEqualTo(12_000).isGreaterThan(11_900);
    }

    @Test
    void aDepartureFreesPowerThatTheOthersGetInTheirNextVersion() {
        String id = unique("ST");
        Credentials station = registerStation(id, 20_000, null);
        Ev leaving = request(api, id, station, "2", "s1", 60_000, 22_000, Duration.ofHours(3));
        Ev staying = request(api, id, station, "1", "s2", 60_000, 11_000, Duration.ofHours(3));
        worker.runOnce();
        StoredSchedule version = current(schedules, staying);
        assertThat(plannedWh(schedules, staying)).as("half of 20 kW x 3 h").isBetween(29_000.0, 31_000.0);
        assertThat(maxSum(schedules, List.of(leaving, staying))).isLessThanOrEqualTo(20_000);

        ReplanFixture.stop(api, leaving, 1);
        worker.runOnce();

        StoredSchedule next = current(schedules, staying);
        assertThat(next.version()).isEqualTo(version.version() + 1);
        assertThat(next.etag()).isNotEqualTo(version.etag());
        assertThat(powerNow(schedules, staying)).as("the outlet's 11 kW, freed by the departure").isEqualTo(11_000);
        assertThat(plannedWh(schedules, staying)).as("11 kW x 3 h").isBetween(32_000.0, 34_000.0);
    }

    @Test
    void pastPeriodsOfAReplannedScheduleStayAsTheyWere() throws InterruptedException {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Ev first = request(api, id, station, "2", "s1", 60_000, 22_000, Duration.ofHours(3));
        StoredSchedule old = current(schedules, first);
        Thread.sleep(1_100); // let the first schedule have a past (whole seconds)
        request(api, id, station, "1", "s2", 60_000, 11_000, Duration.ofHours(3));

        worker.runOnce();

        StoredSchedule next = current(schedules, first);
        assertThat(next.version()).isEqualTo(old.version() + 1);
        assertThat(next.plan().startTime()).isEqualTo(old.plan().startTime());
        long replannedAt = next.createdAt().getEpochSecond() - old.plan().startTime().getEpochSecond();
        List<SchedulePeriod> past = next.plan().periods().stream().filter(p -> p.offsetSeconds() < replannedAt).toList();
        assertThat(replannedAt).isPositive();
        assertThat(past).isNotEmpty()
                .isEqualTo(old.plan().periods().stream().filter(p -> p.offsetSeconds() < replannedAt).toList());
        assertThat(StepProfile.of(next.plan()).powerAt(next.createdAt().plusSeconds(1))).as("shared now").isLessThan(22_000);
        assertThat(schedules.history(id, "s1").get(0)).as("the old version is untouched").isEqualTo(old);
    }

    @Test
    void aMeterDeviationTriggersAReplanWithTheRemainingEnergy() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Ev ev = request(api, id, station, "1", "s1", 10_000, 11_000, Duration.ofHours(2));
        String other = unique("ST");
        Ev onPlan = request(api, other, registerStation(other, 22_000, null), "1", "s1", 10_000, 11_000,
                Duration.ofHours(2));
        worker.runOnce();
        StoredSchedule planned = current(schedules, ev);
        StoredSchedule otherPlanned = current(schedules, onPlan);
        Instant requested = Instant.now().minusSeconds(5);

        // 6 kWh more than the schedule allows so far (the EV got energy the plan did not count on)
        ReplanFixture.meter(api, ev, 1, requested.minusSeconds(3600), 10_000.0, Instant.now().plusSeconds(1), 16_000.0);
        ReplanFixture.meter(api, onPlan, 1, requested.minusSeconds(3600), 10_000.0, Instant.now().plusSeconds(1), 10_000.0);
        worker.runOnce();

        StoredSchedule replanned = current(schedules, ev);
        assertThat(replanned.version()).isEqualTo(planned.version() + 1);
        double plannedWh = StepProfile.of(replanned.plan()).energyWh(replanned.createdAt(), replanned.plan().validUntil());
        assertThat(plannedWh).as("10 kWh requested less the 6 kWh metered").isBetween(3_800.0, 4_100.0);
        assertThat(jdbc.sql("SELECT delivered_wh FROM replan_versions WHERE schedule_id = ?").param(replanned.id())
                .query(Double.class).single()).isEqualTo(6_000);
        assertThat(current(schedules, onPlan)).as("following its schedule: no re-plan").isEqualTo(otherPlanned);
    }

    @Test
    void theReplanAfterACurtailmentPlansTheRemainingEnergy() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Ev ev = request(api, id, station, "1", "s1", 10_000, 11_000, Duration.ofHours(2));
        ReplanFixture.meter(api, ev, 1, Instant.now().minusSeconds(3600), 0.0, Instant.now(), 8_000.0);

        Credentials dno = ReplanFixture.dnoAccount(api);
        assertThat(api.put(CURTAILMENTS + "/stations/" + id, dno, Map.of("limitW", 5_000, "origin", "test")).status())
                .isEqualTo(200);

        StoredSchedule replanned = current(schedules, ev);
        double plannedWh = StepProfile.of(replanned.plan()).energyWh(replanned.createdAt(), replanned.plan().validUntil());
        assertThat(plannedWh).as("the 2 kWh still needed, not the 10 kWh requested").isBetween(1_900.0, 2_100.0);
        assertThat(powerNow(schedules, ev)).isLessThan(1_100);
    }

    @Test
    void theSumOfTheSchedulesNeverExceedsTheGridConnectionPointLimit() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        List<String> stations = new ArrayList<>();
        List<Credentials> credentials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stations.add(unique("ST"));
            credentials.add(registerStation(stations.get(i), 22_000, gcp));
        }
        Random random = new Random(7);
        List<Ev> open = new ArrayList<>();
        Credentials dno = ReplanFixture.dnoAccount(api);
        double limit = 30_000;
        long sequence = 1;
        for (int step = 0; step < 12; step++) {
            int s = step % 3;
            String outlet = (step / 3) % 2 == 0 ? "1" : "2";
            if (open.stream().noneMatch(e -> e.stationId().equals(stations.get(s)) && e.outletId().equals(outlet))) {
                open.add(request(api, stations.get(s), credentials.get(s), outlet, "s" + step,
                        5_000 + random.nextInt(40_000), random.nextBoolean() ? 11_000 : 22_000,
                        Duration.ofMinutes(30 + random.nextInt(300))));
            }
            if (step == 5) {
                Api.Response c = api.put(CURTAILMENTS + "/grid-connection-points/" + gcp, dno,
                        Map.of("limitW", 14_000, "origin", "test"));
                limit = c.json().get("effectiveLimitW").asDouble();
            }
            if (step == 8) {
                ReplanFixture.stop(api, open.remove(0), sequence++);
            }
            if (step == 10) {
                assertThat(api.delete(CURTAILMENTS + "/grid-connection-points/" + gcp, dno).status()).isEqualTo(204);
                limit = 30_000;
            }
            assertThat(maxSum(schedules, open)).as("step " + step + ", before the round").isLessThanOrEqualTo(limit);
            if (step % 2 == 1) {
                worker.runOnce();
                assertThat(maxSum(schedules, open)).as("step " + step + ", after the round").isLessThanOrEqualTo(limit);
                for (String station : stations) {
                    assertThat(maxSum(schedules, open.stream().filter(e -> e.stationId().equals(station)).toList()))
                            .isLessThanOrEqualTo(22_000);
                }
            }
        }
        worker.runOnce();
        assertThat(maxSum(schedules, open)).as("the lifted limit is used again").isGreaterThan(14_000)
                .isLessThanOrEqualTo(30_000);
    }

    @Test
    void aRoundWithNothingNewStoresNoVersion() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Ev a = request(api, id, station, "2", "s1", 30_000, 22_000, Duration.ofHours(3));
        Ev b = request(api, id, station, "1", "s2", 30_000, 11_000, Duration.ofHours(3));
        worker.runOnce();
        StoredSchedule va = current(schedules, a);
        StoredSchedule vb = current(schedules, b);

        api.put("/api/v1/admin/stations/" + id + "/outlets/1", ADMIN, Map.of("id", "1", "maxPowerW", 11_000, "phases", 3));
        worker.runOnce(); // an edit that changes no limit: the same plan

        assertThat(current(schedules, a)).isEqualTo(va);
        assertThat(current(schedules, b)).isEqualTo(vb);
    }
}
