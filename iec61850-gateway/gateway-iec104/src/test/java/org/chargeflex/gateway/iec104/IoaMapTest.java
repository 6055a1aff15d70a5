package org.chargeflex.gateway.iec104;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
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
        assertThat(map.targetOfSetpoint(6900)).contains(CurtailmentTarget.station("a"));
        assertThat(map.targetOfCommand(6901)).contains(CurtailmentTarget.station("a"));
        assertThat(map.targetOfSetpoint(6902)).isEmpty();
        assertThat(map.targetOfSetpoint(9900)).isEmpty();
    }

    @Test
    void gridConnectionPointsCountDownFromTheTopAndAddingStationsMovesNothingConfiguredOrAGcp() {
        List<GridConnectionPointInfo> gcps = List.of(new GridConnectionPointInfo("g-2", null, 1),
                new GridConnectionPointInfo("g-1", null, 1), new GridConnectionPointInfo("g-9", null, 1));
        Map<String, Integer> gcpBlocks = Map.of("g-9", 3);
        IoaMap before = new IoaMap(List.of(TestStations.info("b", 1)), Map.of("b", 2), gcps, gcpBlocks);
        IoaMap after = new IoaMap(List.of(TestStations.info("b", 1), TestStations.info("a", 1),
                TestStations.info("c", 1)), Map.of("b", 2), gcps, gcpBlocks);
        for (IoaMap map : List.of(before, after)) {
            assertThat(map.base(CurtailmentTarget.gridConnectionPoint("g-1"))).contains(16_000_000);
            assertThat(map.base(CurtailmentTarget.gridConnectionPoint("g-2"))).contains(15_999_000);
            assertThat(map.base(CurtailmentTarget.gridConnectionPoint("g-9"))).contains(3000);
            assertThat(map.base("b")).contains(2000);
            assertThat(map.targetOfSetpoint(16_000_900)).contains(CurtailmentTarget.gridConnectionPoint("g-1"));
        }
        assertThat(after.base("a")).as("the next free block after b's, skipping g-9's block 3").contains(4000);
        assertThat(after.base("c")).contains(5000);
    }

    @Test
    void blocksMustBeDistinctAndInRange() {
        assertThatThrownBy(() -> Iec104Server.builder().stationBlock("a", 1).stationBlock("b", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iec104Server.builder().stationBlock("a", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iec104Server.builder().stationBlock("a", IoaMap.MAX_BLOCK + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iec104Server.builder().stationBlock("a", 7).gridConnectionPointBlock("g", 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iec104Server.builder().allowedClients(java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
