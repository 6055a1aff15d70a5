package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.replan.ReplanFixture.Ev;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The station turns a power limit into a current with the MEASURED voltage, so a power planned as 6 A x phases x 230 V
 * becomes less than 6 A (the IEC 61851 minimum: the EV pauses) whenever the grid is above 230 V. The CIO plans an EV's
 * minimum power at the highest phase voltage EN 50160 allows (253 V), on the request path and in the joint re-plan.
 */
class MinimumCurrentAtHighVoltageTest extends IntegrationTest {
    private static final double MIN_CURRENT_A = 6;
    private static final int PHASES = 3;
    private static final double HIGHEST_VOLTAGE_V = 253;

    @Autowired
    ReplanWorker worker;
    @Autowired
    ScheduleRepository schedules;

    @Test
    void aRequestNeverPlansAChargingPowerBelowTheMinimumCurrentAtTheHighestGridVoltage() {
        Instant departure = Instant.now().plus(Duration.ofHours(4));
        // 4 500 W is 6 A at 250 V only: 5.93 A at 253 V, where the EV would pause; the plan pauses it instead
        String tight = unique("ST");
        Ev paused = request(tight, registerStation(tight, 4_500, null), "s1", 20_000, departure);
        // 4 600 W leaves room for 6 A x 3 x 253 V = 4 554 W
        String room = unique("ST");
        Ev charging = request(room, registerStation(room, 4_600, null), "s1", 20_000, departure);

        assertThat(ReplanFixture.current(schedules, paused).plan().periods()).extracting(SchedulePeriod::maxPowerW)
                .containsOnly(0.0);
        List<SchedulePeriod> periods = ReplanFixture.current(schedules, charging).plan().periods();
        assertThat(periods.get(0).maxPowerW()).isBetween(4_554.0, 4_600.0);
        assertEveryChargingPeriodKeepsTheMinimumCurrentAtTheHighestVoltage(periods);
    }

    @Test
    void aJointReplanSharingATightLimitKeepsEachChargingEvAtTheMinimumCurrentAtTheHighestGridVoltage() {
        String id = unique("ST");
        // two EVs with 6 A minimum on 3 phases share 9 kW: 4 500 W each would be 6 A only at 250 V or less
        Credentials station = registerStation(id, 9_000, null);
        Instant departure = Instant.now().plus(Duration.ofHours(4));
        Ev first = request(id, station, "s1", 60_000, departure);
        Ev second = request(id, station, "s2", 60_000, departure);

        worker.runOnce();

        for (Ev ev : List.of(first, second)) {
            assertEveryChargingPeriodKeepsTheMinimumCurrentAtTheHighestVoltage(
                    ReplanFixture.current(schedules, ev).plan().periods());
        }
        assertThat(ReplanFixture.maxSum(schedules, List.of(first, second))).isLessThanOrEqualTo(9_000);
    }

    private static void assertEveryChargingPeriodKeepsTheMinimumCurrentAtTheHighestVoltage(List<SchedulePeriod> periods) {
        for (SchedulePeriod p : periods) {
            if (p.maxPowerW() > 0) {
                assertThat(p.maxPowerW() / (PHASES * HIGHEST_VOLTAGE_V)).as("current at 253 V of %s", p)
                        .isGreaterThanOrEqualTo(MIN_CURRENT_A);
            }
        }
    }

    private Ev request(String stationId, Credentials station, String sessionId, double energyWh, Instant departure) {
        String outlet = "s1".equals(sessionId) ? "1" : "2";
        Map<String, Object> body = Requests.chargingRequest(stationId, outlet, sessionId, energyWh, 11_000, departure);
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) body.get("ev");
        ev.put("minCurrentA", MIN_CURRENT_A);
        ev.put("phases", PHASES);
        Api.Response r = api.post("/api/v1/stations/" + stationId + "/charging-requests", station, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Ev(stationId, station, sessionId, outlet);
    }
}
