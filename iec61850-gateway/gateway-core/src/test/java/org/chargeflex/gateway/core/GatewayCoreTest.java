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
        Curtailment c = core.curtail("st-1", 5000, "test").orElseThrow();
        assertThat(c.emergency()).isTrue();
        assertThat(sink.next(5, TimeUnit.SECONDS)).isEqualTo(c);
        assertThat(sink.next(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(core.curtailment("st-1")).contains(c);
    }

    @Test
    void curtailmentAboveTheMeasuredPowerIsNoEmergency() throws Exception {
        start();
        assertThat(core.curtail("st-1", 20_000, "test").orElseThrow().emergency()).isFalse();
        assertThat(sink.next(5, TimeUnit.SECONDS).emergency()).isFalse();
        assertThat(sink.next(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void curtailmentBelowThePlannedPowerOrThePreviousLimitIsAnEmergencyEvenWhileLessIsDrawn() throws Exception {
        StationSnapshot ramping = TestStations.charging(st1, 1000, 100, T0);
        source.put(new StationSnapshot(st1, ramping.outlets(), Reading.good(14_000, T0), true));
        core = GatewayCore.builder().source(source).sink(sink).pollInterval(Duration.ofHours(1)).build().start();
        assertThat(core.curtail("st-1", 5000, "test").orElseThrow().emergency()).as("2 kW drawn, 14 kW planned").isTrue();
        assertThat(core.curtail("st-1", 15_000, "test").orElseThrow().emergency()).isFalse();
        assertThat(core.curtail("st-1", 14_500, "test").orElseThrow().emergency()).as("below the previous limit").isTrue();
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
    void aFailedCurtailmentIsRetriedUntilAppliedARefusedOneIsRolledBackToTheLastAcceptedLimit() throws Exception {
        source.put(TestStations.charging(st1, 7000, 100, T0));
        java.util.concurrent.BlockingQueue<String> attempts = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(2);
        CurtailmentSink flaky = new CurtailmentSink() {
            @Override
            public void apply(Curtailment c) throws SinkException {
                attempts.add(c.limitW() + "");
                if (c.limitW() == 1000) {
                    throw new SinkException("refused", null, false);
                }
                if (failures.getAndDecrement() > 0) {
                    throw new SinkException("CIO unreachable");
                }
            }

            @Override
            public void lift(CurtailmentTarget target, String origin) {
                attempts.add("lift");
            }
        };
        core = GatewayCore.builder().source(source).sink(flaky).pollInterval(Duration.ofHours(1))
                .retryDelay(Duration.ofMillis(10)).build().start();
        List<CurtailmentTarget> heard = new CopyOnWriteArrayList<>();
        core.addListener(new StationListener() {
            @Override
            public void snapshotChanged(StationSnapshot snapshot) {
            }

            @Override
            public void curtailmentChanged(CurtailmentTarget target) {
                heard.add(target);
            }
        });
        core.curtail("st-1", 5000, "test");
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.poll(5, TimeUnit.SECONDS)).as("attempt %d", i).isEqualTo("5000.0");
        }
        assertThat(attempts.poll(200, TimeUnit.MILLISECONDS)).as("applied: no more attempts").isNull();
        core.curtail("st-1", 1000, "test");
        assertThat(attempts.poll(5, TimeUnit.SECONDS)).isEqualTo("1000.0");
        assertThat(attempts.poll(200, TimeUnit.MILLISECONDS)).as("refused: not retried").isNull();
        assertThat(core.curtailment("st-1").orElseThrow().limitW()).as("the last limit the CIO accepted is served")
                .isEqualTo(5000);
        assertThat(heard).as("accepted 5000, accepted 1000, rolled back").hasSize(3)
                .containsOnly(CurtailmentTarget.station("st-1"));
    }

    @Test
    void aRefusedFirstCurtailmentServesTheRatingAgain() throws Exception {
        start();
        sink.setRefusing(true);
        core.curtail("st-1", 3000, "SCADA 10.0.0.5");
        assertThat(sink.nextRefused(5, TimeUnit.SECONDS).limitW()).isEqualTo(3000);
        for (int i = 0; i < 50 && core.curtailment("st-1").isPresent(); i++) {
            Thread.sleep(20); // the rollback follows the refusal on the dispatcher thread
        }
        assertThat(core.curtailment("st-1")).as("nothing was ever accepted: no limit").isEmpty();
    }

    @Test
    void theCurtailmentsInForceAtTheCioAreServedFromTheStartAndARefusalFallsBackToThem() throws Exception {
        Curtailment held = new Curtailment("st-1", 8000, false, "before the gateway started", T0);
        source.put(new Curtailment("gone", 1000, false, "a station no longer registered", T0)).put(held);
        start();
        assertThat(core.curtailment("st-1")).contains(held);
        assertThat(core.curtailment("gone")).isEmpty();
        sink.setRefusing(true);
        core.curtail("st-1", 3000, "SCADA");
        assertThat(sink.nextRefused(5, TimeUnit.SECONDS).limitW()).isEqualTo(3000);
        for (int i = 0; i < 50 && core.curtailment("st-1").orElseThrow().limitW() != 8000; i++) {
            Thread.sleep(20); // the rollback follows the refusal on the dispatcher thread
        }
        assertThat(core.curtailment("st-1")).contains(held);
    }

    @Test
    void aLimitAtTheRatingOrALiftDeletesTheCurtailment() throws Exception {
        start();
        core.curtail("st-1", 5000, "test");
        assertThat(sink.next(5, TimeUnit.SECONDS).limitW()).isEqualTo(5000);
        assertThat(core.curtail("st-1", 22_000, "test")).as("at the rating").isEmpty();
        assertThat(sink.nextLift(5, TimeUnit.SECONDS)).isEqualTo(CurtailmentTarget.station("st-1"));
        assertThat(core.curtailment("st-1")).isEmpty();
        core.lift(CurtailmentTarget.station("st-1"), "test");
        assertThat(sink.nextLift(5, TimeUnit.SECONDS)).as("lifting again is passed on too").isNotNull();
        assertThatThrownBy(() -> core.lift(CurtailmentTarget.gridConnectionPoint("nope"), "test"))
                .isInstanceOf(CurtailmentRejectedException.class);
    }

    @Test
    void gridConnectionPointsSumTheirStationsAndAreCurtailedAsTargets() throws Exception {
        StationInfo st2 = TestStations.info("st-2", 1, "gcp-A");
        StationInfo other = TestStations.info("st-3", 1, "gcp-B");
        source.put(TestStations.charging(TestStations.info("st-1", 2, "gcp-A"), 7000, 100, T0))
                .put(TestStations.charging(st2, 3000, 100, T0.plusSeconds(5)))
                .put(TestStations.charging(other, 1000, 100, T0))
                .put(new GridConnectionPointInfo("gcp-A", "Feeder A", 40_000))
                .put(new GridConnectionPointInfo("gcp-B", null, 40_000));
        core = GatewayCore.builder().source(source).sink(sink).pollInterval(Duration.ofHours(1)).build().start();
        assertThat(core.gridConnectionPoints()).extracting(GridConnectionPointInfo::id).containsExactly("gcp-A",
                "gcp-B");
        assertThat(core.gridConnectionPointPowerW("gcp-A")).isEqualTo(Reading.good(17_000, T0.plusSeconds(5)));
        source.setFailing(true);
        core.pollNow();
        assertThat(core.gridConnectionPointPowerW("gcp-A").quality()).as("worst member").isEqualTo(
                Quality.OLD_DATA);
        assertThat(core.gridConnectionPoints()).as("kept when unreadable").hasSize(2);

        CurtailmentTarget a = CurtailmentTarget.gridConnectionPoint("gcp-A");
        Curtailment c = core.curtail(a, 10_000, "test").orElseThrow();
        assertThat(c.emergency()).as("below the 17 kW drawn").isTrue();
        assertThat(sink.next(5, TimeUnit.SECONDS)).isEqualTo(c);
        assertThat(core.curtailment(a)).contains(c);
        assertThat(core.curtailment("st-1")).as("stations keep their own limits").isEmpty();
        assertThatThrownBy(() -> core.curtail(a, 40_001, "test")).isInstanceOf(CurtailmentRejectedException.class);
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
