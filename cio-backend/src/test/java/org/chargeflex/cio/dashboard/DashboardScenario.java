package org.chargeflex.cio.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Seeds a small fleet through the real APIs: a grid connection point (40 kW) with stations A, B, C at different places;
 * sessions on A (outlet 1, re-planned once) and B (outlet 2) that started {@link #MINUTES} minutes ago, and meter
 * values once a minute: A and B with their session ids, C without a session for part of the time. The first schedule
 * versions are moved back to the sessions' start in the database (the API can only plan from "now").
 */
final class DashboardScenario {
    static final int MINUTES = 50;
    static final double LIMIT_W = 40_000;
    /** C charges without a session in these minutes [from, to). */
    static final int C_FROM = 15;
    static final int C_TO = 45;
    static final double C_POWER_W = 7_400;

    final String gridPoint;
    final String stationA;
    final String stationB;
    final String stationC;
    final String sessionA = "sess-a";
    final String sessionB = "sess-b";
    /** The start of the sessions and the time of meter value 0 (a whole minute). */
    final Instant base;
    final double scheduledA;
    final double scheduledB;

    private DashboardScenario(String suffix, Instant base, double scheduledA, double scheduledB) {
        this.gridPoint = "FEEDER-" + suffix;
        this.stationA = "ST-A-" + suffix;
        this.stationB = "ST-B-" + suffix;
        this.stationC = "ST-C-" + suffix;
        this.base = base;
        this.scheduledA = scheduledA;
        this.scheduledB = scheduledB;
    }

    double powerA(int minute) {
        return Math.min(1.0, (minute + 1) / 4.0) * scheduledA * (0.94 + 0.04 * Math.sin(minute / 4.0));
    }

    double powerB(int minute) {
        return scheduledB * (0.9 + 0.08 * Math.cos(minute / 5.0));
    }

    double powerC(int minute) {
        return minute >= C_FROM && minute < C_TO ? C_POWER_W : 0;
    }

    /** What the dashboard should show for the grid connection point in minute i. */
    double aggregate(int minute) {
        return powerA(minute) + powerB(minute) + powerC(minute);
    }

    Instant at(int minute) {
        return base.plus(Duration.ofMinutes(minute));
    }

    static DashboardScenario seed(Api api, JdbcClient jdbc) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Credentials admin = IntegrationTest.ADMIN;
        String gridPoint = "FEEDER-" + suffix;
        expect(api.put("/api/v1/admin/grid-connection-points/" + gridPoint, admin,
                Map.of("name", "Feeder Moabit " + suffix, "maxPowerW", LIMIT_W)), 200);
        Credentials a = station(api, "ST-A-" + suffix, "Hauptbahnhof P1", 52.5251, 13.3694, gridPoint);
        Credentials b = station(api, "ST-B-" + suffix, "Alexanderplatz Garage", 52.5219, 13.4132, gridPoint);
        Credentials c = station(api, "ST-C-" + suffix, "Tempelhof Depot", 52.4736, 13.4017, gridPoint);

        Instant now = Instant.now();
        Instant base = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES));
        double scheduledA = plan(api, a, "sess-a", "1", 60_000, 22_000, now.plus(Duration.ofHours(4)));
        double scheduledB = plan(api, b, "sess-b", "2", 20_000, 11_000, now.plus(Duration.ofHours(3)));
        // Version 1 of both schedules as if planned at the sessions' start.
        jdbc.sql("""
                UPDATE schedules SET valid_until = valid_until - (start_time - :base), start_time = :base
                WHERE station_id IN (:a, :b)""")
                .param("base", java.sql.Timestamp.from(base)).param("a", a.user()).param("b", b.user()).update();
        // A re-plans now: version 2 replaces version 1 from now on.
        plan(api, a, "sess-a", "1", 55_000, 22_000, now.plus(Duration.ofHours(4)));

        DashboardScenario s = new DashboardScenario(suffix, base, scheduledA, scheduledB);
        start(api, a, "sess-a", "1", base);
        start(api, b, "sess-b", "2", base);
        List<Map<String, Object>> va = new ArrayList<>();
        List<Map<String, Object>> vb = new ArrayList<>();
        List<Map<String, Object>> vc = new ArrayList<>();
        double ea = 0;
        double eb = 0;
        double ec = 0;
        for (int i = 0; i < MINUTES; i++) {
            ea += s.powerA(i) / 60;
            eb += s.powerB(i) / 60;
            ec += s.powerC(i) / 60;
            va.add(meterValue(1000 + i, s.at(i), "1", "sess-a", ea, s.powerA(i)));
            vb.add(meterValue(1000 + i, s.at(i), "2", "sess-b", eb, s.powerB(i)));
            if (i >= C_FROM && i < C_TO) {
                vc.add(meterValue(1000 + i, s.at(i), "1", null, ec, s.powerC(i)));
            }
        }
        // A's other outlet is idle (0 W, no session): counts for the aggregate, not for session A.
        va.add(meterValue(5000, s.at(MINUTES - 1), "2", null, 0, 0));
        expect(api.post("/api/v1/stations/" + a.user() + "/meter-values", a, Requests.meterBatch(a.user(), va)), 200);
        expect(api.post("/api/v1/stations/" + b.user() + "/meter-values", b, Requests.meterBatch(b.user(), vb)), 200);
        expect(api.post("/api/v1/stations/" + c.user() + "/meter-values", c, Requests.meterBatch(c.user(), vc)), 200);
        return s;
    }

    private static Credentials station(Api api, String id, String name, double lat, double lon, String gridPoint) {
        Map<String, Object> station = new HashMap<>();
        station.put("name", name);
        station.put("latitude", lat);
        station.put("longitude", lon);
        station.put("gridConnectionPoint", gridPoint);
        station.put("maxPowerW", 44_000);
        expect(api.post("/api/v1/admin/stations", IntegrationTest.ADMIN, Map.of("id", id, "station", station,
                "outlets", List.of(Map.of("id", "1", "maxPowerW", 22_000, "phases", 3),
                        Map.of("id", "2", "maxPowerW", 22_000, "phases", 3)))), 201);
        Api.Response credential = api.post("/api/v1/admin/stations/" + id + "/credential", IntegrationTest.ADMIN, null);
        expect(credential, 200);
        return new Credentials(id, credential.json().get("secret").asString());
    }

    /** Requests a schedule and returns its highest period power, W. */
    private static double plan(Api api, Credentials station, String session, String outlet, double energyWh,
            double evMaxW, Instant departure) {
        Api.Response r = api.post("/api/v1/stations/" + station.user() + "/charging-requests", station,
                Requests.chargingRequest(station.user(), outlet, session, energyWh, evMaxW, departure));
        expect(r, 200);
        double max = 0;
        for (JsonNode period : r.json().get("periods")) {
            max = Math.max(max, period.get("maxPowerW").asDouble());
        }
        if (max <= 0) {
            throw new IllegalStateException("the planner gave no power: " + r.body());
        }
        return max;
    }

    private static void start(Api api, Credentials station, String session, String outlet, Instant at) {
        Map<String, Object> record = new HashMap<>();
        record.put("stationId", station.user());
        record.put("sequenceNumber", 1);
        record.put("kind", "START");
        record.put("sessionId", session);
        record.put("outletId", outlet);
        record.put("user", Map.of("type", "RFID", "token", "04A1B2C3"));
        record.put("startTime", at.toString());
        record.put("startEnergyWh", 0);
        int status = api.post("/api/v1/stations/" + station.user() + "/session-records", station, record).status();
        if (status != 201) {
            throw new IllegalStateException("session start refused: " + status);
        }
    }

    private static Map<String, Object> meterValue(long sequence, Instant at, String outlet, String session,
            double energyWh, double powerW) {
        Map<String, Object> v = new HashMap<>();
        v.put("sequenceNumber", sequence);
        v.put("timestamp", at.toString());
        v.put("outletId", outlet);
        v.put("sessionId", session);
        v.put("energyWh", energyWh);
        v.put("powerW", powerW);
        return v;
    }

    private static void expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response);
        }
    }
}
