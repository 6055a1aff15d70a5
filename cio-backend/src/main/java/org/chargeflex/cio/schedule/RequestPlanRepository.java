package org.chargeflex.cio.schedule;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chargeflex.cio.contract.ChargingRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Stores planned charging requests, all of a planning batch in one round trip (a JDBC batch) of one statement per
 * request: it upserts the session row with the request's data and its new current plan (version, committed peak,
 * validity) and inserts that schedule version. So a request writes its session row once: it used to be written twice
 * (the request data, then the plan), two heap tuples per request and long HOT chains, when PostgreSQL was a large
 * share of the CPU per request under load (bench/RESULTS.md, issue 5).
 *
 * <p>A finished session is left as it is, and so is a session whose version is no longer the one before the new
 * (never expected under the planning locks): that request stores nothing, and the others of the batch are stored.
 * Call in the transaction that holds the planning locks, after reading the limits ({@link BatchLimitsRepository}).
 */
@Repository
class RequestPlanRepository {
    private static final String SAVE_REQUEST_WITH_PLAN = """
            WITH saved AS (
                INSERT INTO sessions (station_id, id, outlet_id, user_type, user_token, energy_demand_wh, ev_max_power_w,
                                      ev_min_power_w, phases, planned_departure, management_service_url, state,
                                      schedule_version, planned_peak_w, plan_valid_until)
                VALUES (:station, :session, :outlet, :userType, :userToken, :demand, :max, :min, :phases, :departure,
                        :url, 'PLANNED', :version, :peak, :until)
                ON CONFLICT (station_id, id) DO UPDATE SET
                    outlet_id = excluded.outlet_id, user_type = excluded.user_type, user_token = excluded.user_token,
                    energy_demand_wh = excluded.energy_demand_wh, ev_max_power_w = excluded.ev_max_power_w,
                    ev_min_power_w = excluded.ev_min_power_w, phases = excluded.phases,
                    planned_departure = excluded.planned_departure,
                    management_service_url = excluded.management_service_url, updated_at = now(),
                    schedule_version = excluded.schedule_version, planned_peak_w = excluded.planned_peak_w,
                    plan_valid_until = excluded.plan_valid_until
                WHERE sessions.state <> 'FINISHED' AND sessions.schedule_version = excluded.schedule_version - 1
                RETURNING schedule_version)
            INSERT INTO schedules (id, station_id, session_id, version, start_time, valid_until, poll_interval_s,
                                   period_offsets_s, period_max_power_w, peak_power_w, origin, management_service_id)
            SELECT :id, :station, :session, schedule_version, :start, :until, :poll, :offsets, :powers, :peak,
                   :origin, :service
            FROM saved""";

    /**
     * A charging request with the EV's power limits as the CIO plans with them, and the session's next version
     * planned for it ({@code version.version()}: the session's current version plus one, 1 for a new session).
     */
    record PlannedRequest(ChargingRequest request, double evMaxPowerW, double evMinPowerW,
            ScheduleRepository.NewVersion version) {
    }

    private final NamedParameterJdbcTemplate batch;

    RequestPlanRepository(NamedParameterJdbcTemplate batch) {
        this.batch = batch;
    }

    /**
     * Stores the requests and their versions, in order.
     *
     * @return per request, its stored schedule, or empty if nothing was stored: its session has finished (or, never
     *         expected under the planning locks, its version moved)
     */
    List<Optional<StoredSchedule>> save(List<PlannedRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(requests.size());
        SqlParameterSource[] params = new SqlParameterSource[requests.size()];
        for (int i = 0; i < params.length; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            params[i] = params(requests.get(i), id);
        }
        int[] counts = batch.batchUpdate(SAVE_REQUEST_WITH_PLAN, params);
        List<Optional<StoredSchedule>> stored = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            ScheduleRepository.NewVersion v = requests.get(i).version();
            if (counts[i] != 0 && counts[i] != 1) {
                throw new IllegalStateException("storing version " + v.version() + " of session " + v.stationId()
                        + "/" + v.sessionId() + " reported " + counts[i] + " rows");
            }
            stored.add(counts[i] == 1 ? Optional.of(v.stored(ids.get(i))) : Optional.empty());
        }
        return stored;
    }

    private static SqlParameterSource params(PlannedRequest r, String id) {
        ChargingRequest request = r.request();
        if (!request.stationId().equals(r.version().stationId())
                || !request.sessionId().equals(r.version().sessionId())) {
            throw new IllegalArgumentException("the version of " + r.version().stationId() + "/"
                    + r.version().sessionId() + " is not for the request of " + request.stationId() + "/"
                    + request.sessionId());
        }
        MapSqlParameterSource p = ScheduleRepository.versionParams(r.version(), id);
        return p.addValue("outlet", request.outletId())
                .addValue("userType", request.user().type().name()).addValue("userToken", request.user().token())
                .addValue("demand", request.ev().energyDemandWh()).addValue("max", r.evMaxPowerW())
                .addValue("min", r.evMinPowerW()).addValue("phases", request.ev().phases())
                .addValue("departure", Timestamp.from(request.ev().plannedDeparture()))
                .addValue("url", request.managementServiceUrl() == null ? null
                        : request.managementServiceUrl().toString());
    }
}
