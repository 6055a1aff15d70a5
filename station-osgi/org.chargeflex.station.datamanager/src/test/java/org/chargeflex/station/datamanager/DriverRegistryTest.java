package org.chargeflex.station.datamanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.station.api.test.FakeDriver;
import org.junit.jupiter.api.Test;

class DriverRegistryTest {

    @Test
    void findsDriversByIdAndKeepsAStandInForADuplicateId() {
        DriverRegistry registry = new DriverRegistry();
        List<String> changes = new CopyOnWriteArrayList<>();
        registry.addListener(changes::add);
        FakeDriver first = new FakeDriver("virtual");
        FakeDriver second = new FakeDriver("virtual");
        FakeDriver other = new FakeDriver("m3b");

        registry.add(first);
        registry.add(second);
        registry.add(other);
        assertThat(registry.get("virtual")).isSameAs(first);
        assertThat(registry.get("m3b")).isSameAs(other);

        registry.remove(first);
        assertThat(registry.get("virtual")).isSameAs(second);
        registry.remove(second);
        registry.remove(second); // twice: ignored
        assertThat(registry.get("virtual")).isNull();
        assertThat(changes).containsExactly("virtual", "virtual", "m3b", "virtual", "virtual");
    }
}
