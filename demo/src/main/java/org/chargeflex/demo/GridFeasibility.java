package org.chargeflex.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.SessionPlan;

/**
 * The most energy any controller could have delivered to the fleet under the grid limit: the load-management
 * optimiser's maximum flow (docs/optimizer.md, stage 1) over the whole simulated day, each EV in its window less the
 * start-up lag, at most its maximum power. Slots are {@link #SLOT} long and only whole slots inside a window count, so
 * this slightly underestimates what is deliverable.
 */
final class GridFeasibility {
    static final Duration SLOT = Duration.ofMinutes(5);

    private GridFeasibility() {
    }

    static double maxDeliverableWh(List<Visit> visits, double gridLimitW, long lagMs, long untilMs) {
        Instant day = Instant.EPOCH;
        int slots = (int) (untilMs / SLOT.toMillis()) + 1;
        Problem.Builder problem = Problem.builder(day, slots).slotLength(SLOT)
                .node(LimitNode.builder("grid", slots).maxPowerW(gridLimitW).build());
        int n = 0;
        for (Visit v : visits) {
            long from = v.arrivalMs() + lagMs;
            long to = Math.min(v.departureMs(), untilMs);
            if (v.demandWh() <= 0 || to <= from) {
                continue;
            }
            problem.session(Session.builder("v" + n++).node("grid").window(day.plusMillis(from), day.plusMillis(to))
                    .energyWh(v.demandWh()).power(0, v.maxPowerW()).phases(v.phases()).build());
        }
        if (n == 0) {
            return 0;
        }
        return Optimizer.create().plan(problem.build()).sessions().stream().mapToDouble(SessionPlan::deliveredWh).sum();
    }
}
