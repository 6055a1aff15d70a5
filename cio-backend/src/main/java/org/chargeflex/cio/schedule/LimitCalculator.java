package org.chargeflex.cio.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.springframework.stereotype.Component;

/**
 * The limits for planning one session outside a planning batch (the check of a management service's answer before
 * the batch): the same read and the same figures as the batch's ({@link BatchLimitsRepository}, {@link BatchLimits}),
 * for the one request.
 */
@Component
class LimitCalculator {
    private final BatchLimitsRepository limits;

    LimitCalculator(BatchLimitsRepository limits) {
        this.limits = limits;
    }

    PlanningInput limits(PlanningTargets.Target target, ChargingRequest request, double evMaxPowerW,
            double evMinPowerW, Instant now) {
        PlanningJob job = new PlanningJob(request, target, evMaxPowerW, evMinPowerW, Optional.empty());
        List<String> grids = target.gridConnectionPoint() == null ? List.of() : List.of(target.gridConnectionPoint());
        return limits.read(List.of(target.stationId()), grids, List.of()).input(job, now);
    }
}
