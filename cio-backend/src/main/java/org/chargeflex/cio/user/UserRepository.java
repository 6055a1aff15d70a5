package org.chargeflex.cio.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Operator accounts in tables {@code users} and {@code user_roles}. */
@Repository
public class UserRepository {
    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A listed account: no hash. */
    public record UserView(String name, Set<Role> roles, Instant createdAt) {
    }

    public Optional<Account> find(String name) {
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM users WHERE name = ?").param(name)
                .query(String.class).optional();
        return hash.map(h -> new Account(name, h, roles(name)));
    }

    private Set<Role> roles(String name) {
        List<String> names = jdbc.sql("SELECT role FROM user_roles WHERE user_name = ?").param(name)
                .query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    public List<UserView> list() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT user_name, role FROM user_roles").query(rs -> {
            roles.computeIfAbsent(rs.getString("user_name"), k -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString("role")));
        });
        return jdbc.sql("SELECT name, created_at FROM users ORDER BY name")
                .query((rs, n) -> new UserView(rs.getString("name"),
                        roles.getOrDefault(rs.getString("name"), Set.of()), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Creates the account unless the table has any account (first start). Safe when several instances start at once:
     * only one insert wins.
     *
     * @return whether this call created it
     */
    @Transactional
    public boolean createIfNoUsers(String name, String passwordHash, Set<Role> roles) {
        int inserted = jdbc.sql("""
                INSERT INTO users (name, password_hash)
                SELECT :name, :hash WHERE NOT EXISTS (SELECT 1 FROM users)
                ON CONFLICT (name) DO NOTHING""")
                .param("name", name).param("hash", passwordHash).update();
        if (inserted == 0) {
            return false;
        }
        insertRoles(name, roles);
        return true;
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the name is taken */
    @Transactional
    public void create(String name, String passwordHash, Set<Role> roles) {
        jdbc.sql("INSERT INTO users (name, password_hash) VALUES (?, ?)").params(name, passwordHash).update();
        insertRoles(name, roles);
    }

    private void insertRoles(String name, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_name, role) VALUES (?, ?)").params(name, role.name()).update();
        }
    }

    public boolean updatePassword(String name, String passwordHash) {
        return jdbc.sql("UPDATE users SET password_hash = ? WHERE name = ?").params(passwordHash, name).update() == 1;
    }

    @Transactional
    public boolean replaceRoles(String name, Set<Role> roles) {
        if (jdbc.sql("SELECT 1 FROM users WHERE name = ? FOR UPDATE").param(name).query(Integer.class).optional().isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM user_roles WHERE user_name = ?").param(name).update();
        insertRoles(name, roles);
        return true;
    }

    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM users WHERE name = ?").param(name).update() == 1;
    }

    /** Accounts with role OPERATOR other than {@code except}. */
    public int countOtherOperators(String except) {
        return jdbc.sql("SELECT count(*) FROM user_roles WHERE role = 'OPERATOR' AND user_name <> ?").param(except)
                .query(Integer.class).single();
    }
}
