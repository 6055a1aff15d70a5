package org.chargeflex.cio.schedule;

import java.util.Optional;
import org.chargeflex.cio.station.Outlet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a charging request needs from the registry, in one query.
 */
@Repository
class PlanningTargets {
    private final JdbcClient jdbc;

    PlanningTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A station as far as planning one of its sessions goes.
     *
     * @param gridConnectionPoint the station's grid connection point, or {@code null}
     * @param outlet              the requested outlet, or {@code null} if the station has no such outlet
     * @param sessionFinished     whether the session exists and is finished already
     */
    record Target(String stationId, String gridConnectionPoint, Outlet outlet, boolean sessionFinished) {
    }

    /** The station with the requested outlet and the session's state; empty if the station is not registered. */
    Optional<Target> find(String stationId, String outletId, String sessionId) {
        return jdbc.sql("""
                SELECT st.grid_connection_point, o.id AS outlet_id, o.max_power_w AS outlet_max_power_w, o.phases,
                       se.state = 'FINISHED' AS finished
                FROM stations st
                LEFT JOIN outlets o ON o.station_id = st.id AND o.id = :outlet
                LEFT JOIN sessions se ON se.station_id = st.id AND se.id = :session
                WHERE st.id = :station""")
                .param("station", stationId).param("outlet", outletId).param("session", sessionId)
                .query((rs, n) -> new Target(stationId, rs.getString("grid_connection_point"),
                        rs.getString("outlet_id") == null ? null
                                : new Outlet(rs.getString("outlet_id"), rs.getDouble("outlet_max_power_w"),
                                        rs.getInt("phases")),
                        rs.getBoolean("finished")))
                .optional();
    }
}
