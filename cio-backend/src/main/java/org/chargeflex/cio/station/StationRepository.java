package org.chargeflex.cio.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chargeflex.cio.system.RegistryChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stations, their outlets and grid connection points (tables {@code stations}, {@code outlets}, {@code grid_connection_points}). */
@Repository
public class StationRepository {
    /** {@link #touch} writes {@code last_seen_at} at most this often per station. */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(10);

    private static final String STATION_COLUMNS = """
            id, name, latitude, longitude, grid_connection_point, max_power_w, rest_base_url,
            credential_hash IS NOT NULL AS has_credential, access_password_enc IS NOT NULL AS has_access_credential,
            last_seen_at, created_at""";

    private final JdbcClient jdbc;
    private final RegistryChanges changes;
    private final PlanningLocks locks;

    StationRepository(JdbcClient jdbc, RegistryChanges changes, PlanningLocks locks) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.locks = locks;
    }

    /** The fields an operator sets. */
    public record StationData(String name, Double latitude, Double longitude, String gridConnectionPoint,
            double maxPowerW, String restBaseUrl) {
    }

    /** The CIO's credential for the station's REST server; the password still encrypted. */
    public record AccessCredential(String username, String encryptedPassword) {
    }

    public Optional<Station> find(String id) {
        // Outlets first, then the station: a query inside the row mapper would need a second pooled connection
        // while the first is still held, and a full pool of such callers waits for ever (pool deadlock).
        List<Outlet> outlets = outlets(id);
        return jdbc.sql("SELECT " + STATION_COLUMNS + " FROM stations WHERE id = ?").param(id)
                .query((rs, n) -> station(rs, outlets)).optional();
    }

    /**
     * The stations on a grid connection point with their outlets, by id, in one statement (the re-planner loads a
     * whole target at a time).
     */
    public List<Station> findUnder(String gridConnectionPoint) {
        Map<String, Station> found = new LinkedHashMap<>();
        Map<String, List<Outlet>> outlets = new HashMap<>();
        jdbc.sql("SELECT st.*, o.id AS outlet_id, o.max_power_w AS outlet_max_power_w, o.phases AS outlet_phases"
                + " FROM (SELECT " + STATION_COLUMNS + " FROM stations WHERE grid_connection_point = ?) st"
                + " LEFT JOIN outlets o ON o.station_id = st.id ORDER BY st.id, o.id")
                .param(gridConnectionPoint)
                .query(rs -> {
                    String id = rs.getString("id");
                    if (!found.containsKey(id)) {
                        found.put(id, station(rs, List.of()));
                        outlets.put(id, new ArrayList<>());
                    }
                    if (rs.getString("outlet_id") != null) {
                        outlets.get(id).add(new Outlet(rs.getString("outlet_id"), rs.getDouble("outlet_max_power_w"),
                                rs.getInt("outlet_phases")));
                    }
                });
        return found.values().stream().map(s -> new Station(s.id(), s.name(), s.latitude(), s.longitude(),
                s.gridConnectionPoint(), s.maxPowerW(), s.restBaseUrl(), s.hasCredential(), s.hasAccessCredential(),
                s.lastSeenAt(), s.createdAt(), outlets.get(s.id()))).toList();
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT 1 FROM stations WHERE id = ?").param(id).query(Integer.class).optional().isPresent();
    }

    public List<Station> list() {
        Map<String, List<Outlet>> outlets = new HashMap<>();
        jdbc.sql("SELECT station_id, id, max_power_w, phases FROM outlets ORDER BY station_id, id").query(rs -> {
            outlets.computeIfAbsent(rs.getString("station_id"), k -> new ArrayList<>()).add(outlet(rs));
        });
        return jdbc.sql("SELECT " + STATION_COLUMNS + " FROM stations ORDER BY id")
                .query((rs, n) -> station(rs, outlets.getOrDefault(rs.getString("id"), List.of()))).list();
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the id is taken */
    @Transactional
    public void insert(String id, StationData data, List<Outlet> outlets) {
        jdbc.sql("""
                INSERT INTO stations (id, name, latitude, longitude, grid_connection_point, max_power_w, rest_base_url)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, data.name(), data.latitude(), data.longitude(), data.gridConnectionPoint(),
                        data.maxPowerW(), data.restBaseUrl())
                .update();
        changes.changed(RegistryChanges.STATIONS);
        outlets.forEach(o -> upsertOutlet(id, o));
    }

    public boolean update(String id, StationData data) {
        return changes.write(RegistryChanges.STATIONS, () -> jdbc.sql("""
                UPDATE stations SET name = ?, latitude = ?, longitude = ?, grid_connection_point = ?, max_power_w = ?,
                       rest_base_url = ?, updated_at = now()
                WHERE id = ?""")
                .params(data.name(), data.latitude(), data.longitude(), data.gridConnectionPoint(), data.maxPowerW(),
                        data.restBaseUrl(), id)
                .update() == 1);
    }

    /**
     * Deletes the station with its sessions, under the planning locks of the station and its grid connection point:
     * no plan of its target is being made meanwhile, so the trigger's move of the plan generations
     * ({@link PlanGenerations}), after the station row and the cascade to its sessions, waits for no planning batch,
     * re-plan or curtailment (without the locks, one holding a generation and waiting for the station's row
     * deadlocked with it). A STOP record waits for the deletion's station row before it moves a generation.
     */
    @Transactional
    public boolean delete(String id) {
        Optional<String> grid = jdbc.sql("SELECT grid_connection_point FROM stations WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(g -> g);
        locks.lock(id, grid.orElse(null));
        return changes.write(RegistryChanges.STATIONS,
                () -> jdbc.sql("DELETE FROM stations WHERE id = ?").param(id).update() == 1);
    }

    public List<Outlet> outlets(String stationId) {
        return jdbc.sql("SELECT id, max_power_w, phases FROM outlets WHERE station_id = ? ORDER BY id").param(stationId)
                .query((rs, n) -> outlet(rs)).list();
    }

    public Optional<Outlet> outlet(String stationId, String outletId) {
        return jdbc.sql("SELECT id, max_power_w, phases FROM outlets WHERE station_id = ? AND id = ?")
                .params(stationId, outletId).query((rs, n) -> outlet(rs)).optional();
    }

    public void upsertOutlet(String stationId, Outlet outlet) {
        changes.write(RegistryChanges.OUTLETS, () -> jdbc.sql("""
                INSERT INTO outlets (station_id, id, max_power_w, phases) VALUES (?, ?, ?, ?)
                ON CONFLICT (station_id, id) DO UPDATE SET max_power_w = excluded.max_power_w, phases = excluded.phases""")
                .params(stationId, outlet.id(), outlet.maxPowerW(), outlet.phases()).update());
    }

    public boolean deleteOutlet(String stationId, String outletId) {
        return changes.write(RegistryChanges.OUTLETS,
                () -> jdbc.sql("DELETE FROM outlets WHERE station_id = ? AND id = ?").params(stationId, outletId)
                        .update() == 1);
    }

    public Optional<String> credentialHash(String stationId) {
        return jdbc.sql("SELECT credential_hash FROM stations WHERE id = ? AND credential_hash IS NOT NULL")
                .param(stationId).query(String.class).optional();
    }

    public boolean setCredentialHash(String stationId, String hash) {
        return changes.write(RegistryChanges.STATIONS,
                () -> jdbc.sql("UPDATE stations SET credential_hash = ?, updated_at = now() WHERE id = ?")
                        .params(hash, stationId).update() == 1);
    }

    /** Sets the credential hash only if the stored one is still {@code expected}; false otherwise. */
    public boolean replaceCredentialHash(String stationId, String expected, String hash) {
        return changes.write(RegistryChanges.STATIONS, () -> jdbc.sql("""
                UPDATE stations SET credential_hash = ?, updated_at = now() WHERE id = ? AND credential_hash = ?""")
                .params(hash, stationId, expected).update() == 1);
    }

    public Optional<AccessCredential> accessCredential(String stationId) {
        return jdbc.sql("""
                SELECT access_username, access_password_enc FROM stations
                WHERE id = ? AND access_password_enc IS NOT NULL""")
                .param(stationId)
                .query((rs, n) -> new AccessCredential(rs.getString(1), rs.getString(2))).optional();
    }

    public boolean setAccessCredential(String stationId, String username, String encryptedPassword) {
        return jdbc.sql("""
                UPDATE stations SET access_username = ?, access_password_enc = ?, updated_at = now() WHERE id = ?""")
                .params(username, encryptedPassword, stationId).update() == 1;
    }

    /** Records that the station was seen at {@code now}; writes only if the stored time is older than 10 s. */
    public void touch(String stationId, Instant now) {
        jdbc.sql("""
                UPDATE stations SET last_seen_at = :now
                WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :threshold)""")
                .param("now", Timestamp.from(now)).param("id", stationId)
                .param("threshold", Timestamp.from(now.minus(TOUCH_INTERVAL))).update();
    }

    public Optional<GridConnectionPoint> gridConnectionPoint(String id) {
        return jdbc.sql("SELECT id, name, max_power_w FROM grid_connection_points WHERE id = ?").param(id)
                .query((rs, n) -> new GridConnectionPoint(rs.getString(1), rs.getString(2), rs.getDouble(3)))
                .optional();
    }

    public List<GridConnectionPoint> gridConnectionPoints() {
        return jdbc.sql("SELECT id, name, max_power_w FROM grid_connection_points ORDER BY id")
                .query((rs, n) -> new GridConnectionPoint(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
    }

    public void upsertGridConnectionPoint(GridConnectionPoint point) {
        jdbc.sql("""
                INSERT INTO grid_connection_points (id, name, max_power_w) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, max_power_w = excluded.max_power_w,
                                               updated_at = now()""")
                .params(point.id(), point.name(), point.maxPowerW()).update();
    }

    private static Outlet outlet(ResultSet rs) throws SQLException {
        return new Outlet(rs.getString("id"), rs.getDouble("max_power_w"), rs.getInt("phases"));
    }

    private static Station station(ResultSet rs, List<Outlet> outlets) throws SQLException {
        Timestamp lastSeen = rs.getTimestamp("last_seen_at");
        return new Station(rs.getString("id"), rs.getString("name"), rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class), rs.getString("grid_connection_point"),
                rs.getDouble("max_power_w"), rs.getString("rest_base_url"), rs.getBoolean("has_credential"),
                rs.getBoolean("has_access_credential"), lastSeen == null ? null : lastSeen.toInstant(),
                rs.getTimestamp("created_at").toInstant(), outlets);
    }
}
