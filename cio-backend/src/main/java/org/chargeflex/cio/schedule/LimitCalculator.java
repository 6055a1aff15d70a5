package org.chargeflex.cio.schedule;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.station.PlanGenerations;
import org.springframework.stereotype.Component;

/**
 * The limits for planning one session outside a planning batch (the check of a management service's answer before
 * the batch): the same read and the same figures as the batch's ({@link BatchLimitsRepository}, {@link BatchLimits}),
 * for the one request.
 */
@Component
class LimitCalculator {
    private final BatchLimitsRepository limits;
    private final GridLimits gridLimits;

    LimitCalculator(BatchLimitsRepository limits, GridLimits gridLimits) {
        this.limits = limits;
        this.gridLimits = gridLimits;
    }

    PlanningInput limits(PlanningTargets.Target target, ChargingRequest request, double evMaxPowerW,
            double evMinPowerW, Instant now) {
        PlanningJob job = new PlanningJob(request, target, evMaxPowerW, evMinPowerW, Optional.empty());
        // the station by id too, wherever it is now, as the batch's refusals need it
        Set<String> targets = new LinkedHashSet<>(List.of(PlanGenerations.target(target.stationId(), null),
                PlanGenerations.target(target.stationId(), target.gridConnectionPoint())));
        return limits.readOutsideBatch(targets, gridLimits, now).input(job, now);
    }
}
