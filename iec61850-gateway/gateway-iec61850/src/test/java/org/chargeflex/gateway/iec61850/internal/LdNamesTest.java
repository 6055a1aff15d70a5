package org.chargeflex.gateway.iec61850.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.TestStations;
import org.junit.jupiter.api.Test;

class LdNamesTest {

    @Test
    void sanitisesAndDisambiguatesStationIds() {
        LdNames names = new LdNames(List.of(TestStations.info("st-1", 1), TestStations.info("st:1", 1),
                TestStations.info("x".repeat(70), 1)));
        assertThat(names.inst("st-1")).isEqualTo("Sst_1");
        assertThat(names.inst("st:1")).isEqualTo("Sst_1_2");
        assertThat(names.inst("x".repeat(70))).hasSize(LdNames.MAX_INST);
        assertThat(names.station("Sst_1_2")).isEqualTo("st:1");
        assertThat(names.inst("unknown")).isNull();
    }

    @Test
    void gridConnectionPointsGetGInstancesThatNeverClashWithStations() {
        LdNames names = new LdNames(List.of(TestStations.info("st-1", 1)),
                List.of(new GridConnectionPointInfo("st-1", null, 1), new GridConnectionPointInfo("FEEDER-7", null, 1)));
        assertThat(names.inst(CurtailmentTarget.gridConnectionPoint("st-1"))).isEqualTo("Gst_1");
        assertThat(names.inst(CurtailmentTarget.gridConnectionPoint("FEEDER-7"))).isEqualTo("GFEEDER_7");
        assertThat(names.target("Gst_1")).isEqualTo(CurtailmentTarget.gridConnectionPoint("st-1"));
        assertThat(names.station("Gst_1")).as("not a station").isNull();
        assertThat(names.station("Sst_1")).isEqualTo("st-1");
    }
}
