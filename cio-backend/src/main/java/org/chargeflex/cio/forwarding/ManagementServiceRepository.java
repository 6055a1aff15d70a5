package org.chargeflex.cio.forwarding;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.cio.system.RegistryChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Management services, their EV user members and grid connection points. */
@Repository
class ManagementServiceRepository {
    private final JdbcClient jdbc;
    private final RegistryChanges changes;

    ManagementServiceRepository(JdbcClient jdbc, RegistryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** The fields an operator sets. */
    record ServiceData(String name, ManagementService.Kind kind, URI url, int timeoutMs, boolean enabled) {
    }

    List<ManagementService> list() {
        return jdbc.sql("SELECT * FROM management_services ORDER BY id").query((rs, n) -> service(rs)).list();
    }

    Optional<ManagementService> find(long id) {
        return jdbc.sql("SELECT * FROM management_services WHERE id = ?").param(id).query((rs, n) -> service(rs))
                .optional();
    }

    Optional<ManagementService> findByUrl(URI url) {
        return jdbc.sql("SELECT * FROM management_services WHERE url = ?").param(url.toString())
                .query((rs, n) -> service(rs)).optional();
    }

    /**
     * The enabled service responsible for a request, in one query: the fleet service the EV user is a member of,
     * else the DNO service of the grid connection point ({@code null}: none).
     */
    Optional<ServiceEndpoint> findResponsible(UserIdentification user, String gridConnectionPoint) {
        return jdbc.sql("""
                SELECT ms.id, ms.url, ms.timeout_ms FROM management_services ms
                LEFT JOIN management_service_members m
                       ON m.service_id = ms.id AND m.user_type = :userType AND m.user_token = :userToken
                LEFT JOIN management_service_grid_points g
                       ON g.service_id = ms.id AND g.grid_connection_point = :gcp
                WHERE ms.enabled AND (m.service_id IS NOT NULL OR g.service_id IS NOT NULL)
                ORDER BY m.service_id IS NULL, ms.id
                LIMIT 1""")
                .param("userType", user.type().name()).param("userToken", user.token())
                .param("gcp", gridConnectionPoint)
                .query((rs, n) -> new ServiceEndpoint(rs.getLong("id"), URI.create(rs.getString("url")),
                        rs.getInt("timeout_ms")))
                .optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the name or URL is taken */
    long insert(ServiceData d) {
        return changes.write(RegistryChanges.MANAGEMENT_SERVICES, () -> jdbc.sql("""
                INSERT INTO management_services (name, kind, url, timeout_ms, enabled) VALUES (?, ?, ?, ?, ?)
                RETURNING id""")
                .params(d.name(), d.kind().name(), d.url().toString(), d.timeoutMs(), d.enabled())
                .query(Long.class).single());
    }

    boolean update(long id, ServiceData d) {
        return changes.write(RegistryChanges.MANAGEMENT_SERVICES, () -> jdbc.sql("""
                UPDATE management_services SET name = ?, kind = ?, url = ?, timeout_ms = ?, enabled = ? WHERE id = ?""")
                .params(d.name(), d.kind().name(), d.url().toString(), d.timeoutMs(), d.enabled(), id).update() == 1);
    }

    boolean delete(long id) {
        return changes.write(RegistryChanges.MANAGEMENT_SERVICES,
                () -> jdbc.sql("DELETE FROM management_services WHERE id = ?").param(id).update() == 1);
    }

    /** Makes the EV user a member of the service (moving it from any other service). */
    void putMember(long serviceId, UserIdentification user) {
        changes.write(RegistryChanges.MANAGEMENT_SERVICE_MEMBERS, () -> jdbc.sql("""
                INSERT INTO management_service_members (user_type, user_token, service_id) VALUES (?, ?, ?)
                ON CONFLICT (user_type, user_token) DO UPDATE SET service_id = excluded.service_id""")
                .params(user.type().name(), user.token(), serviceId).update());
    }

    boolean deleteMember(long serviceId, UserIdentification user) {
        return changes.write(RegistryChanges.MANAGEMENT_SERVICE_MEMBERS, () -> jdbc.sql("""
                DELETE FROM management_service_members WHERE service_id = ? AND user_type = ? AND user_token = ?""")
                .params(serviceId, user.type().name(), user.token()).update() == 1);
    }

    /** Assigns the grid connection point to the service (moving it from any other service). */
    void putGridPoint(long serviceId, String gridConnectionPoint) {
        changes.write(RegistryChanges.MANAGEMENT_SERVICE_GRID_POINTS, () -> jdbc.sql("""
                INSERT INTO management_service_grid_points (grid_connection_point, service_id) VALUES (?, ?)
                ON CONFLICT (grid_connection_point) DO UPDATE SET service_id = excluded.service_id""")
                .params(gridConnectionPoint, serviceId).update());
    }

    boolean deleteGridPoint(long serviceId, String gridConnectionPoint) {
        return changes.write(RegistryChanges.MANAGEMENT_SERVICE_GRID_POINTS, () -> jdbc.sql("""
                DELETE FROM management_service_grid_points WHERE service_id = ? AND grid_connection_point = ?""")
                .params(serviceId, gridConnectionPoint).update() == 1);
    }

    private ManagementService service(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<UserIdentification> members = jdbc.sql("""
                SELECT user_type, user_token FROM management_service_members WHERE service_id = ?
                ORDER BY user_type, user_token""")
                .param(id).query((r, n) -> new UserIdentification(UserIdentification.Type.valueOf(r.getString(1)),
                        r.getString(2))).list();
        List<String> points = jdbc.sql("""
                SELECT grid_connection_point FROM management_service_grid_points WHERE service_id = ?
                ORDER BY grid_connection_point""")
                .param(id).query(String.class).list();
        return new ManagementService(id, rs.getString("name"), ManagementService.Kind.valueOf(rs.getString("kind")),
                URI.create(rs.getString("url")), rs.getInt("timeout_ms"), rs.getBoolean("enabled"), members, points);
    }
}
