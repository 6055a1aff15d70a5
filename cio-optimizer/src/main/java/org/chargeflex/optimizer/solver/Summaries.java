package org.chargeflex.optimizer.solver;

import java.util.List;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;

/** Computes a plan's {@link Summary}. */
public final class Summaries {
    private Summaries() {
    }

    public static Summary of(Problem problem, List<SessionPlan> plans, long solveMillis) {
        int slots = problem.slots();
        double hours = problem.slotHours();
        double[] base = problem.totalBaseLoadW();
        double[] renewable = problem.renewableW();
        double[] price = problem.priceEurPerKWh();
        double[] charging = new double[slots];
        double delivered = 0;
        double shortfall = 0;
        for (SessionPlan s : plans) {
            for (int t = 0; t < slots; t++) {
                charging[t] += s.powerW(t);
            }
            delivered += s.deliveredWh();
            shortfall += s.shortfallWh();
        }
        double peak = Double.NEGATIVE_INFINITY;
        double cost = 0;
        double green = 0;
        for (int t = 0; t < slots; t++) {
            peak = Math.max(peak, base[t] + charging[t]);
            cost += price[t] * charging[t] * hours / 1000;
            green += Math.min(charging[t], Math.max(0, renewable[t] - base[t])) * hours;
        }
        return new Summary(peak, uncontrolledPeak(problem, base), delivered, shortfall, cost, green, solveMillis);
    }

    /** Every EV at full power from its first slot until its demand is met, no limits. */
    static double uncontrolledPeak(Problem problem, double[] base) {
        double[] load = base.clone();
        double hours = problem.slotHours();
        for (Session s : problem.sessions()) {
            double left = s.energyWh();
            double max = s.effectiveMaxPowerW();
            for (int t = problem.firstSlot(s); t < problem.endSlot(s) && left > 0; t++) {
                double p = Math.min(max, left / hours);
                load[t] += p;
                left -= p * hours;
            }
        }
        double peak = Double.NEGATIVE_INFINITY;
        for (double l : load) {
            peak = Math.max(peak, l);
        }
        return peak;
    }
}
