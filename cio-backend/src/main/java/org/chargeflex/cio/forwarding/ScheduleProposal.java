package org.chargeflex.cio.forwarding;

import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.SchedulePeriod;

/** A management service's answer (docs/forwarding-contract.md): a schedule without ids, checked by {@link ProposalValidator}. */
public record ScheduleProposal(Instant startTime, List<SchedulePeriod> periods, Instant validUntil) {
}
