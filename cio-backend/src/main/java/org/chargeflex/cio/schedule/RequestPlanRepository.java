package org.chargeflex.cio.schedule;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * Call in the transaction that holds the planning locks, after the batch's limits ({@link BatchLimitsSource#open}).
 */
@Repository
class RequestPlanRepository {
    /**
     * Positional parameters, set by {@link #set}: with named ones, Spring JDBC (mostly their parameter maps) was 12 %
     * of the JVM's samples under load, 4 % with these (bench/RESULTS.md, issue 5). The schedule row takes its session,
     * version, validity and peak from the upserted session row.
     */
    private static final String SAVE_REQUEST_WITH_PLAN = """
            WITH saved AS (
                INSERT INTO sessions (station_id, id, outlet_id, user_type, user_token, energy_demand_wh, ev_max_power_w,
                                      ev_min_power_w, phases, planned_departure, management_service_url, state,
                                      schedule_version, planned_peak_w, plan_valid_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?)
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
            SELECT ?, station_id, id, schedule_version, ?, plan_valid_until, ?, ?, ?, planned_peak_w, ?, ?
            FROM saved""";

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
        if (requests.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(requests.size());
        for (PlannedRequest r : requests) {
            check(r);
            ids.add(UUID.randomUUID().toString());
        }
        int[] counts = jdbc.batchUpdate(SAVE_REQUEST_WITH_PLAN, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                set(ps, requests.get(i), ids.get(i));
            }

            @Override
            public int getBatchSize() {
                return requests.size();
            }
        });
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

    private static void check(PlannedRequest r) {
        ChargingRequest request = r.request();
        if (!request.stationId().equals(r.version().stationId())
                || !request.sessionId().equals(r.version().sessionId())) {
            throw new IllegalArgumentException("the version of " + r.version().stationId() + "/"
                    + r.version().sessionId() + " is not for the request of " + request.stationId() + "/"
                    + request.sessionId());
        }
    }

    /** The statement's parameters, in their order, for the request with its version and schedule id. */
    private static void set(PreparedStatement ps, PlannedRequest r, String id) throws SQLException {
        ChargingRequest request = r.request();
        ScheduleRepository.NewVersion v = r.version();
        List<SchedulePeriod> periods = v.plan().periods();
        int i = 0;
        ps.setString(++i, v.stationId());
        ps.setString(++i, v.sessionId());
        ps.setString(++i, request.outletId());
        ps.setString(++i, request.user().type().name());
        ps.setString(++i, request.user().token());
        ps.setDouble(++i, request.ev().energyDemandWh());
        ps.setDouble(++i, r.evMaxPowerW());
        ps.setDouble(++i, r.evMinPowerW());
        ps.setInt(++i, request.ev().phases());
        ps.setTimestamp(++i, Timestamp.from(request.ev().plannedDeparture()));
        ps.setString(++i, request.managementServiceUrl() == null ? null : request.managementServiceUrl().toString());
        ps.setInt(++i, v.version());
        ps.setDouble(++i, v.committedPeakW());
        ps.setTimestamp(++i, Timestamp.from(v.plan().validUntil()));
        ps.setString(++i, id);
        ps.setTimestamp(++i, Timestamp.from(v.plan().startTime()));
        ps.setInt(++i, v.pollIntervalSeconds());
        ps.setObject(++i, ScheduleRepository.offsets(periods));
        ps.setObject(++i, ScheduleRepository.powers(periods));
        ps.setString(++i, v.origin().name());
        ps.setObject(++i, v.managementServiceId(), Types.BIGINT);
    }
}
