package org.chargeflex.cio.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.cio.contract.UserIdentification.Type;
import org.junit.jupiter.api.Test;

class ContractValidationTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final UserIdentification USER = new UserIdentification(Type.RFID, "04A1B2C3");

    private static EvParameters ev() {
        return new EvParameters(10_000, 11_000.0, null, null, 6.0, 3, T0.plusSeconds(8 * 3600));
    }

    @Test
    void evMaxPowerIsTheLowerOfPowerAndCurrentLimits() {
        EvParameters both = new EvParameters(1, 11_000.0, null, 10.0, null, 3, T0);
        assertThat(both.maxPowerW(230)).isEqualTo(6900.0);
        EvParameters currentOnly = new EvParameters(1, null, null, 16.0, 6.0, 1, T0);
        assertThat(currentOnly.maxPowerW(230)).isEqualTo(3680.0);
        assertThat(currentOnly.minPowerW(230)).isEqualTo(1380.0);
    }

    @Test
    void evWithoutAnyMaximumIsRefusedWithTheFieldNames() {
        assertThatThrownBy(() -> new EvParameters(1, null, null, null, null, 3, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ev.maxPowerW or ev.maxCurrentA");
    }

    @Test
    void evMinimumAboveMaximumIsRefused() {
        assertThatThrownBy(() -> new EvParameters(1, 3000.0, 4000.0, null, null, 1, T0))
                .hasMessageContaining("ev.minPowerW (4000.0) must not exceed ev.maxPowerW (3000.0)");
    }

    @Test
    void evPhasesOutsideOneToThreeAreRefused() {
        assertThatThrownBy(() -> new EvParameters(1, 3000.0, null, null, null, 4, T0)).hasMessageContaining("ev.phases");
    }

    @Test
    void nonFiniteOrNegativeQuantitiesAreRefused() {
        assertThatThrownBy(() -> new EvParameters(Double.NaN, 3000.0, null, null, null, 1, T0))
                .hasMessageContaining("ev.energyDemandWh");
        assertThatThrownBy(() -> new SchedulePeriod(0, -1)).hasMessageContaining("period.maxPowerW");
    }

    @Test
    void requestRefusesBadIdsAndNonHttpManagementUrls() {
        assertThatThrownBy(() -> new ChargingRequest("ST 1", "1", "s1", USER, ev(), null))
                .hasMessageContaining("stationId must be 1 to 64 characters");
        assertThatThrownBy(() -> new ChargingRequest("ST-1", "1", "s1", USER, ev(), URI.create("file:///etc/passwd")))
                .hasMessageContaining("managementServiceUrl must be an absolute http(s) URL");
        assertThatThrownBy(() -> new ChargingRequest("ST-1", "1", "s1", null, ev(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("user is required");
        assertThat(new ChargingRequest("ST-1", "1", "s1", USER, ev(), URI.create("https://fleet.example/plan")))
                .isNotNull();
    }

    @Test
    void scheduleNeedsPeriodsStartingAtZeroStrictlyIncreasing() {
        assertThatThrownBy(() -> schedule(List.of(new SchedulePeriod(10, 1000))))
                .hasMessageContaining("periods[0].offsetSeconds must be 0");
        assertThatThrownBy(() -> schedule(List.of(new SchedulePeriod(0, 1000), new SchedulePeriod(0, 500))))
                .hasMessageContaining("periods[1].offsetSeconds must be greater");
        assertThatThrownBy(() -> schedule(List.of())).hasMessageContaining("periods must have 1 to 1024 entries");
    }

    @Test
    void scheduleMustEndAfterItsLastPeriodStarts() {
        assertThatThrownBy(() -> new ChargingSchedule("sch1", "s1", T0,
                List.of(new SchedulePeriod(0, 1000), new SchedulePeriod(3600, 0)), T0.plusSeconds(3600), 60))
                .hasMessageContaining("must be after the start of the last period");
    }

    @Test
    void scheduleGivesTheLimitInForceAndNoneOutsideItsValidity() {
        ChargingSchedule s = new ChargingSchedule("sch1", "s1", T0,
                List.of(new SchedulePeriod(0, 11_000), new SchedulePeriod(1800, 4_000)), T0.plusSeconds(3600), 60);
        assertThat(s.maxPowerAt(T0.minusSeconds(1))).isEmpty();
        assertThat(s.maxPowerAt(T0).getAsDouble()).isEqualTo(11_000);
        assertThat(s.maxPowerAt(T0.plusSeconds(1799)).getAsDouble()).isEqualTo(11_000);
        assertThat(s.maxPowerAt(T0.plusSeconds(1800)).getAsDouble()).isEqualTo(4_000);
        assertThat(s.maxPowerAt(T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void scheduleKeepsAnImmutableCopyOfItsPeriods() {
        List<SchedulePeriod> periods = new ArrayList<>(List.of(new SchedulePeriod(0, 1000)));
        ChargingSchedule s = schedule(periods);
        periods.add(new SchedulePeriod(10, 0));
        assertThat(s.periods()).hasSize(1);
        assertThatThrownBy(() -> s.periods().add(new SchedulePeriod(20, 0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void meterBatchRefusesDuplicateSequenceNumbersAndEmptyOrHugeBatches() {
        MeterValue v = new MeterValue(7, T0, "1", null, 100, 0, null);
        assertThatThrownBy(() -> new MeterValueBatch("ST-1", List.of(v, v))).hasMessageContaining("sequenceNumber 7 twice");
        assertThatThrownBy(() -> new MeterValueBatch("ST-1", List.of())).hasMessageContaining("items must have 1 to 1000");
        List<MeterValue> many = new ArrayList<>();
        for (int i = 0; i <= MeterValueBatch.MAX_ITEMS; i++) {
            many.add(new MeterValue(i, T0, "1", null, i, 0, null));
        }
        assertThatThrownBy(() -> new MeterValueBatch("ST-1", many)).hasMessageContaining("had 1001");
    }

    @Test
    void meterValueRefusesNegativeSequenceAndBadPhaseCurrents() {
        assertThatThrownBy(() -> new MeterValue(-1, T0, "1", null, 0, 0, null)).hasMessageContaining("sequenceNumber");
        assertThatThrownBy(() -> new MeterValue(1, T0, "1", null, 0, 0, List.of(1.0, 2.0, 3.0, 4.0)))
                .hasMessageContaining("phaseCurrentsA must have 1 to 3 values");
        assertThatThrownBy(() -> new MeterValue(1, T0, "1", null, 0, 0, List.of(1.0, -2.0)))
                .hasMessageContaining("phaseCurrentsA[1]");
    }

    @Test
    void sessionRecordStartHasNoStopFieldsAndStopIsConsistent() {
        assertThatThrownBy(() -> new SessionRecord("ST-1", 1, SessionRecord.Kind.START, "s1", "1", USER, T0, 100,
                T0.plusSeconds(1), 200.0)).hasMessageContaining("START record must not have");
        assertThatThrownBy(() -> new SessionRecord("ST-1", 1, SessionRecord.Kind.STOP, "s1", "1", USER, T0, 100,
                T0.plusSeconds(1), 50.0)).hasMessageContaining("stopEnergyWh (50.0) must not be below");
        assertThatThrownBy(() -> new SessionRecord("ST-1", 1, SessionRecord.Kind.STOP, "s1", "1", USER, T0, 100,
                T0.minusSeconds(1), 150.0)).hasMessageContaining("must not be before startTime");
        SessionRecord stop = new SessionRecord("ST-1", 2, SessionRecord.Kind.STOP, "s1", "1", null, T0, 100,
                T0.plusSeconds(3600), 7_100.0);
        assertThat(stop.energyWh()).isEqualTo(7_000.0);
    }

    private static ChargingSchedule schedule(List<SchedulePeriod> periods) {
        return new ChargingSchedule("sch1", "s1", T0, periods, T0.plusSeconds(3600), 60);
    }
}
