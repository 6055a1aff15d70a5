package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;

/** Station-side calls and schedule sums for the re-optimisation tests. */
final class ReplanFixture {
    private ReplanFixture() {
    }

    /** A session: its station, the station's credential, its id. */
    record Ev(String stationId, Credentials station, String sessionId, String outletId) {
    }

    static Ev request(Api api, String stationId, Credentials station, String outlet, String sessionId, double energyWh,
            double evMaxW, Duration stay) {
        return request(api, stationId, station, outlet, sessionId, energyWh, evMaxW, Instant.now().plus(stay));
    }

    static Ev request(Api api, String stationId, Credentials station, String outlet, String sessionId, double energyWh,
            double evMaxW, Instant departure) {
        Api.Response r = api.post("/api/v1/stations/" + stationId + "/charging-requests", station,
                Requests.chargingRequest(stationId, outlet, sessionId, energyWh, evMaxW, departure));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Ev(stationId, station, sessionId, outlet);
    }

    static void stop(Api api, Ev ev, long sequenceNumber) {
        assertThat(api.post("/api/v1/stations/" + ev.stationId() + "/session-records", ev.station(),
                Requests.sessionRecord(ev.stationId(), sequenceNumber, "STOP", ev.sessionId(), ev.outletId())).status())
                .isEqualTo(201);
    }

    /** Sends meter readings of the session's outlet: (time, energy register) pairs. */
    static void meter(Api api, Ev ev, long firstSequenceNumber, Object... timeAndEnergy) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < timeAndEnergy.length; i += 2) {
            items.add(Map.of("sequenceNumber", firstSequenceNumber + i / 2, "timestamp", timeAndEnergy[i].toString(),
                    "outletId", ev.outletId(), "sessionId", ev.sessionId(), "energyWh", timeAndEnergy[i + 1],
                    "powerW", 0));
        }
        Api.Response r = api.post("/api/v1/stations/" + ev.stationId() + "/meter-values", ev.station(),
                Requests.meterBatch(ev.stationId(), items));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static Credentials dnoAccount(Api api) {
        String name = "dno-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = api.post("/api/v1/admin/users", IntegrationTest.ADMIN,
                Map.of("name", name, "roles", List.of("DNO"))).json().get("password").asString();
        return new Credentials(name, password);
    }

    static StoredSchedule current(ScheduleRepository schedules, Ev ev) {
        return schedules.current(ev.stationId(), ev.sessionId()).orElseThrow();
    }

    static double powerNow(ScheduleRepository schedules, Ev ev) {
        return StepProfile.of(current(schedules, ev).plan()).powerAt(Instant.now());
    }

    /** The energy the session's current schedule allows from now on, Wh. */
    static double plannedWh(ScheduleRepository schedules, Ev ev) {
        StoredSchedule s = current(schedules, ev);
        return StepProfile.of(s.plan()).energyWh(Instant.now(), s.plan().validUntil());
    }

    /** The highest sum of the sessions' current schedules at any moment from now on, W. */
    static double maxSum(ScheduleRepository schedules, List<Ev> evs) {
        Instant now = Instant.now();
        List<StepProfile> profiles = evs.stream()
                .map(ev -> schedules.current(ev.stationId(), ev.sessionId()))
                .flatMap(java.util.Optional::stream).map(s -> StepProfile.of(s.plan())).toList();
        List<Instant> points = new ArrayList<>();
        Instant end = now.plus(Duration.ofDays(2));
        profiles.forEach(p -> points.addAll(p.breakpoints(now, end)));
        double max = 0;
        for (Instant t : points) {
            max = Math.max(max, profiles.stream().mapToDouble(p -> p.powerAt(t)).sum());
        }
        return max;
    }
}
