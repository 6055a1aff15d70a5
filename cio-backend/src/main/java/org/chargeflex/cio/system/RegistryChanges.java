package org.chargeflex.cio.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the {@link RegistryCache}s of this instance when a registry table they copy has changed, whoever changed it:
 * this instance, another instance on the same database, or an operator with {@code psql}.
 *
 * <p>The tables' triggers (migration {@code V6_1}) call {@code pg_notify('cio_registry', <table>)}; PostgreSQL delivers
 * the notification at commit. This component holds one connection (its own, not one of the pool's) with
 * {@code LISTEN cio_registry} and empties the caches of a table when its notification arrives (a few milliseconds
 * after the commit). A change made by this instance also empties them right after its own commit ({@link #changed}),
 * so this instance never answers from an older copy after a change it made itself.
 *
 * <p>If the listening connection fails, or its health check ({@code SELECT 1} every {@value #CHECK_SECONDS} s, with a
 * socket timeout of {@value #SOCKET_TIMEOUT_SECONDS} s and TCP keep-alive) does, the caches stop serving at once (every
 * read goes to the database) and are emptied; they serve again only once listening has been re-established. So a
 * notification lost with a silently dead connection can leave a copy stale for at most the check period plus the
 * socket timeout (about 15 s); the caches' maximum age bounds even that.
 */
@Component
public class RegistryChanges implements SmartLifecycle {
    /** The notification channel of the triggers. */
    public static final String CHANNEL = "cio_registry";
    /** The tables that notify (their names are the notifications' payload). */
    public static final String STATIONS = "stations";
    public static final String OUTLETS = "outlets";
    public static final String MANAGEMENT_SERVICES = "management_services";
    public static final String MANAGEMENT_SERVICE_MEMBERS = "management_service_members";
    public static final String MANAGEMENT_SERVICE_GRID_POINTS = "management_service_grid_points";
    public static final String SITE_PLANNING = "site_planning";
    public static final String SITE_SERIES = "site_series";
    static final int CHECK_SECONDS = 5;
    static final int SOCKET_TIMEOUT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryChanges.class);
    private static final long RETRY_MILLIS = 2_000;

    private final DataSource dataSource;
    private final Duration maxAge;
    private final Map<String, List<RegistryCache<?, ?>>> cachesByTable = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Thread thread;

    /** @param maxAge {@code cio.registry-cache.max-age}: a cached row is served at most this long after it was read */
    RegistryChanges(DataSource dataSource, @Value("${cio.registry-cache.max-age:5m}") Duration maxAge) {
        this.dataSource = dataSource;
        this.maxAge = maxAge;
    }

    /**
     * A new cache of rows of {@code tables}: emptied whenever one of them changes.
     *
     * @param capacity at most this many entries
     */
    public <K, V> RegistryCache<K, V> cache(String name, int capacity, Set<String> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("cache '" + name + "' must depend on at least one table");
        }
        RegistryCache<K, V> cache = new RegistryCache<>(name, capacity, maxAge, () -> listening, System::nanoTime);
        for (String table : tables) {
            cachesByTable.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(cache);
        }
        return cache;
    }

    /**
     * Empties the caches of {@code table} after the current transaction commits (at once if none is active). Call
     * it from every write of a table that a cache copies; other instances learn of it from the table's trigger.
     */
    public void changed(String table) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate(table); // before the after-commit event listeners (e.g. the re-planner's marks) run
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        invalidate(table); // a rollback: cheap, and never wrong
                    }
                }
            });
        } else {
            invalidate(table);
        }
    }

    /**
     * Runs a write of {@code table} (one that caches copy), then {@link #changed}: so a transaction's write empties the
     * caches after its commit, an auto-committed one right after the statement.
     */
    public <T> T write(String table, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            changed(table);
        }
    }

    /** Whether notifications are being received, i.e. whether the caches may serve. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::run, "registry-changes");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt(); // it also ends within a second by itself: it waits for notifications 1 s at a time
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection c = connect()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                invalidateAll(); // whatever changed while not listening
                listening = true;
                LOG.info("Listening for registry changes (channel {}); registry caches enabled", CHANNEL);
                receive(c, pg);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Registry change notifications lost ({}); registry caches disabled until listening again",
                            e.toString());
                }
            } catch (Error e) {
                LOG.error("Registry change listener died; registry caches stay disabled (every read goes to the "
                        + "database) until the application restarts", e);
                throw e;
            } finally {
                listening = false;
                invalidateAll();
            }
            if (running) {
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A connection of its own, outside the pool (it is held for as long as the application runs), with the pool's
     * settings; a pooled one if the data source is not a Hikari pool with a JDBC URL.
     */
    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.isWrapperFor(HikariDataSource.class)
                ? dataSource.unwrap(HikariDataSource.class) : null;
        if (pool != null && pool.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", "cio registry changes");
            // a half-open connection (partition, fail-over) must fail the health check within seconds, not when the
            // kernel gives up retransmitting: the copies are served only while this connection is known to be alive
            properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private void receive(Connection c, PGConnection pg) throws SQLException {
        long nextCheck = System.nanoTime() + Duration.ofSeconds(CHECK_SECONDS).toNanos();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(1_000);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    invalidate(n.getParameter());
                }
            }
            if (System.nanoTime() - nextCheck > 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                nextCheck = System.nanoTime() + Duration.ofSeconds(CHECK_SECONDS).toNanos();
            }
        }
    }

    private void invalidate(String table) {
        List<RegistryCache<?, ?>> caches = cachesByTable.get(table);
        if (caches != null) {
            caches.forEach(RegistryCache::invalidateAll);
        }
    }

    private void invalidateAll() {
        cachesByTable.values().forEach(list -> list.forEach(RegistryCache::invalidateAll));
    }
}
