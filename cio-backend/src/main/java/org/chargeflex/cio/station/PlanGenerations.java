package org.chargeflex.cio.station;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan generations (table {@code plan_generations}, migration V7_1): a counter per planning target, the sessions
 * that share one limit, moved by every change of what the request path's limits depend on, in the transaction of the
 * change. The registry's and the curtailments' tables move it by triggers; the writers of open sessions' plans and
 * states move it through this class, <em>before</em> they write a session row: charging requests (the planning batch,
 * {@code schedule.BatchPlanner}), the re-planner's versions ({@code schedule.ScheduleRepository#insertVersions}) and
 * STOP records ({@code session.SessionRecordService}); a station's deletion takes the planning locks first
 * ({@link StationRepository#delete}). Moving a counter locks its row until commit,
 * so a writer that moved it first and its session rows after never waits for another in a cycle (the other order
 * deadlocked a STOP against a planning batch on the same session).
 *
 * <p>With the counters, an instance may keep a target's limits and open plans in memory from the generation its own
 * transaction wrote, and use them as long as the counter has moved only by its own next bump: see
 * {@code schedule.PlanSnapshots}.
 */
@Component
public class PlanGenerations {
    /**
     * The statement that moves the generations of the targets of the stations in a CTE {@code st (id,
     * grid_connection_point)}, in key order; its stations read {@code FOR SHARE} (see {@link #stationsChanged}). For a
     * writer that moves them within a statement of its own ({@code session.SessionRecordService}).
     */
    public static final String MOVE_TARGETS_OF_ST = """
            INSERT INTO plan_generations AS p (target, generation)
            SELECT DISTINCT cio_plan_target(st.id, st.grid_connection_point), 1 FROM st
            ORDER BY 1
            ON CONFLICT (target) DO UPDATE SET generation = p.generation + 1""";

    private final JdbcClient jdbc;

    PlanGenerations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The planning target of a station: its grid connection point's ({@code "g:" + id}), whose limit all its stations
     * share, or, on none, its own ({@code "s:" + id}). Ids have at most 64 characters; the column takes 70.
     */
    public static String target(String stationId, String gridConnectionPoint) {
        return gridConnectionPoint == null ? "s:" + stationId : "g:" + gridConnectionPoint;
    }

    /**
     * Moves the generations of the stations' targets (as registered now), in key order. Call in the writer's
     * transaction, under its planning locks if it takes any, before it writes the stations' session rows.
     */
    public void stationsChanged(Collection<String> stationIds) {
        if (stationIds.isEmpty()) {
            return;
        }
        // cio_plan_changed inlined, not called: PostgreSQL plans the statement of a SQL function on every call. The
        // stations are read FOR SHARE: a move of one to another grid connection point that is not yet committed is
        // waited for, and its new target moved (a plain read would move the old one only, and leave the new one's
        // copies stale for good)
        jdbc.sql("""
                WITH st AS MATERIALIZED (
                    SELECT s.id, s.grid_connection_point FROM stations s
                    WHERE s.id = ANY (CAST(:stations AS varchar[])) FOR SHARE)
                """ + MOVE_TARGETS_OF_ST)
                .param("stations", stationIds.stream().distinct().toArray(String[]::new))
                .update();
    }
}
