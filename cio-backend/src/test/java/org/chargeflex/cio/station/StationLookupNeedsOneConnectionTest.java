package org.chargeflex.cio.station;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Regression: looking up a station once ran the outlet query inside the station query's row mapper, so every lookup
 * held two pooled connections at once and a pool full of concurrent lookups waited for ever (found by the load
 * benchmark: every request stalled until the pool's 30 s timeout). A lookup must complete with one free connection.
 */
class StationLookupNeedsOneConnectionTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    StationRepository stations;

    @Test
    void stationLookupCompletesWithASingleFreeConnection() throws Exception {
        String id = unique("ST");
        registerStation(id, 22_000, null);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize() - 1; i++) {
                held.add(pool.getConnection());
            }
            Optional<Station> found = CompletableFuture.supplyAsync(() -> stations.find(id))
                    .get(20, TimeUnit.SECONDS);
            assertThat(found).isPresent();
            assertThat(found.get().outlets()).hasSize(2);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
