package org.chargeflex.station.charging.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.junit.jupiter.api.Test;

/** The offline and fallback timing, with explicit instants. */
class LimitPolicyTest {
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    final LimitPolicy policy = new LimitPolicy(Duration.ofMinutes(10), 10, 32);
    final ChargingSchedule schedule = new ChargingSchedule("a", "s1", T0,
            List.of(new SchedulePeriod(0, 11040), new SchedulePeriod(1800, 22080)), T0.plusSeconds(3600), 60);

    LimitDecision at(long seconds, Instant lastContact, Double lastCioLimit) {
        return policy.decide(T0.plusSeconds(seconds), schedule, lastContact, T0, lastCioLimit, 3, 230);
    }

    @Test
    void theScheduleAppliesWhileTheCioWasReachedWithinTheAllowance() {
        assertThat(at(10, T0, null)).isEqualTo(new LimitDecision(16.0, LimitDecision.Source.SCHEDULE, 11040));
        assertThat(at(1900, T0.plusSeconds(1400), 16.0).currentA()).isEqualTo(32.0);
    }

    @Test
    void offlineTheScheduleStaysUntilTheAllowanceThenTheFallbackNeverAboveTheLastCioLimit() {
        assertThat(at(600, T0, 16.0).source()).isEqualTo(LimitDecision.Source.SCHEDULE);
        LimitDecision after = at(601, T0, 16.0);
        assertThat(after.source()).isEqualTo(LimitDecision.Source.FALLBACK);
        assertThat(after.currentA()).isEqualTo(10.0);
        assertThat(at(601, T0, 8.0).currentA()).as("never above the last limit given").isEqualTo(8.0);
        assertThat(at(601, T0, 0.0).currentA()).isZero();
    }

    @Test
    void whenTheScheduleEndsTheFallbackApplies() {
        LimitDecision d = at(3600, T0.plusSeconds(3590), 32.0);
        assertThat(d.source()).isEqualTo(LimitDecision.Source.FALLBACK);
        assertThat(d.currentA()).isEqualTo(10.0);
    }

    @Test
    void beforeTheFirstScheduleTheOutletWaitsPausedThenFallsBack() {
        assertThat(policy.decide(T0.plusSeconds(599), null, null, T0, null, 3, 230))
                .isEqualTo(new LimitDecision(0, LimitDecision.Source.WAITING, -1));
        LimitDecision d = policy.decide(T0.plusSeconds(601), null, null, T0, null, 3, 230);
        assertThat(d.source()).isEqualTo(LimitDecision.Source.FALLBACK);
        assertThat(d.currentA()).isEqualTo(10.0);
    }

    @Test
    void aFallbackBelowSixAmpsIsAPause() {
        LimitPolicy low = new LimitPolicy(Duration.ofMinutes(1), 5, 32);
        assertThat(low.decide(T0.plusSeconds(61), null, null, T0, null, 3, 230).currentA()).isZero();
    }
}
