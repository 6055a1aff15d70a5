package org.chargeflex.cio.system;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * An in-memory copy of registry rows that the station API reads on every request (a station's credential hash, its
 * grid connection point and outlets, the management service responsible for a user), kept correct by
 * {@link RegistryChanges}: every change of a table it depends on, by this instance or any other, empties it.
 *
 * <p>Rules that keep it from ever serving a value older than the last change it was told of:
 * <ul>
 * <li>Each entry remembers the <em>generation</em> of the cache when its load began; an invalidation raises the
 *     generation, so an entry loaded before it is never served again, and a load that overlapped it (it may have read
 *     the old row) is not stored.</li>
 * <li>While {@link RegistryChanges} is not listening (starting, or its connection lost) nothing is stored or served:
 *     every read goes to the database, because changes would go unnoticed.</li>
 * <li>An entry is served for at most {@code maxAge}, a bound for the worst case (a notification lost with a connection
 *     that has not yet been noticed dead).</li>
 * <li>At most {@code capacity} entries; when full, it is emptied (simple and bounded; a registry larger than the
 *     capacity only costs database reads).</li>
 * </ul>
 * Values may be empty {@link java.util.Optional}s ("no such row"): a row inserted later is a change like any other.
 *
 * @param <K> the key (e.g. a station id)
 * @param <V> the value; loaders must not return {@code null}
 */
public final class RegistryCache<K, V> {
    private final String name;
    private final int capacity;
    private final long maxAgeNanos;
    private final BooleanSupplier live;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    private record Entry<V>(V value, long generation, long loadedAtNanos) {
    }

    RegistryCache(String name, int capacity, Duration maxAge, BooleanSupplier live, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache '" + name + "': capacity must be at least 1, was " + capacity);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("cache '" + name + "': maxAge must be positive, was " + maxAge);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.capacity = capacity;
        this.maxAgeNanos = maxAge.toNanos();
        this.live = Objects.requireNonNull(live, "live");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The cached value of {@code key}, else {@code loader}'s (from the database), kept if nothing changed meanwhile. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        long now = nanoTime.getAsLong();
        Entry<V> e = entries.get(key);
        if (servable(e, now)) {
            return e.value();
        }
        long before = generation();
        V value = Objects.requireNonNull(loader.apply(key), () -> "cache '" + name + "': loader returned null");
        store(key, value, before, now);
        return value;
    }

    /**
     * The current generation, for a caller that loads a value itself: take it <em>before</em> reading the database,
     * then {@link #put} with it.
     */
    public long generation() {
        return live.getAsBoolean() ? generation.get() : -1;
    }

    /** Stores a value read from the database after {@link #generation()} returned {@code loadedAt}. */
    public void put(K key, V value, long loadedAt) {
        store(key, Objects.requireNonNull(value, "value"), loadedAt, nanoTime.getAsLong());
    }

    /** The cached value of {@code key}, or {@code null} if it has none that may be served. */
    public V peek(K key) {
        Entry<V> e = entries.get(key);
        return servable(e, nanoTime.getAsLong()) ? e.value() : null;
    }

    /** Drops the entry of {@code key} (a value found wrong: the next read goes to the database). */
    public void remove(K key) {
        entries.remove(key);
    }

    /** Drops every entry, including those being loaded now. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** How many entries are held (for tests and monitoring). */
    public int size() {
        return entries.size();
    }

    public String name() {
        return name;
    }

    /** Loaded in the current generation, younger than the maximum age, and changes can be heard. */
    private boolean servable(Entry<V> e, long now) {
        return e != null && e.generation() == generation.get() && now - e.loadedAtNanos() < maxAgeNanos
                && live.getAsBoolean();
    }

    private void store(K key, V value, long loadedAt, long now) {
        if (loadedAt < 0 || !live.getAsBoolean()) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        Entry<V> entry = new Entry<>(value, loadedAt, now);
        entries.put(key, entry);
        if (generation.get() != loadedAt) {
            // an invalidation raced with this load: the entry is never served (its generation is old); drop it
            entries.remove(key, entry);
        }
    }

    @Override
    public String toString() {
        return "RegistryCache[" + name + ", " + entries.size() + " entries]";
    }
}
