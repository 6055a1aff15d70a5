package org.chargeflex.cio.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.junit.jupiter.api.Test;

class ProposalValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final PlanningInput LIMITS = new PlanningInput(NOW, NOW.plus(Duration.ofHours(4)), 20_000, 11_000,
            4_140, 22_000, 16_000, 9_000);

    private static ScheduleProposal proposal(Instant start, Instant until, SchedulePeriod... periods) {
        return new ScheduleProposal(start, List.of(periods), until);
    }

    @Test
    void proposalWithinAllLimitsIsAccepted() {
        ProposalValidator.Checked c = ProposalValidator.check(proposal(NOW, NOW.plusSeconds(7200),
                new SchedulePeriod(0, 9_000), new SchedulePeriod(3600, 0)), LIMITS);
        assertThat(c.valid()).isTrue();
        assertThat(c.plan().periods()).hasSize(2);
    }

    @Test
    void powerAboveTheGridHeadroomIsRefused() {
        assertThat(ProposalValidator.check(proposal(NOW, NOW.plusSeconds(7200), new SchedulePeriod(0, 9_001)), LIMITS)
                .problem()).contains("exceeds the limit of 9000.0 W");
    }

    @Test
    void powerBelowTheEvMinimumButAboveZeroIsRefused() {
        assertThat(ProposalValidator.check(proposal(NOW, NOW.plusSeconds(7200), new SchedulePeriod(0, 2_000)), LIMITS)
                .problem()).contains("below the EV's minimum");
    }

    @Test
    void scheduleStartingLaterOrEndingInThePastIsRefused() {
        assertThat(ProposalValidator.check(proposal(NOW.plusSeconds(600), NOW.plusSeconds(7200),
                new SchedulePeriod(0, 5_000)), LIMITS).problem()).contains("after now");
        assertThat(ProposalValidator.check(proposal(NOW.minusSeconds(7200), NOW.minusSeconds(1),
                new SchedulePeriod(0, 5_000)), LIMITS).problem()).contains("validUntil");
    }

    @Test
    void missingOrMalformedPartsAreRefusedWithAReason() {
        assertThat(ProposalValidator.check(new ScheduleProposal(NOW, null, NOW.plusSeconds(60)), LIMITS).problem())
                .contains("required");
        assertThat(ProposalValidator.check(proposal(NOW, NOW.plusSeconds(7200), new SchedulePeriod(5, 5_000)), LIMITS)
                .problem()).contains("periods[0].offsetSeconds must be 0");
    }
}
