package org.chargeflex.cio.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chargeflex.cio.station.Outlet;
import org.chargeflex.cio.system.RegistryCache;
import org.chargeflex.cio.system.RegistryChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a charging request needs from the registry: the station's grid connection point and outlets, kept in memory
 * between requests ({@link RegistryCache}: emptied whenever tables {@code stations} or {@code outlets} change, on any
 * instance), and the session's state, read from the database when it matters before planning.
 */
@Repository
class PlanningTargets {
    private static final int CAPACITY = 200_000;

    private final JdbcClient jdbc;
    private final RegistryCache<String, Optional<Station>> stations;

    PlanningTargets(JdbcClient jdbc, RegistryChanges changes) {
        this.jdbc = jdbc;
        this.stations = changes.cache("planning targets", CAPACITY,
                Set.of(RegistryChanges.STATIONS, RegistryChanges.OUTLETS));
    }

    /**
     * A station as far as planning one of its sessions goes.
     *
     * @param gridConnectionPoint the station's grid connection point, or {@code null}
     * @param outlet              the requested outlet, or {@code null} if the station has no such outlet
     */
    record Target(String stationId, String gridConnectionPoint, Outlet outlet) {
    }

    /** A registered station: its grid connection point ({@code null}: none) and outlets by id. */
    private record Station(String gridConnectionPoint, Map<String, Outlet> outlets) {
    }

    /** The station with the requested outlet; empty if the station is not registered. */
    Optional<Target> find(String stationId, String outletId) {
        return stations.get(stationId, this::load)
                .map(s -> new Target(stationId, s.gridConnectionPoint(), s.outlets().get(outletId)));
    }

    /** Whether the session exists and has finished (read from the database). */
    boolean sessionFinished(String stationId, String sessionId) {
        return jdbc.sql("SELECT state = 'FINISHED' FROM sessions WHERE station_id = ? AND id = ?")
                .params(stationId, sessionId).query(Boolean.class).optional().orElse(false);
    }

    private Optional<Station> load(String stationId) {
        Map<String, Outlet> outlets = new LinkedHashMap<>();
        String[] grid = new String[1];
        boolean[] found = new boolean[1];
        jdbc.sql("""
                SELECT st.grid_connection_point, o.id AS outlet_id, o.max_power_w AS outlet_max_power_w, o.phases
                FROM stations st LEFT JOIN outlets o ON o.station_id = st.id
                WHERE st.id = ?""")
                .param(stationId)
                .query(rs -> {
                    found[0] = true;
                    grid[0] = rs.getString("grid_connection_point");
                    String outlet = rs.getString("outlet_id");
                    if (outlet != null) {
                        outlets.put(outlet, new Outlet(outlet, rs.getDouble("outlet_max_power_w"), rs.getInt("phases")));
                    }
                });
        return found[0] ? Optional.of(new Station(grid[0], Map.copyOf(outlets))) : Optional.empty();
    }
}
