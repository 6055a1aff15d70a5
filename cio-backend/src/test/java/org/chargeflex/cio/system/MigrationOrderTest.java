package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.chargeflex.cio.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * The Flyway migrations apply in a valid order with Flyway's defaults (no out-of-order migrations: a pending version
 * older than the newest applied one is refused) on a fresh database, on one migrated only to V2 (grid curtailments)
 * and on one at V3_1 (re-plan versions, main before the station secret scheme V3_2 was merged).
 */
class MigrationOrderTest {
    private static final List<String> ALL = List.of("1", "2", "3.1", "3.2", "4.1", "5.1");

    @Test
    void freshDatabaseMigratesToTheLatestVersionInOrder() throws SQLException {
        Flyway flyway = flyway(newDatabase(), null);

        flyway.migrate();

        assertThat(applied(flyway)).isEqualTo(ALL);
        flyway.validate();
    }

    @Test
    void databaseMigratedOnlyToV2MigratesTheRest() throws SQLException {
        assertMigratesTheRestFrom("2");
    }

    @Test
    void databaseMigratedToV3_1MigratesTheRest() throws SQLException {
        assertMigratesTheRestFrom("3.1");
    }

    private static void assertMigratesTheRestFrom(String target) throws SQLException {
        String url = newDatabase();
        flyway(url, target).migrate();
        assertThat(applied(flyway(url, null))).isEqualTo(ALL.subList(0, ALL.indexOf(target) + 1));

        Flyway flyway = flyway(url, null);
        flyway.migrate();

        assertThat(applied(flyway)).isEqualTo(ALL);
        flyway.validate();
    }

    private static Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private static List<String> applied(Flyway flyway) {
        return Arrays.stream(flyway.info().applied()).map(MigrationInfo::getVersion).map(Object::toString).toList();
    }

    private static String newDatabase() throws SQLException {
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        String url = TestDatabase.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }
}
