package org.chargeflex.cio.station;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The planning locks: the one lock scheme of every writer of schedules that share a limit (the station API's charging
 * requests, the DNO curtailment's re-plan, the background joint re-planner), so that plans of sessions sharing a
 * station's or a grid connection point's limit are made one after the other on any instance and never exceed it.
 *
 * <p>Transaction-scoped PostgreSQL advisory locks ({@code pg_advisory_xact_lock(namespace, key)}), released at commit
 * or rollback; unlike row locks they write nothing and do not block the registry's updates. The key derivation lives
 * here only: namespace {@value #STATION_LOCK} for stations and {@value #GRID_POINT_LOCK} for grid connection points,
 * key {@link #key(String)} of the id. Order: the stations by key, then the grid connection points by key, taken in
 * one statement; since every writer locks its stations before its grid connection point and the stations in the same
 * order, no two planners wait for each other in a cycle. A planning batch of charging requests takes them in the first
 * statement of its own work ({@link #TAKE}), the other writers in a statement of their own ({@link #lock}). The
 * re-planner's own try-lock per target ({@code replan.ReplanRepository}) uses a different namespace and is not a
 * planning lock.
 *
 * <p>The statement also sets {@code plan_cache_mode = force_generic_plan} for the rest of the transaction (like
 * {@code SET LOCAL}): the planning transactions' statements are prepared once per connection, and PostgreSQL otherwise
 * kept planning the limits query anew for every batch (custom plans for its array parameters, 0.3-0.6 ms of planning
 * per execution, as long as the execution itself). The statements of these transactions look rows up by key (ids and
 * arrays of ids) and write literals where a plan depends on a value (the open-session partial index), so the generic
 * plans are what custom ones would be.
 */
@Component
public class PlanningLocks {
    /** Namespace of the station locks ("CIO" 1). */
    public static final int STATION_LOCK = 0x43494f01;
    /** Namespace of the grid connection point locks ("CIO" 2). */
    public static final int GRID_POINT_LOCK = 0x43494f02;

    private final JdbcClient jdbc;

    PlanningLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks one station, then its grid connection point ({@code null}: none). Call inside the planning transaction. */
    public void lock(String stationId, String gridConnectionPoint) {
        lock(List.of(stationId), gridConnectionPoint);
    }

    /**
     * Locks the stations (in key order, whatever the order given), then the grid connection point ({@code null}:
     * none), in one statement. Call inside the planning transaction, once: all the locks a plan needs at a time.
     */
    public void lock(Collection<String> stationIds, String gridConnectionPoint) {
        lock(stationIds, gridConnectionPoint == null ? List.of() : List.of(gridConnectionPoint));
    }

    /**
     * Locks the stations, then the grid connection points, each in key order whatever the order given, in one
     * statement: the locks of a batch of plans under several limits (the station API's planning lanes). Every writer
     * takes stations before grid connection points and both in key order, so no two wait for each other in a cycle.
     */
    public void lock(Collection<String> stationIds, Collection<String> gridConnectionPoints) {
        Keys keys = keys(stationIds, gridConnectionPoints);
        if (keys.isEmpty()) {
            return;
        }
        keys.bind(jdbc.sql("WITH " + TAKE + " SELECT taken FROM planning_locks"))
                .query((rs, row) -> rs.getLong(1)).single();
    }

    /**
     * A common table expression {@code planning_locks} (one row, column {@code taken}) that takes the locks of
     * {@link Keys} ({@link Keys#bind its parameters}) in their order and switches the rest of the transaction to
     * generic plans (see the class comment), for a statement that takes its locks first instead of a statement of its
     * own (a planning batch, {@code schedule.BatchLimitsRepository}: one round trip less per batch). The statement
     * must not touch a row before the locks are taken: filter its first write with the one-time condition
     * {@value #TAKEN}, which PostgreSQL evaluates before the write's first row. One statement text for any number of
     * locks (prepared once per connection).
     */
    public static final String TAKE = """
            planning_locks AS MATERIALIZED (
                SELECT set_config('plan_cache_mode', 'force_generic_plan', true) AS generic,
                       count(pg_advisory_xact_lock(l.ns, l.k)) AS taken
                FROM (SELECT ns, k FROM unnest(CAST(:lockNamespaces AS int[]), CAST(:lockKeys AS int[]))
                                        WITH ORDINALITY AS u(ns, k, i)
                      ORDER BY i) l)""";

    /** The condition that makes a statement's write wait for the locks of {@link #TAKE}. */
    public static final String TAKEN = "(SELECT taken FROM planning_locks) >= 0";

    /**
     * The planning locks of stations and grid connection points in the order they are taken: the stations by key,
     * then the grid connection points by key (duplicates and {@code null}s dropped), whatever the order given.
     */
    public static Keys keys(Collection<String> stationIds, Collection<String> gridConnectionPoints) {
        List<Integer> stations = keys(stationIds);
        List<Integer> grids = keys(gridConnectionPoints);
        int n = stations.size() + grids.size();
        int[] namespaces = new int[n];
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            boolean station = i < stations.size();
            namespaces[i] = station ? STATION_LOCK : GRID_POINT_LOCK;
            keys[i] = station ? stations.get(i) : grids.get(i - stations.size());
        }
        return new Keys(namespaces, keys);
    }

    /** Planning locks in the order they are taken ({@link #keys(Collection, Collection)}). */
    public static final class Keys {
        private final int[] namespaces;
        private final int[] keys;

        private Keys(int[] namespaces, int[] keys) {
            this.namespaces = namespaces;
            this.keys = keys;
        }

        /** Whether there is no lock to take. */
        public boolean isEmpty() {
            return keys.length == 0;
        }

        /** Binds the parameters of {@link #TAKE} to these locks. */
        public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.param("lockNamespaces", namespaces).param("lockKeys", keys);
        }
    }

    private static List<Integer> keys(Collection<String> ids) {
        return ids.stream().filter(Objects::nonNull).map(PlanningLocks::key).distinct().sorted()
                .collect(Collectors.toList());
    }

    /**
     * The lock key of a station or grid connection point id (its String hash, mixed): a collision only makes two
     * targets wait for each other, never lets two plans of one target overlap.
     */
    public static int key(String id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
