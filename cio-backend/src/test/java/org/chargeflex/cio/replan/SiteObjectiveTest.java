package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.cio.replan.ReplanFixture.current;
import static org.chargeflex.cio.replan.ReplanFixture.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.replan.ReplanFixture.Ev;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A site's objective and series in both planners (the request path's single-session plan and the joint re-plan), over
 * real HTTP on the running application and the embedded PostgreSQL. Series steps lie on quarter hours after now.
 */
class SiteObjectiveTest extends IntegrationTest {
    @Autowired
    ReplanWorker worker;
    @Autowired
    ScheduleRepository schedules;

    private static Instant nextQuarter() {
        long s = Instant.now().getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, 900) + 900);
    }

    private void planning(String gcp, Map<String, Object> body) {
        Api.Response r = api.put("/api/v1/admin/grid-connection-points/" + gcp + "/planning", ADMIN, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static Map<String, Object> step(Instant from, String field, double value) {
        return Map.of("from", from.toString(), field, value);
    }

    private StepProfile plan(Ev ev) {
        return StepProfile.of(current(schedules, ev).plan());
    }

    private static double energy(StepProfile p, Instant from, Instant to) {
        Instant now = Instant.now();
        return p.energyWh(from.isBefore(now) ? now : from, to);
    }

    @Test
    void tariffPutsTheEnergyIntoTheCheapNightWindowInBothPlanners() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        String st = unique("ST");
        Credentials station = registerStation(st, 22_000, gcp);
        Instant t0 = nextQuarter();
        Instant cheapFrom = t0.plus(Duration.ofHours(2));
        Instant cheapTo = t0.plus(Duration.ofHours(4));
        planning(gcp, Map.of("objective", "TARIFF", "prices", List.of(
                step(t0.minus(Duration.ofHours(1)), "pricePerKWh", 0.40), step(cheapFrom, "pricePerKWh", 0.10),
                step(cheapTo, "pricePerKWh", 0.40))));
        Ev ev = request(api, st, station, "1", "night", 15_000, 11_000, t0.plus(Duration.ofHours(6)));

        StepProfile requested = plan(ev);
        assertThat(requested.powerAt(Instant.now())).as("expensive now: the request path waits").isZero();
        assertThat(energy(requested, cheapFrom, cheapTo)).as("request path: all 15 kWh in the cheap window")
                .isBetween(14_900.0, 15_000.0);

        worker.runOnce();
        StepProfile joint = plan(ev);
        assertThat(energy(joint, cheapFrom, cheapTo)).as("joint re-plan: all in the cheap window").isBetween(14_900.0, 15_100.0);
        assertThat(energy(joint, Instant.now(), t0.plus(Duration.ofHours(7)))).as("and no more than the demand")
                .isBetween(14_900.0, 15_100.0);
        assertThat(joint.maxOver(Instant.now(), t0.plus(Duration.ofHours(7)))).isLessThanOrEqualTo(11_000);
    }

    @Test
    void renewableFollowsTheForecastPeak() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        String st = unique("ST");
        Credentials station = registerStation(st, 22_000, gcp);
        Instant t0 = nextQuarter();
        Instant sunFrom = t0.plus(Duration.ofHours(1));
        Instant sunTo = t0.plus(Duration.ofHours(3));
        planning(gcp, Map.of("objective", "RENEWABLE", "renewableForecast", List.of(
                step(t0.minus(Duration.ofHours(1)), "valueW", 0), step(sunFrom, "valueW", 10_000),
                step(sunTo, "valueW", 0))));
        Ev ev = request(api, st, station, "1", "sun", 15_000, 11_000, t0.plus(Duration.ofHours(5)));
        // the request path's slots run from now to the departure, not on quarter hours: the two slots across the
        // forecast's edges see its average there, so a little energy lands just outside the sunny hours
        assertThat(energy(plan(ev), sunFrom, sunTo)).as("request path: mostly in the sunny hours")
                .isBetween(13_500.0, 15_000.0);
        assertThat(plan(ev).powerAt(Instant.now())).as("request path: no sun now").isZero();

        worker.runOnce();
        StepProfile joint = plan(ev);
        assertThat(joint.powerAt(Instant.now())).as("no sun now").isZero();
        assertThat(energy(joint, sunFrom, sunTo)).as("all 15 kWh from the 20 kWh forecast").isBetween(14_900.0, 15_100.0);
        assertThat(joint.maxOver(sunFrom, sunTo)).as("never above the forecast").isLessThanOrEqualTo(10_000);
    }

    @Test
    void peakWithABaseLoadKeepsBasePlusChargingFlatAndUnderTheLimit() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        String st = unique("ST");
        Credentials station = registerStation(st, 22_000, gcp);
        Instant t0 = nextQuarter();
        Instant low = t0.plus(Duration.ofHours(2));
        Instant departure = t0.plus(Duration.ofHours(4));
        planning(gcp, Map.of("baseLoad", List.of(step(t0.minus(Duration.ofHours(1)), "valueW", 20_000),
                step(low, "valueW", 5_000))));
        Ev ev = request(api, st, station, "2", "base", 28_000, 22_000, departure);
        worker.runOnce();

        StepProfile joint = plan(ev);
        StoredSchedule s = current(schedules, ev);
        double max = 0;
        double min = Double.MAX_VALUE;
        for (Instant t : joint.breakpoints(Instant.now(), departure)) {
            double total = (t.isBefore(low) ? 20_000 : 5_000) + joint.powerAt(t);
            assertThat(total).as("base + charging at " + t).isLessThanOrEqualTo(30_000);
            max = Math.max(max, total);
            min = Math.min(min, total);
        }
        // 28 kWh over the 2 low hours: 14 kW on 5 kW base = 19 kW; the high hours (20 kW base) get nothing
        assertThat(max).as("the peak of base + charging is the base peak, 20 kW, not 20 + 7 kW").isLessThanOrEqualTo(20_000);
        assertThat(joint.maxOver(Instant.now(), low)).as("nothing during the high base load").isLessThanOrEqualTo(1_000);
        assertThat(joint.maxOver(low, departure) - minOver(joint, low, departure)).as("flat in the valley").isLessThan(500);
        assertThat(joint.energyWh(Instant.now(), s.plan().validUntil())).isBetween(27_900.0, 28_100.0);
        assertThat(min).isGreaterThan(0);
    }

    private static double minOver(StepProfile p, Instant from, Instant to) {
        double min = Double.MAX_VALUE;
        for (Instant t : p.breakpoints(from, to)) {
            if (t.isBefore(to)) {
                min = Math.min(min, p.powerAt(t));
            }
        }
        return min;
    }
}
