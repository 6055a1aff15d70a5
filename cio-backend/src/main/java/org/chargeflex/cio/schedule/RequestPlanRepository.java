package org.chargeflex.cio.schedule;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores planned charging requests, all of a planning batch in one statement: it upserts the batch's session rows with
 * their requests' data and new current plans (version, committed peak, validity) and inserts those schedule versions,
 * from one array per column ({@code unnest}). So a request writes its session row once: it used to be written twice
 * (the request data, then the plan), two heap tuples per request and long HOT chains, when PostgreSQL was a large
 * share of the CPU per request under load; and a batch is one statement, where it was one per request (a JDBC batch:
 * each its own executor start, plan and trigger queue; bench/RESULTS.md, issue 5, session 8).
 *
 * <p>A finished session is left as it is, and so is a session whose version is no longer the one before the new
 * (never expected under the planning locks): that request stores nothing, and the others of the batch are stored. Two
 * requests of one session in a batch go into successive statements, in their order (one statement cannot update a
 * row twice), so the second is stored as the next version of the first. Call in the transaction that holds the
 * planning locks, after the batch's limits ({@link BatchLimitsSource#open}).
 */
@Repository
class RequestPlanRepository {
    /**
     * One row of {@code req} per request; its periods are the slice {@code [period_from:period_to]} of the two period
     * arrays, which hold all the batch's periods one request after the other. The times go as ISO-8601 text, parsed and
     * rounded to microseconds by PostgreSQL (four-digit years only: {@code ScheduleService} refuses departures outside
     * 1970-9999 before they reach a batch, so one request's time cannot fail the others' statement). The schedule row
     * takes its session, version, validity and peak from the upserted session row.
     */
    private static final String SAVE_REQUESTS_WITH_PLANS = """
            WITH req AS MATERIALIZED (
                SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                     CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS float8[]),
                                     CAST(? AS float8[]), CAST(? AS float8[]), CAST(? AS int[]),
                                     CAST(? AS timestamptz[]), CAST(? AS varchar[]), CAST(? AS int[]),
                                     CAST(? AS float8[]), CAST(? AS timestamptz[]), CAST(? AS varchar[]),
                                     CAST(? AS timestamptz[]), CAST(? AS int[]), CAST(? AS int[]), CAST(? AS int[]),
                                     CAST(? AS varchar[]), CAST(? AS bigint[]))
                    AS r(station_id, id, outlet_id, user_type, user_token, energy_demand_wh, ev_max_power_w,
                         ev_min_power_w, phases, planned_departure, management_service_url, schedule_version,
                         planned_peak_w, plan_valid_until, schedule_id, start_time, poll_interval_s, period_from,
                         period_to, origin, management_service_id)),
            saved AS (
                INSERT INTO sessions (station_id, id, outlet_id, user_type, user_token, energy_demand_wh, ev_max_power_w,
                                      ev_min_power_w, phases, planned_departure, management_service_url, state,
                                      schedule_version, planned_peak_w, plan_valid_until)
                SELECT station_id, id, outlet_id, user_type, user_token, energy_demand_wh, ev_max_power_w,
                       ev_min_power_w, phases, planned_departure, management_service_url, 'PLANNED',
                       schedule_version, planned_peak_w, plan_valid_until
                FROM req
                ON CONFLICT (station_id, id) DO UPDATE SET
                    outlet_id = excluded.outlet_id, user_type = excluded.user_type, user_token = excluded.user_token,
                    energy_demand_wh = excluded.energy_demand_wh, ev_max_power_w = excluded.ev_max_power_w,
                    ev_min_power_w = excluded.ev_min_power_w, phases = excluded.phases,
                    planned_departure = excluded.planned_departure,
                    management_service_url = excluded.management_service_url, updated_at = now(),
                    schedule_version = excluded.schedule_version, planned_peak_w = excluded.planned_peak_w,
                    plan_valid_until = excluded.plan_valid_until
                WHERE sessions.state <> 'FINISHED' AND sessions.schedule_version = excluded.schedule_version - 1
                RETURNING station_id, id, schedule_version, plan_valid_until, planned_peak_w)
            INSERT INTO schedules (id, station_id, session_id, version, start_time, valid_until, poll_interval_s,
                                   period_offsets_s, period_max_power_w, peak_power_w, origin, management_service_id)
            SELECT r.schedule_id, s.station_id, s.id, s.schedule_version, r.start_time, s.plan_valid_until,
                   r.poll_interval_s, (CAST(? AS bigint[]))[r.period_from:r.period_to],
                   (CAST(? AS float8[]))[r.period_from:r.period_to], s.planned_peak_w, r.origin,
                   r.management_service_id
            FROM saved s JOIN req r ON r.station_id = s.station_id AND r.id = s.id
            RETURNING id""";

    /**
     * A charging request with the EV's power limits as the CIO plans with them, and the session's next version
     * planned for it ({@code version.version()}: the session's current version plus one, 1 for a new session).
     */
    record PlannedRequest(ChargingRequest request, double evMaxPowerW, double evMinPowerW,
            ScheduleRepository.NewVersion version) {
    }

    private final JdbcTemplate jdbc;

    RequestPlanRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the requests and their versions, in order.
     *
     * @return per request, its stored schedule, or empty if nothing was stored: its session has finished (or, never
     *         expected under the planning locks, its version moved)
     */
    List<Optional<StoredSchedule>> save(List<PlannedRequest> requests) {
        List<String> ids = new ArrayList<>(requests.size());
        for (PlannedRequest r : requests) {
            check(r);
            ids.add(UUID.randomUUID().toString());
        }
        Set<String> stored = new HashSet<>();
        for (List<Integer> round : rounds(requests)) {
            stored.addAll(store(round.stream().map(requests::get).toList(), round.stream().map(ids::get).toList()));
        }
        List<Optional<StoredSchedule>> answer = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            answer.add(stored.contains(ids.get(i)) ? Optional.of(requests.get(i).version().stored(ids.get(i)))
                    : Optional.empty());
        }
        return answer;
    }

    /**
     * The requests' indexes in statements that each hold a session at most once: the first request of every session
     * in the first, the second of a session in the second, and so on (in order within each).
     */
    private static List<List<Integer>> rounds(List<PlannedRequest> requests) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ScheduleRepository.NewVersion v = requests.get(i).version();
            int round = seen.merge(BatchLimits.key(v.stationId(), v.sessionId()), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        return rounds;
    }

    /** Stores requests of distinct sessions in one statement; returns the ids of the schedules stored. */
    private Set<String> store(List<PlannedRequest> requests, List<String> ids) {
        int n = requests.size();
        int[] periodFrom = new int[n];
        int[] periodTo = new int[n];
        long[] offsets = new long[requests.stream().mapToInt(r -> r.version().plan().periods().size()).sum()];
        double[] powers = new double[offsets.length];
        int p = 0;
        for (int i = 0; i < n; i++) {
            periodFrom[i] = p + 1; // PostgreSQL arrays count from 1
            for (SchedulePeriod period : requests.get(i).version().plan().periods()) {
                offsets[p] = period.offsetSeconds();
                powers[p] = period.maxPowerW();
                p++;
            }
            periodTo[i] = p;
        }
        IntFunction<ChargingRequest> q = i -> requests.get(i).request();
        IntFunction<ScheduleRepository.NewVersion> v = i -> requests.get(i).version();
        // the columns of req in the statement's order: an SQL element type and the value of request i
        List<Column> columns = List.of(
                new Column("varchar", i -> v.apply(i).stationId()),
                new Column("varchar", i -> v.apply(i).sessionId()),
                new Column("varchar", i -> q.apply(i).outletId()),
                new Column("varchar", i -> q.apply(i).user().type().name()),
                new Column("varchar", i -> q.apply(i).user().token()),
                new Column("float8", i -> q.apply(i).ev().energyDemandWh()),
                new Column("float8", i -> requests.get(i).evMaxPowerW()),
                new Column("float8", i -> requests.get(i).evMinPowerW()),
                new Column("int4", i -> q.apply(i).ev().phases()),
                new Column("timestamptz", i -> q.apply(i).ev().plannedDeparture().toString()),
                new Column("varchar", i -> q.apply(i).managementServiceUrl() == null ? null
                        : q.apply(i).managementServiceUrl().toString()),
                new Column("int4", i -> v.apply(i).version()),
                new Column("float8", i -> v.apply(i).committedPeakW()),
                new Column("timestamptz", i -> v.apply(i).plan().validUntil().toString()),
                new Column("varchar", ids::get),
                new Column("timestamptz", i -> v.apply(i).plan().startTime().toString()),
                new Column("int4", i -> v.apply(i).pollIntervalSeconds()),
                new Column("int4", i -> periodFrom[i]),
                new Column("int4", i -> periodTo[i]),
                new Column("varchar", i -> v.apply(i).origin().name()),
                new Column("int8", i -> v.apply(i).managementServiceId()));
        Set<String> stored = new HashSet<>();
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement(SAVE_REQUESTS_WITH_PLANS);
            int i = 0;
            for (Column c : columns) {
                Object[] values = IntStream.range(0, n).mapToObj(c.value()).toArray();
                ps.setArray(++i, connection.createArrayOf(c.type(), values));
            }
            ps.setObject(++i, offsets);
            ps.setObject(++i, powers);
            return ps;
        }, rs -> {
            stored.add(rs.getString(1));
        });
        return stored;
    }

    /** A column of the statement's {@code req}: its element type and its value for the request at an index. */
    private record Column(String type, IntFunction<Object> value) {
    }

    private static void check(PlannedRequest r) {
        ChargingRequest request = r.request();
        if (!request.stationId().equals(r.version().stationId())
                || !request.sessionId().equals(r.version().sessionId())) {
            throw new IllegalArgumentException("the version of " + r.version().stationId() + "/"
                    + r.version().sessionId() + " is not for the request of " + request.stationId() + "/"
                    + request.sessionId());
        }
    }
}
