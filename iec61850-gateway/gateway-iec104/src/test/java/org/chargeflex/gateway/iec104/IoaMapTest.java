package org.chargeflex.gateway.iec104;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.chargeflex.gateway.core.TestStations;
import org.junit.jupiter.api.Test;

class IoaMapTest {

    @Test
    void configuredBlocksAreKeptAndOthersFollowInIdOrder() {
        IoaMap map = new IoaMap(List.of(TestStations.info("c", 1), TestStations.info("a", 1),
                TestStations.info("b", 1)), Map.of("b", 5));
        assertThat(map.base("b")).contains(5000);
        assertThat(map.base("a")).contains(6000);
        assertThat(map.base("c")).contains(7000);
        assertThat(map.base("x")).isEmpty();
        assertThat(map.stationOfSetpoint(6900)).contains("a");
        assertThat(map.stationOfSetpoint(6901)).isEmpty();
        assertThat(map.stationOfSetpoint(9900)).isEmpty();
    }

    @Test
    void blocksMustBeDistinctAndInRange() {
        assertThatThrownBy(() -> Iec104Server.builder().stationBlock("a", 1).stationBlock("b", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iec104Server.builder().stationBlock("a", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iec104Server.builder().stationBlock("a", IoaMap.MAX_BLOCK + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iec104Server.builder().allowedClients(java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
