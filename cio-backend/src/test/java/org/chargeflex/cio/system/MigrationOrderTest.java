package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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
 * and on one at V3_1 (re-plan versions, main before the station secret scheme V3_2 was merged); V5_1 fills the
 * session rows' current plan from the schedules already stored.
 */
class MigrationOrderTest {
    private static final List<String> ALL = List.of("1", "2", "3.1", "3.2", "4.1", "5.1", "6.1", "6.2", "7.1");

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

    @Test
    void sessionsPlannedBeforeV5_1KeepTheirCurrentScheduleOnTheSessionRow() throws SQLException {
        String url = newDatabase();
        flyway(url, "4.1").migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO stations (id, name, max_power_w) VALUES ('ST', 'Station', 22000)");
            s.execute("INSERT INTO sessions (station_id, id, outlet_id, state) VALUES ('ST', 'planned', '1', 'PLANNED'),"
                    + " ('ST', 'new', '1', 'PLANNED')");
            for (int version = 1; version <= 2; version++) {
                s.execute("INSERT INTO schedules (id, station_id, session_id, version, start_time, valid_until,"
                        + " poll_interval_s, period_offsets_s, period_max_power_w, peak_power_w, origin) VALUES ('v"
                        + version + "', 'ST', 'planned', " + version + ", '2026-11-25T10:00:00Z', '2026-11-25T1"
                        + (version + 1) + ":00:00Z', 60, '{0}', '{" + version * 1000 + "}', " + version * 1000
                        + ", 'PLANNER')");
            }
        }

        flyway(url, null).migrate();

        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, schedule_version, planned_peak_w, plan_valid_until"
                        + " FROM sessions ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("new");
            assertThat(rs.getInt(2)).as("a session without a schedule").isZero();
            assertThat(rs.getObject(3)).isNull();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("planned");
            assertThat(rs.getInt(2)).as("the newest version").isEqualTo(2);
            assertThat(rs.getDouble(3)).isEqualTo(2000);
            assertThat(rs.getTimestamp(4).toInstant()).isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
        }
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
