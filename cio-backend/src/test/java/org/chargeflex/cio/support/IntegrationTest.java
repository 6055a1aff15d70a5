package org.chargeflex.cio.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chargeflex.cio.station.PlanningLocks;
import org.chargeflex.cio.support.Api.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests over real HTTP against the running application on the shared embedded PostgreSQL. All such test
 * classes share one application context; each test makes its own stations (unique ids), so they do not interfere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.class)
public abstract class IntegrationTest {
    public static final Credentials ADMIN = new Credentials("admin", "test-admin-password");
    /** base64 of 32 bytes, for the secrets box. */
    public static final String SECRETS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("cio.bootstrap.admin-password", ADMIN::password);
        registry.add("cio.secrets.key", () -> SECRETS_KEY);
        registry.add("cio.forwarding.default-timeout", () -> "500ms");
        // the shared context's background re-planner never runs by itself: tests of package replan run its rounds
        registry.add("cio.replan.debounce", () -> "1h");
        // ... and re-plans a target in every round they run (ReplanThrottleTest covers the interval)
        registry.add("cio.replan.min-interval", () -> "0s");
    }

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    /** The plan generation of a planning target ({@code station.PlanGenerations}); the target must have one. */
    protected long planGeneration(String target) {
        return jdbc.sql("SELECT generation FROM plan_generations WHERE target = ?").param(target).query(Long.class)
                .single();
    }

    /** Asserts that the call is still unanswered after 500 ms: it waits for {@code what}. */
    protected static void assertStillWaiting(CompletableFuture<Api.Response> call, String what) throws Exception {
        try {
            Api.Response early = call.get(500, TimeUnit.MILLISECONDS);
            throw new AssertionError("the call did not wait for " + what + ": " + early.status());
        } catch (TimeoutException expected) {
            // still waiting
        }
    }

    /**
     * Begins a transaction on {@code connection} and takes a planning lock in it ({@code station.PlanningLocks}:
     * {@code namespace} {@code STATION_LOCK} or {@code GRID_POINT_LOCK}, the id's key), held until it commits.
     */
    protected static void holdPlanningLock(Connection connection, int namespace, String id) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, namespace);
            lock.setInt(2, PlanningLocks.key(id));
            lock.executeQuery().close();
        }
    }

    /**
     * Asserts on {@code connection} (in its transaction, which then holds the row) that the plan generation row of
     * {@code target} is not locked by anyone else ({@code FOR UPDATE NOWAIT}) and still at {@code generation}.
     */
    protected static void assertGenerationRowFree(Connection connection, String target, long generation) {
        try (PreparedStatement row = connection.prepareStatement(
                "SELECT generation FROM plan_generations WHERE target = ? FOR UPDATE NOWAIT")) {
            row.setString(1, target);
            try (ResultSet rs = row.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("not moved while a lock of the batch is held").isEqualTo(generation);
            }
        } catch (SQLException e) {
            throw new AssertionError("the waiting batch holds the generation row of " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Waits up to 10 s until {@code backends} backends wait for a planning lock ({@code station.PlanningLocks}: an
     * advisory lock taken by a statement with {@code planning_locks}), and asserts that they do.
     */
    protected void awaitPlanningLockWaiters(int backends, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (planningLockWaiters() < backends && System.nanoTime() < deadline) {
            Thread.sleep(50); // the call may not have reached its statement yet on a loaded machine
        }
        assertThat(planningLockWaiters()).as(what).isEqualTo(backends);
    }

    private long planningLockWaiters() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND wait_event = 'advisory' AND query LIKE '%planning_locks%'").query(Long.class).single();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a station with outlets "1" (11 kW) and "2" (22 kW), gives it a credential and returns that. */
    protected Credentials registerStation(String stationId, double maxPowerW, String gridConnectionPoint) {
        return registerStation(api, stationId, maxPowerW, gridConnectionPoint, null);
    }

    protected static Credentials registerStation(Api api, String stationId, double maxPowerW, String gridConnectionPoint,
            String restBaseUrl) {
        Map<String, Object> station = new java.util.HashMap<>();
        station.put("name", "Station " + stationId);
        station.put("latitude", 52.52);
        station.put("longitude", 13.40);
        station.put("gridConnectionPoint", gridConnectionPoint);
        station.put("maxPowerW", maxPowerW);
        station.put("restBaseUrl", restBaseUrl);
        Api.Response created = api.post("/api/v1/admin/stations", ADMIN, Map.of("id", stationId, "station", station,
                "outlets", List.of(Map.of("id", "1", "maxPowerW", 11000, "phases", 3),
                        Map.of("id", "2", "maxPowerW", 22000, "phases", 3))));
        if (created.status() != 201) {
            throw new IllegalStateException("registration failed: " + created);
        }
        Api.Response credential = api.post("/api/v1/admin/stations/" + stationId + "/credential", ADMIN, null);
        return new Credentials(stationId, credential.json().get("secret").asString());
    }

    protected void registerGridConnectionPoint(String id, double maxPowerW) {
        Api.Response r = api.put("/api/v1/admin/grid-connection-points/" + id, ADMIN,
                Map.of("name", "Feeder " + id, "maxPowerW", maxPowerW));
        if (r.status() != 200) {
            throw new IllegalStateException("grid connection point failed: " + r);
        }
    }
}
