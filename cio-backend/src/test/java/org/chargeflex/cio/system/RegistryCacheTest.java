package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RegistryCacheTest {
    private final AtomicBoolean live = new AtomicBoolean(true);
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final RegistryCache<String, String> cache = new RegistryCache<>("test", 3, Duration.ofSeconds(60),
            live::get, clock::get);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void servesALoadedValueUntilItsTablesChange() {
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");

        cache.invalidateAll();

        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLoadThatOverlapsAChangeIsNotKept() {
        String raced = cache.get("a", key -> {
            cache.invalidateAll(); // the row changed while it was being read: the value may be the old one
            return load(key);
        });

        assertThat(raced).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void aValueReadBeforeAChangeIsNotStoredAfterIt() {
        long generation = cache.generation();
        cache.invalidateAll();

        cache.put("a", "old", generation);

        assertThat(cache.peek("a")).isNull();
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
    }

    @Test
    void servesNothingWhileChangesCannotBeHeard() {
        cache.get("a", this::load);
        live.set(false);

        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.generation()).isNegative();

        live.set(true);
        cache.invalidateAll(); // what RegistryChanges does when it listens again
        assertThat(cache.get("a", this::load)).isEqualTo("a#4");
        assertThat(cache.get("a", this::load)).isEqualTo("a#4");
    }

    @Test
    void anEntryIsServedAtMostItsMaximumAge() {
        cache.get("a", this::load);
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");

        clock.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void holdsAtMostItsCapacity() {
        for (String key : new String[] {"a", "b", "c", "d", "e"}) {
            cache.get(key, this::load);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("e", this::load)).isEqualTo("e#5");
    }

    @Test
    void aRemovedEntryIsReadAgain() {
        cache.get("a", this::load);
        cache.remove("a");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void refusesNullValuesAndBadSettings() {
        assertThatThrownBy(() -> cache.get("a", key -> null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("loader returned null");
        assertThatThrownBy(() -> new RegistryCache<String, String>("x", 0, Duration.ofSeconds(1), live::get, clock::get))
                .hasMessageContaining("capacity must be at least 1");
        assertThatThrownBy(() -> new RegistryCache<String, String>("x", 1, Duration.ZERO, live::get, clock::get))
                .hasMessageContaining("maxAge must be positive");
    }
}
