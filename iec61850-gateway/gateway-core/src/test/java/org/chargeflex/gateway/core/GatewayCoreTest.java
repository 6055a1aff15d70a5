package org.chargeflex.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.memory.InMemoryStationSource;
import org.chargeflex.gateway.core.memory.RecordingCurtailmentSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayCoreTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final InMemoryStationSource source = new InMemoryStationSource();
    private final RecordingCurtailmentSink sink = new RecordingCurtailmentSink();
    private final StationInfo st1 = TestStations.info("st-1", 2);
    private GatewayCore core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    private GatewayCore start() {
        source.put(TestStations.charging(st1, 7000, 100, T0));
        core = GatewayCore.builder().source(source).sink(sink).pollInterval(Duration.ofHours(1)).build().start();
        return core;
    }

    @Test
    void aggregatesTheOutletsIntoStationValues() {
        StationSnapshot s = start().snapshot("st-1").orElseThrow();
        assertThat(s.totalPowerW()).isEqualTo(Reading.good(14_000, T0));
        assertThat(s.phaseVoltageV(2).value()).isEqualTo(230);
        assertThat(s.energyWh().value()).isEqualTo(200);
        assertThat(s.chargingCurrentA().value()).isCloseTo(14_000 / 3.0 / 230, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void unreachableSourceAgesTheLastValuesAndKeepsTheRegistry() {
        start();
        source.setFailing(true);
        core.pollNow();
        StationSnapshot s = core.snapshot("st-1").orElseThrow();
        assertThat(core.stations()).containsExactly(st1);
        assertThat(s.totalPowerW()).isEqualTo(new Reading(14_000, Quality.OLD_DATA, T0));
        assertThat(s.outlets().get(0).cpState().quality()).isEqualTo(Quality.OLD_DATA);
        assertThat(s.online()).isFalse();
    }

    @Test
    void listenersHearOfChangesOnly() {
        start();
        List<StationSnapshot> heard = new CopyOnWriteArrayList<>();
        core.addListener(heard::add);
        core.pollNow();
        assertThat(heard).isEmpty();
        source.put(TestStations.charging(st1, 5000, 100, T0.plusSeconds(1)));
        core.pollNow();
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).totalPowerW().value()).isEqualTo(10_000);
    }

    @Test
    void curtailmentBelowTheMeasuredPowerIsPassedOnAsAnEmergency() throws Exception {
        start();
        Curtailment c = core.curtail("st-1", 5000, "test");
        assertThat(c.emergency()).isTrue();
        assertThat(sink.next(5, TimeUnit.SECONDS)).isEqualTo(c);
        assertThat(sink.next(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(core.curtailment("st-1")).contains(c);
    }

    @Test
    void curtailmentAboveTheMeasuredPowerIsNoEmergency() throws Exception {
        start();
        assertThat(core.curtail("st-1", 20_000, "test").emergency()).isFalse();
        assertThat(sink.next(5, TimeUnit.SECONDS).emergency()).isFalse();
        assertThat(sink.next(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void curtailmentBelowThePlannedPowerOrThePreviousLimitIsAnEmergencyEvenWhileLessIsDrawn() throws Exception {
        StationSnapshot ramping = TestStations.charging(st1, 1000, 100, T0);
        source.put(new StationSnapshot(st1, ramping.outlets(), Reading.good(14_000, T0), true));
        core = GatewayCore.builder().source(source).sink(sink).pollInterval(Duration.ofHours(1)).build().start();
        assertThat(core.curtail("st-1", 5000, "test").emergency()).as("2 kW drawn, 14 kW planned").isTrue();
        assertThat(core.curtail("st-1", 15_000, "test").emergency()).isFalse();
        assertThat(core.curtail("st-1", 14_500, "test").emergency()).as("below the previous limit").isTrue();
    }

    @Test
    void refusesUnknownStationsAndOutOfRangeLimitsWithoutChangingAnything() {
        start();
        assertThatThrownBy(() -> core.curtail("nope", 1000, "test")).isInstanceOf(CurtailmentRejectedException.class)
                .extracting(e -> ((CurtailmentRejectedException) e).reason())
                .isEqualTo(CurtailmentRejectedException.Reason.UNKNOWN_STATION);
        for (double bad : new double[] {-1, 22_000.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> core.curtail("st-1", bad, "test"))
                    .isInstanceOf(CurtailmentRejectedException.class)
                    .extracting(e -> ((CurtailmentRejectedException) e).reason())
                    .isEqualTo(CurtailmentRejectedException.Reason.OUT_OF_RANGE);
        }
        assertThat(core.curtailment("st-1")).isEmpty();
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void aFailedCurtailmentIsRetriedUntilAppliedARefusedOneIsDropped() throws Exception {
        source.put(TestStations.charging(st1, 7000, 100, T0));
        java.util.concurrent.BlockingQueue<String> attempts = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(2);
        CurtailmentSink flaky = (c, station) -> {
            attempts.add(c.limitW() + "");
            if (c.limitW() == 1000) {
                throw new SinkException("refused", null, false);
            }
            if (failures.getAndDecrement() > 0) {
                throw new SinkException("CIO unreachable");
            }
        };
        core = GatewayCore.builder().source(source).sink(flaky).pollInterval(Duration.ofHours(1))
                .retryDelay(Duration.ofMillis(10)).build().start();
        core.curtail("st-1", 5000, "test");
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.poll(5, TimeUnit.SECONDS)).as("attempt %d", i).isEqualTo("5000.0");
        }
        assertThat(attempts.poll(200, TimeUnit.MILLISECONDS)).as("applied: no more attempts").isNull();
        core.curtail("st-1", 1000, "test");
        assertThat(attempts.poll(5, TimeUnit.SECONDS)).isEqualTo("1000.0");
        assertThat(attempts.poll(200, TimeUnit.MILLISECONDS)).as("refused: not retried").isNull();
        assertThat(core.curtailment("st-1").orElseThrow().limitW()).as("the limit in force as served")
                .isEqualTo(1000);
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> GatewayCore.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GatewayCore.builder().pollInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutletInfo("1", 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpState('G', Quality.GOOD, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
