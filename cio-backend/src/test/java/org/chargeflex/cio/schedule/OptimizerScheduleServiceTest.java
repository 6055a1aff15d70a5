package org.chargeflex.cio.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.chargeflex.cio.optimizer.FleetOptimizerPlanner;
import org.chargeflex.cio.optimizer.SchedulePlanner;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The schedule service plans with the load-management optimiser (issue 6). */
class OptimizerScheduleServiceTest extends IntegrationTest {
    @Autowired
    SchedulePlanner planner;

    @Test
    void theScheduleServiceReturnsTheOptimisersSchedule() {
        assertThat(planner).isInstanceOf(FleetOptimizerPlanner.class);
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Map<String, Object> body = Requests.chargingRequest(id, "1", "s1", 1_380, 11_000,
                Instant.now().plus(Duration.ofHours(4)));
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) body.get("ev");
        ev.put("minPowerW", 4_140);

        Api.Response r = api.post("/api/v1/stations/" + id + "/charging-requests", station, body);

        assertThat(r.status()).isEqualTo(200);
        JsonNode periods = r.json().get("periods");
        // the optimiser's slots (15 min): one slot at 5.52 kW delivers 1.38 kWh, then pause; never below 4.14 kW
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).get("maxPowerW").asDouble()).isEqualTo(5_520);
        assertThat(periods.get(1).get("offsetSeconds").asLong()).isEqualTo(900);
        assertThat(periods.get(1).get("maxPowerW").asDouble()).isZero();
    }
}
