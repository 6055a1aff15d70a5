package org.chargeflex.optimizer.solver;

import java.util.ArrayList;
import java.util.List;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;

/**
 * Plans a whole fleet: (1) the energy each session can get, fairly if not all demands fit ({@link FairShare}); (2) the
 * objective with those energies fixed: minimum peak + valley filling of the base load + charging (PEAK), of the base
 * load - renewable forecast + charging (RENEWABLE), or minimum cost (TARIFF); (3) the EVs' minimum power
 * ({@link MinPowerRepair}). Thread-safe: keeps no state between calls. See docs/optimizer.md.
 */
public final class Optimizer {
    private final int flattenRounds;

    private Optimizer(int flattenRounds) {
        this.flattenRounds = flattenRounds;
    }

    /** An optimiser that flattens completely (valley filling until every slot is fixed). */
    public static Optimizer create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of the optimiser. */
    public static final class Builder {
        private int flattenRounds = Integer.MAX_VALUE;

        private Builder() {
        }

        /**
         * Valley-filling rounds after the peak is found (each fixes at least one slot); 0 = minimum peak only, the
         * default = until done.
         */
        public Builder flattenRounds(int rounds) {
            if (rounds < 0) {
                throw new IllegalArgumentException("flattenRounds must be >= 0, was " + rounds);
            }
            this.flattenRounds = rounds;
            return this;
        }

        public Optimizer build() {
            return new Optimizer(flattenRounds);
        }
    }

    public Plan plan(Problem problem) {
        long started = System.nanoTime();
        List<Session> sessions = problem.sessions();
        double[] demandWh = sessions.stream().mapToDouble(Session::energyWh).toArray();
        FlowModel m = new FlowModel(problem, demandWh);
        double[] deliverable = FairShare.deliverable(m);
        m.net.resetFlow();
        for (int i = 0; i < deliverable.length; i++) {
            m.setDemand(i, deliverable[i]);
        }
        double[] base = problem.totalBaseLoadW();
        double[] levelBase = base.clone();
        if (problem.objective() == Objective.RENEWABLE) {
            double[] renewable = problem.renewableW();
            for (int t = 0; t < levelBase.length; t++) {
                levelBase[t] -= renewable[t];
            }
        }
        if (problem.objective() == Objective.TARIFF) {
            TariffSolver.solve(m, problem.priceEurPerKWh(), base);
        } else {
            new LevelSolver(m, levelBase).solve(flattenRounds);
        }
        double[][] powers = m.powers();
        if (sessions.stream().anyMatch(s -> s.minPowerW() > 0)) {
            MinPowerRepair.repair(m, powers, base);
        }
        List<SessionPlan> plans = new ArrayList<>(sessions.size());
        double hours = problem.slotHours();
        for (int i = 0; i < sessions.size(); i++) {
            double delivered = 0;
            for (double p : powers[i]) {
                delivered += p * hours;
            }
            double shortfall = sessions.get(i).energyWh() - delivered;
            plans.add(new SessionPlan(sessions.get(i).id(), powers[i], delivered,
                    shortfall < 1e-6 * Math.max(1, sessions.get(i).energyWh()) ? 0 : shortfall));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Plan(problem, plans, Summaries.of(problem, plans, millis));
    }
}
