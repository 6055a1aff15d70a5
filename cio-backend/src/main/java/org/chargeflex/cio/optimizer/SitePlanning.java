package org.chargeflex.cio.optimizer;

import java.time.Instant;
import org.chargeflex.optimizer.model.Objective;

/**
 * What a site (a grid connection point) plans its sessions for: its objective and the series the optimiser needs
 * (see docs/cio-backend.md, "Objectives per site"). Per planning slot, the base load is the highest value in the slot
 * (conservative: it counts against the limit), the renewable forecast and the price are time-weighted averages. Before
 * the first point a forecast is 0 and a price is the first price.
 *
 * @param baseLoadW    base load forecast at the grid connection point, W (counts against its limit)
 * @param renewableW   renewable generation forecast, W (RENEWABLE follows it)
 * @param pricePerKWh  energy price per kWh (TARIFF minimises the cost)
 */
public record SitePlanning(Objective objective, StepSeries baseLoadW, StepSeries renewableW, StepSeries pricePerKWh) {
    /** No site data: PEAK without base load (what the CIO planned before objectives). */
    public static final SitePlanning DEFAULT = new SitePlanning(Objective.PEAK, StepSeries.EMPTY, StepSeries.EMPTY,
            StepSeries.EMPTY);

    /** The objective the optimiser can follow with these series (PEAK if the series the objective needs is empty). */
    public Objective effectiveObjective() {
        return switch (objective) {
            case TARIFF -> pricePerKWh.isEmpty() ? Objective.PEAK : Objective.TARIFF;
            case RENEWABLE -> renewableW.isEmpty() ? Objective.PEAK : Objective.RENEWABLE;
            case PEAK -> Objective.PEAK;
        };
    }

    /** Whether this plans like {@link #DEFAULT} (PEAK, no base load). */
    public boolean isDefault() {
        return effectiveObjective() == Objective.PEAK && baseLoadW.isEmpty();
    }

    /** The base load per slot: slot {@code t} spans [slotFrom(t), slotFrom(t + 1)), W, never negative. */
    public double[] baseLoad(Instant[] bounds) {
        double[] v = new double[bounds.length - 1];
        for (int t = 0; t < v.length; t++) {
            v[t] = Math.max(0, baseLoadW.max(bounds[t], bounds[t + 1], 0));
        }
        return v;
    }

    /** The renewable forecast per slot (average), W. */
    public double[] renewable(Instant[] bounds) {
        double[] v = new double[bounds.length - 1];
        for (int t = 0; t < v.length; t++) {
            v[t] = Math.max(0, renewableW.average(bounds[t], bounds[t + 1], 0));
        }
        return v;
    }

    /** The price per slot (average), per kWh. */
    public double[] prices(Instant[] bounds) {
        double[] v = new double[bounds.length - 1];
        double before = pricePerKWh.first(0);
        for (int t = 0; t < v.length; t++) {
            v[t] = pricePerKWh.average(bounds[t], bounds[t + 1], before);
        }
        return v;
    }
}
