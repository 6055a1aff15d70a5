package org.chargeflex.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chargeflex.systemtest.harness.CioAdmin;
import org.chargeflex.systemtest.harness.Http;

/**
 * One charging request through a throw-away station before the fleet arrives. The CIO's first plan costs seconds
 * (class loading and JIT of the planner, JSON and JDBC paths); at the demo's speed that would be an hour of a
 * compressed day for the first EV. The station, not on the demo's grid connection point, is deleted again with
 * everything it caused (sessions, schedules cascade).
 */
final class CioWarmUp {
    private static final String STATION = "DEMO-WARM-UP";

    private CioWarmUp() {
    }

    static void run(String cioBaseUrl, Http admin) {
        CioAdmin.expect(201, admin.post("/api/v1/admin/stations", Map.of("id", STATION,
                "station", Map.of("name", "warm-up", "maxPowerW", 11_000),
                "outlets", List.of(Map.of("id", "1", "maxPowerW", 11_000, "phases", 3)))), "register the warm-up station");
        try {
            String secret = CioAdmin.expect(200, admin.post("/api/v1/admin/stations/" + STATION + "/credential", "{}"),
                    "warm-up credential").json().get("secret").asText();
            Http station = new Http(cioBaseUrl, STATION, secret);
            Map<String, Object> ev = Map.of("energyDemandWh", 1000, "maxCurrentA", 16, "minCurrentA", 6, "phases", 3,
                    "plannedDeparture", Instant.now().plusSeconds(3600).toString());
            for (int i = 0; i < 3; i++) {
                CioAdmin.expect(200, station.post("/api/v1/stations/" + STATION + "/charging-requests",
                        Map.of("stationId", STATION, "outletId", "1", "sessionId", UUID.randomUUID().toString(),
                                "user", Map.of("type", "RFID", "token", "0000WARM"), "ev", ev)), "warm-up request");
            }
        } finally {
            CioAdmin.expect(204, admin.delete("/api/v1/admin/stations/" + STATION), "delete the warm-up station");
        }
    }
}
