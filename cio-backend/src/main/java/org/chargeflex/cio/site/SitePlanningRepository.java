package org.chargeflex.cio.site;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chargeflex.cio.optimizer.SitePlanning;
import org.chargeflex.cio.optimizer.SitePlanningSource;
import org.chargeflex.cio.optimizer.StepSeries;
import org.chargeflex.cio.system.RegistryCache;
import org.chargeflex.cio.system.RegistryChanges;
import org.chargeflex.optimizer.model.Objective;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sites' objectives and series in PostgreSQL (tables site_planning, site_series). The planners read a site's
 * planning for every session they plan; it is kept in memory between reads ({@link RegistryCache}, emptied whenever
 * either table changes, on any instance).
 */
@Repository
class SitePlanningRepository implements SitePlanningSource {
    private static final int CACHE_CAPACITY = 20_000;

    private final JdbcClient jdbc;
    private final RegistryChanges changes;
    private final RegistryCache<String, SitePlanning> cache;

    SitePlanningRepository(JdbcClient jdbc, RegistryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.cache = changes.cache("site planning", CACHE_CAPACITY,
                Set.of(RegistryChanges.SITE_PLANNING, RegistryChanges.SITE_SERIES));
    }

    @Override
    public SitePlanning planning(String gridConnectionPoint) {
        if (gridConnectionPoint == null) {
            return SitePlanning.DEFAULT;
        }
        return cache.get(gridConnectionPoint, this::stored);
    }

    /**
     * The site's planning as stored now, read from the tables (not the planners' copy): for reading it to change it,
     * under the grid connection point's row lock, and for the admin API.
     */
    SitePlanning stored(String gridConnectionPoint) {
        // one statement: the objective on every row (at least one row, with no series a row of nulls)
        Objective[] objective = {Objective.PEAK};
        Map<SeriesKind, List<StepSeries.Point>> series = new EnumMap<>(SeriesKind.class);
        for (SeriesKind kind : SeriesKind.values()) {
            series.put(kind, new ArrayList<>());
        }
        jdbc.sql("""
                SELECT p.objective, s.kind, s.valid_from, s.value
                FROM (SELECT CAST(? AS varchar) AS id) site
                LEFT JOIN site_planning p ON p.grid_connection_point = site.id
                LEFT JOIN site_series s ON s.grid_connection_point = site.id
                ORDER BY s.kind, s.valid_from""")
                .param(gridConnectionPoint)
                .query(rs -> {
                    if (rs.getString(1) != null) {
                        objective[0] = Objective.valueOf(rs.getString(1));
                    }
                    if (rs.getString(2) != null) {
                        series.get(SeriesKind.valueOf(rs.getString(2)))
                                .add(new StepSeries.Point(rs.getTimestamp(3).toInstant(), rs.getDouble(4)));
                    }
                });
        return new SitePlanning(objective[0], new StepSeries(series.get(SeriesKind.BASE_LOAD)),
                new StepSeries(series.get(SeriesKind.RENEWABLE)), new StepSeries(series.get(SeriesKind.PRICE)));
    }

    /** Sets the objective and replaces the given series (a {@code null} series stays as it is). One transaction. */
    void store(String gridConnectionPoint, Objective objective, Map<SeriesKind, List<StepSeries.Point>> replaced) {
        changes.changed(RegistryChanges.SITE_PLANNING); // after the commit (the caller's transaction)
        changes.changed(RegistryChanges.SITE_SERIES);
        jdbc.sql("""
                INSERT INTO site_planning (grid_connection_point, objective) VALUES (?, ?)
                ON CONFLICT (grid_connection_point) DO UPDATE SET objective = EXCLUDED.objective, updated_at = now()""")
                .params(gridConnectionPoint, objective.name()).update();
        for (Map.Entry<SeriesKind, List<StepSeries.Point>> e : replaced.entrySet()) {
            jdbc.sql("DELETE FROM site_series WHERE grid_connection_point = ? AND kind = ?")
                    .params(gridConnectionPoint, e.getKey().name()).update();
            for (StepSeries.Point p : e.getValue()) {
                jdbc.sql("INSERT INTO site_series (grid_connection_point, kind, valid_from, value) VALUES (?, ?, ?, ?)")
                        .params(gridConnectionPoint, e.getKey().name(), Timestamp.from(p.from()), p.value()).update();
            }
        }
    }

    /** Locks the site's grid connection point row (serialises concurrent updates of its planning). */
    boolean lock(String gridConnectionPoint) {
        return jdbc.sql("SELECT id FROM grid_connection_points WHERE id = ? FOR UPDATE").param(gridConnectionPoint)
                .query(String.class).optional().isPresent();
    }

    boolean exists(String gridConnectionPoint) {
        return jdbc.sql("SELECT id FROM grid_connection_points WHERE id = ?").param(gridConnectionPoint)
                .query(String.class).optional().isPresent();
    }
}
