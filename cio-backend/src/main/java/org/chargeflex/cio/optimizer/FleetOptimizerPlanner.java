package org.chargeflex.cio.optimizer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.SessionPlan;
import org.springframework.stereotype.Component;

/**
 * The schedule service's planner, backed by the load-management optimiser (module cio-optimizer, docs/optimizer.md).
 *
 * <p>The {@link SchedulePlanner} contract plans one session whose headroom is already net of the other sessions'
 * plans, so the optimiser gets a one-session problem: the session under one limit node whose limit is
 * {@link PlanningInput#maxPowerW()}, over slots of at most {@code cio.planning.slot-length} (default 15 minutes) from now
 * to the departure (at least {@code cio.planning.min-horizon}, default 15 minutes, at most {@link #MAX_HORIZON}; the
 * slot length is stretched by a few seconds so that whole slots
 * end at the departure). With the PEAK objective that is the flattest schedule that delivers the demand; the EV's
 * minimum power is kept (0 or at least the minimum). Powers are rounded down to whole watts (after 1 mW of solver tolerance), so the plan never exceeds a
 * limit; the part of the demand that does not fit is simply not planned (the station asks again).
 *
 * <p>With a site ({@link PlanningInput#gridConnectionPoint()}) whose {@link SitePlanning} is not the default, the
 * session's limit node hangs under a site node whose limit is the grid headroom and whose base load is the site's
 * base load forecast, and the problem has the site's objective with its renewable forecast or prices per slot: TARIFF
 * puts the energy into the cheapest slots, RENEWABLE follows the forecast, PEAK flattens base load + charging.
 */
@Component
public class FleetOptimizerPlanner implements SchedulePlanner {
    static final Duration MIN_HORIZON = PlanningHorizon.MIN_HORIZON;
    static final Duration MAX_HORIZON = PlanningHorizon.MAX_HORIZON;
    static final long MAX_SLOT_SECONDS = PlanningGrid.DEFAULT.slotLength().getSeconds();

    private final Optimizer optimizer = Optimizer.create();
    private final SitePlanningSource sites;
    private final PlanningGrid grid;

    public FleetOptimizerPlanner(SitePlanningSource sites, PlanningGrid grid) {
        this.sites = sites;
        this.grid = grid;
    }

    @Override
    public PlannedSchedule plan(PlanningInput in) {
        PlanningHorizon horizon = PlanningHorizon.of(in, grid.minHorizon());
        Instant start = horizon.start();
        Instant end = horizon.end();
        long seconds = horizon.seconds();
        double cap = Math.floor(in.maxPowerW());
        double evMax = Math.min(in.evMaxPowerW(), in.outletMaxPowerW());
        if (in.energyDemandWh() <= 0 || cap <= 0 || cap < in.evMinPowerW() || evMax <= 0) {
            return new PlannedSchedule(start, List.of(new SchedulePeriod(0, 0)), end);
        }
        long maxSlotSeconds = grid.slotLength().getSeconds();
        int slots = (int) ((seconds + maxSlotSeconds - 1) / maxSlotSeconds);
        long slotSeconds = (seconds + slots - 1) / slots;
        Problem.Builder problem = Problem.builder(start, slots).slotLength(Duration.ofSeconds(slotSeconds))
                .session(Session.builder("session").node("limit").window(start, start.plusSeconds(slots * slotSeconds))
                        .energyWh(in.energyDemandWh()).power(Math.min(in.evMinPowerW(), evMax), in.evMaxPowerW())
                        .outletMaxPowerW(in.outletMaxPowerW()).build());
        SitePlanning site = in.gridConnectionPoint() == null ? SitePlanning.DEFAULT : sites.planning(in.gridConnectionPoint());
        if (site.isDefault()) {
            problem.node(LimitNode.builder("limit", slots).maxPowerW(cap).build());
        } else {
            Instant[] bounds = new Instant[slots + 1];
            for (int t = 0; t <= slots; t++) {
                bounds[t] = start.plusSeconds(t * slotSeconds);
            }
            double siteCap = Double.isFinite(in.gridHeadroomW()) ? Math.max(0, Math.floor(in.gridHeadroomW())) : cap;
            double[] base = site.baseLoad(bounds);
            double[] siteMax = new double[slots];
            for (int t = 0; t < slots; t++) {
                siteMax[t] = siteCap + base[t]; // base load counts against the grid headroom (the optimiser subtracts it)
            }
            problem.node(LimitNode.builder("site", slots).maxPowerW(siteMax).baseLoadW(base).build())
                    .node(LimitNode.builder("limit", slots).parent("site").maxPowerW(cap).build())
                    .objective(site.effectiveObjective());
            switch (site.effectiveObjective()) {
                case TARIFF -> problem.priceEurPerKWh(site.prices(bounds));
                case RENEWABLE -> problem.renewableW(site.renewable(bounds));
                default -> { }
            }
        }
        SessionPlan plan = optimizer.plan(problem.build()).sessions().get(0);
        List<SchedulePeriod> periods = new ArrayList<>();
        double last = -1;
        for (int t = 0; t < slots; t++) {
            double power = Math.min(cap, Math.floor(plan.powerW(t) + 1e-3));
            if (power > 0 && power < in.evMinPowerW()) {
                power = 0; // whole-watt rounding took it below the minimum
            }
            if (power != last) {
                periods.add(new SchedulePeriod(t * slotSeconds, power));
                last = power;
            }
        }
        return new PlannedSchedule(start, periods, end);
    }
}
